import { matches, matchesHotkey } from '../../shared/shortcut-table'
import type { AppStore } from './app-store'
import { applyLabel } from './label-actions'
import { entityKey } from './entities'
import { openOccurrences } from './occurrences'
import { overlayKey } from './overlays'
import { relationKey } from './relations'
import { stepSpan } from './span-nav'

/** Inputs where a key types or picks something; a checkbox or radio button takes no digits, so hotkeys still work there. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type)
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The app's window-wide keyboard shortcuts, matched through the shortcut table
 * (src/shared/shortcut-table.ts): the cheat sheet, undo/redo, label hotkeys, span
 * navigation, Delete, Escape, and the suggestion, link and entity keys. Returns a
 * handler for window keydown.
 */
export function createShortcutHandler(store: AppStore): (e: KeyboardEvent) => void {
  return (e) => {
    const s = store.getState()
    if (s.dialog || isEditable(e.target)) return
    if (matches('cheatSheet', e)) {
      e.preventDefault()
      s.setDialog('shortcuts')
      return
    }
    if (matches('undo', e)) {
      e.preventDefault()
      void s.undo()
      return
    }
    if (matches('redo', e)) {
      e.preventDefault()
      void s.redo()
      return
    }
    // Label all occurrences of the span just labelled (or selected), in this document, the open ones or the corpus.
    if (matches('occurrences', e)) {
      e.preventDefault()
      openOccurrences(store)
      return
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return
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
    const label = s.labels.find((l) => !l.retired && matchesHotkey(l.hotkey, e))
    if (label) {
      e.preventDefault()
      applyLabel(store, label.key)
      return
    }
    if (matches('nextSpan', e) || matches('previousSpan', e)) {
      e.preventDefault()
      stepSpan(store, matches('nextSpan', e) ? 1 : -1)
      return
    }
    if (matches('deleteSpan', e) && s.selected) {
      e.preventDefault()
      void s.deleteSelected()
      return
    }
    if (matches('deselect', e)) {
      s.selectSpan(null)
      window.getSelection()?.removeAllRanges()
    }
  }
}
