import type { AppStore } from './app-store'
import { applyLabel } from './label-actions'
import { entityKey } from './entities'
import { openOccurrences } from './occurrences'
import { overlayKey } from './overlays'
import { relationKey } from './relations'

/** Inputs where a key types or picks something; a checkbox or radio button takes no digits, so hotkeys still work there. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type)
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The app's keyboard shortcuts: label hotkeys, Delete/Backspace, undo/redo
 * (Ctrl or Cmd), Escape. Returns a handler for window keydown.
 */
export function createShortcutHandler(store: AppStore): (e: KeyboardEvent) => void {
  return (e) => {
    const s = store.getState()
    if (s.dialog || isEditable(e.target)) return
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
    if (mod && !e.altKey && key === 'z') {
      e.preventDefault()
      void (e.shiftKey ? s.redo() : s.undo())
      return
    }
    if (mod && !e.altKey && key === 'y') {
      e.preventDefault()
      void s.redo()
      return
    }
    // Label all occurrences of the span just labelled (or selected), in this document, the open ones or the corpus.
    if (mod && e.shiftKey && !e.altKey && key === 'a') {
      e.preventDefault()
      openOccurrences(store)
      return
    }
    if (mod || e.altKey) return
    // Suggestions (Enter accepts, Shift+Enter accepts all of the label, x rejects) and Shift+I (not article text).
    if (overlayKey(store, e)) {
      e.preventDefault()
      return
    }
    // Links: p / d / l (the roles' hotkeys) on a selected meeting start link mode; Escape leaves it.
    if (!e.shiftKey && relationKey(store, e)) {
      e.preventDefault()
      return
    }
    // Entities: e on a selected span opens the type-ahead that links it to an entity.
    if (entityKey(store, e)) {
      e.preventDefault()
      return
    }
    const label = s.labels.find((l) => l.hotkey === e.key)
    if (label) {
      e.preventDefault()
      applyLabel(store, label.key)
      return
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && s.selected) {
      e.preventDefault()
      void s.deleteSelected()
      return
    }
    if (e.key === 'Escape') {
      s.selectSpan(null)
      window.getSelection()?.removeAllRanges()
    }
  }
}
