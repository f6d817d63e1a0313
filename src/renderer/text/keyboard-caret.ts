import { offsetToPoint, pointToOffset } from './dom-selection'

/**
 * Where the keyboard caret starts in a document's text when the DOM selection is elsewhere
 * (labelling clears it, Escape clears it, focus came by Tab): after the selected span if there is
 * one (so ] then Shift+→ goes on from that span), else where the caret last was, else the start.
 */
const lastCaret = new WeakMap<HTMLElement, number>()

export function placeCaret(container: HTMLElement, sel: Selection): boolean {
  const selected = container.querySelector('mark.span.selected')
  const at = selected ? pointToOffset(container, selected, selected.childNodes.length) : (lastCaret.get(container) ?? 0)
  const point = offsetToPoint(container, Math.min(at, Number(container.dataset['length'] ?? at))) ?? offsetToPoint(container, 0)
  if (!point) return false
  sel.collapse(point.node, point.offset)
  return true
}

/** Remembers where the caret (the selection's moving end) is after a keyboard move. */
export function rememberCaret(container: HTMLElement, sel: Selection): void {
  if (sel.focusNode && container.contains(sel.focusNode)) lastCaret.set(container, pointToOffset(container, sel.focusNode, sel.focusOffset))
}
