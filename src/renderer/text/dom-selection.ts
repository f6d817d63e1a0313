/**
 * Maps between DOM selections and UTF-16 offsets in a document's text
 * container (the element with data-doc-text). Each block element carries its
 * start offset in data-offset; a point inside it is that plus the length of
 * the text before the point within the block.
 */

export interface TextSelection {
  container: HTMLElement
  docId: string
  /** The layer the pane shows, and whether it may be changed there. */
  layer: string
  readOnly: boolean
  start: number
  end: number
}

export type SelectionResult = TextSelection | { error: string } | null

export function docTextOf(node: Node | null): HTMLElement | null {
  const el = node && (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)
  return (el?.closest('[data-doc-text]') as HTMLElement | null) ?? null
}

/** The current selection as offsets in one document, null when nothing is selected there. */
export function readSelection(sel: Selection | null): SelectionResult {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  const a = docTextOf(range.startContainer)
  const b = docTextOf(range.endContainer)
  if (!a && !b) return null
  if (!a || !b || a !== b) return { error: 'Select text within one document.' }
  const start = pointToOffset(a, range.startContainer, range.startOffset)
  const end = pointToOffset(a, range.endContainer, range.endOffset)
  if (end <= start) return null
  return { container: a, docId: a.dataset['docId'] ?? '', layer: a.dataset['layer'] ?? '', readOnly: a.dataset['readonly'] === 'true', start, end }
}

export function pointToOffset(container: HTMLElement, node: Node, offset: number): number {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const block = el?.closest('[data-offset]') as HTMLElement | null
  if (block && container.contains(block)) {
    const range = document.createRange()
    range.setStart(block, 0)
    range.setEnd(node, offset)
    return Number(block.dataset['offset']) + range.toString().length
  }
  // The point lies between blocks: it is the start of the first block after it.
  const point = document.createRange()
  point.setStart(node, offset)
  for (const b of container.querySelectorAll<HTMLElement>('[data-offset]')) {
    if (point.comparePoint(b, 0) >= 0) return Number(b.dataset['offset'])
  }
  return Number(container.dataset['length'] ?? 0)
}

/** Finds the DOM point for a UTF-16 offset among the rendered blocks, or null if that block is not rendered. */
export function offsetToPoint(container: HTMLElement, pos: number): { node: Node; offset: number } | null {
  let block: HTMLElement | null = null
  for (const b of container.querySelectorAll<HTMLElement>('[data-offset]')) {
    if (Number(b.dataset['offset']) <= pos) block = b
    else break
  }
  if (!block) return null
  let left = pos - Number(block.dataset['offset'])
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  let last: Text | null = null
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) return { node: n, offset: left }
    left -= n.data.length
    last = n
  }
  return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 }
}
