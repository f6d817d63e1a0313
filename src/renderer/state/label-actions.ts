import { readSelection } from '../text/dom-selection'
import type { AppStore } from './app-store'

/**
 * What a label hotkey or label button does: label the text selected in a pane,
 * or else relabel the selected span.
 */
export function applyLabel(store: AppStore, labelKey: string): void {
  const s = store.getState()
  const sel = readSelection(window.getSelection())
  if (sel && 'error' in sel) {
    s.setStatus({ kind: 'error', message: sel.error })
    return
  }
  if (sel) {
    const slot = s.docs[sel.docId]
    if (slot?.state !== 'ready') return
    const { map } = slot.loaded
    const start = map.toCodePoint(sel.start)
    const end = map.toCodePoint(sel.end)
    window.getSelection()?.removeAllRanges()
    if (end > start) void s.labelRange(sel.docId, start, end, labelKey)
    return
  }
  if (s.selected) {
    void s.relabelSelected(labelKey)
    return
  }
  s.setStatus({ kind: 'info', message: 'Select some text first, then press a label key (or click a span to relabel it).' })
}
