import { pointToOffset } from '../text/dom-selection'
import type { AppStore } from './app-store'
import { slotKey } from './slots'
import { say } from './status'

/**
 * Keyboard selection of existing spans: ] selects the next span of the document being worked on,
 * [ the previous one (from the selected span, or else from the caret). A label key then relabels
 * it and Delete removes it, as after a click. The mark scrolls into view and the text keeps focus.
 */
export function stepSpan(store: AppStore, direction: 1 | -1): void {
  const s = store.getState()
  const container = currentText(s.activePane)
  if (!container) {
    s.setStatus({ kind: 'info', message: say('shortcuts:noText') })
    return
  }
  const docId = container.dataset['docId'] ?? ''
  const slot = s.docs[slotKey(docId, container.dataset['layer'] ?? '')]
  if (slot?.state !== 'ready') return
  const spans = [...new Map(slot.loaded.blockSpans.flat().filter((r) => r.id > 0 && !r.overlay).map((r) => [r.id, r])).values()].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.id - b.id
  )
  if (spans.length === 0) {
    s.setStatus({ kind: 'info', message: say('shortcuts:noSpans') })
    return
  }
  const at = s.selected?.docId === docId ? spans.findIndex((r) => r.id === s.selected?.spanId) : -1
  let next: number
  if (at >= 0) next = (at + direction + spans.length) % spans.length
  else {
    const caret = caretIn(container)
    next = direction === 1 ? spans.findIndex((r) => r.start >= caret) : spans.findLastIndex((r) => r.start < caret)
    if (next < 0) next = direction === 1 ? 0 : spans.length - 1
  }
  const span = spans[next]
  if (!span) return
  window.getSelection()?.removeAllRanges()
  s.selectSpan({ docId, spanId: span.id })
  const label = s.labels.find((l) => l.key === span.label)?.name ?? span.label
  const text = slot.loaded.doc.text.slice(span.start, span.end)
  s.setStatus({ kind: 'info', message: say('shortcuts:spanSelected', { label, text, index: next + 1, total: spans.length }) })
  if (document.activeElement !== container) container.focus({ preventScroll: true })
  container.querySelector(`mark[data-span-id="${span.id}"]`)?.scrollIntoView?.({ block: 'nearest' })
}

/** The text being worked on: the one with focus or the selection, else the active pane's. */
function currentText(activePane: number): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>('[data-doc-text]')
  if (focused) return focused
  const anchor = window.getSelection()?.anchorNode
  const fromSelection = anchor && (anchor instanceof Element ? anchor : anchor.parentElement)?.closest<HTMLElement>('[data-doc-text]')
  if (fromSelection) return fromSelection
  return document.querySelector<HTMLElement>(`[data-testid="pane-${activePane}"] [data-doc-text]`) ?? document.querySelector<HTMLElement>('[data-doc-text]')
}

/** The caret's UTF-16 offset in the text, 0 when the caret is elsewhere. */
function caretIn(container: HTMLElement): number {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || !sel.focusNode || !container.contains(sel.focusNode)) return 0
  return pointToOffset(container, sel.focusNode, sel.focusOffset)
}
