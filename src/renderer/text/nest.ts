import type { Message } from '../../shared/message'
/** A span as the renderer draws it: UTF-16 offsets into the document. */
export interface RenderSpan {
  id: number
  start: number
  end: number
  label: string
  /** Review mode: what kind of candidate this is and what was decided (styled by CSS). */
  kind?: string
  decision?: string
  /** Review mode: the candidate's key, as data-candidate. */
  candidate?: string
  /** Extra words for the tooltip, e.g. who proposed it. */
  /** The hover text's detail: a region's stored reason, or a message (a suggestion's source). */
  note?: string | Message
  /** Drawn before the core confirmed the save (optimistic painting); rendered as data-pending. */
  pending?: boolean
  /**
   * Not a span but something drawn over the text (src/renderer/text/overlays.ts): a region
   * marked as not article text, a suggested one, or a span suggestion. Drawn as a <span>, never a <mark>.
   */
  overlay?: 'ignored' | 'region-suggestion' | 'suggestion'
  /** ignored: the stored region's id. */
  regionId?: number
  /** suggestion: its offsets in code points, as the API gives them. */
  cp?: { start: number; end: number }
}

/** One element to draw: a span, or the piece of a span that crosses another. */
export interface MarkNode {
  span: RenderSpan
  start: number
  end: number
  depth: number
  children: MarkNode[]
}

/**
 * Arranges the spans that fall in [from, to) into a tree of nested elements.
 * Nested spans become children; a span that crosses the end of another is cut
 * there and continues as a second element with the same span id. Depth drives
 * the stacked underlines that keep overlapping spans readable.
 */
export function nestSpans(spans: readonly RenderSpan[], from: number, to: number): MarkNode[] {
  const queue: { span: RenderSpan; start: number; end: number }[] = []
  for (const span of spans) {
    const start = Math.max(span.start, from)
    const end = Math.min(span.end, to)
    if (end > start) queue.push({ span, start, end })
  }
  queue.sort(byPosition)
  const roots: MarkNode[] = []
  const stack: MarkNode[] = []
  for (let i = 0; i < queue.length; i++) {
    let piece = queue[i] as (typeof queue)[number]
    while (stack.length > 0 && (stack[stack.length - 1] as MarkNode).end <= piece.start) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent && piece.end > parent.end) {
      insertSorted(queue, { span: piece.span, start: parent.end, end: piece.end }, i + 1)
      piece = { ...piece, end: parent.end }
    }
    const node: MarkNode = { span: piece.span, start: piece.start, end: piece.end, depth: stack.length, children: [] }
    ;(parent ? parent.children : roots).push(node)
    stack.push(node)
  }
  return roots
}

function byPosition(a: { span: RenderSpan; start: number; end: number }, b: { span: RenderSpan; start: number; end: number }): number {
  return a.start - b.start || b.end - a.end || a.span.id - b.span.id
}

function insertSorted<T extends { span: RenderSpan; start: number; end: number }>(queue: T[], item: T, from: number): void {
  let lo = from
  let hi = queue.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byPosition(queue[mid] as T, item) <= 0) lo = mid + 1
    else hi = mid
  }
  queue.splice(lo, 0, item)
}
