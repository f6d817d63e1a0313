import { readSelection } from '../text/dom-selection'
import type { AppStore } from './app-store'
import { ignoredRegionAt } from './overlays'
import { slotKey } from './slots'
import { say } from './status'

/**
 * What a label hotkey or label button does: label the text selected in a pane,
 * or else relabel the selected span.
 */
export function applyLabel(store: AppStore, labelKey: string): void {
  const s = store.getState()
  const sel = readSelection(window.getSelection())
  if (sel && 'error' in sel) {
    s.setStatus({ kind: 'error', message: say('status:selectionAcrossPanes') })
    return
  }
  if (sel && sel.readOnly) {
    s.setStatus({ kind: 'error', message: say('status:layerReadOnly', { layer: sel.layer }) })
    return
  }
  if (sel) {
    const slot = s.docs[slotKey(sel.docId, sel.layer)]
    if (slot?.state !== 'ready') return
    const { map, doc } = slot.loaded
    // A triple-click selects a whole line with its line break; a span never needs the break at its edges.
    let { start: s16, end: e16 } = sel
    while (s16 < e16 && isLineBreak(doc.text.charCodeAt(s16))) s16++
    while (e16 > s16 && isLineBreak(doc.text.charCodeAt(e16 - 1))) e16--
    const start = map.toCodePoint(s16)
    const end = map.toCodePoint(e16)
    // Text marked as not article text cannot be labelled (the core refuses it too, with the same words).
    const ignored = ignoredRegionAt(store, sel.docId, start, end)
    if (ignored) {
      s.setStatus({ kind: 'error', message: say('status:ignoredText', { reason: ignored.reason }) })
      return
    }
    window.getSelection()?.removeAllRanges()
    if (end > start) void s.labelRange(sel.docId, start, end, labelKey)
    return
  }
  if (s.selected) {
    void s.relabelSelected(labelKey)
    return
  }
  s.setStatus({ kind: 'info', message: say('status:selectFirst') })
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d
}
