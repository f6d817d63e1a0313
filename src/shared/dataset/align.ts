import { firstTokenEndingAfter } from './tokens'
import type { AlignMode, DatasetSpan, Token } from './types'

/** A span on token boundaries: tokenEnd is inclusive (Prodigy's token_end). */
export interface AlignedRange {
  start: number
  end: number
  tokenStart: number
  tokenEnd: number
}

/** First token index whose start is >= offset. */
function firstTokenStartingAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((tokens[mid] as Token).start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Moves a span onto token boundaries (tokens ascending and disjoint), or null
 * when the mode cannot keep it:
 * - expand: from the first to the last token the span touches (올트먼 in 올트먼의 → 올트먼의).
 *   Whitespace at the span's edges falls away; a span of whitespace only is null.
 * - contract: from the first to the last token wholly inside the span; null when none is.
 * - drop: the span unchanged when it starts and ends on token boundaries, else null.
 */
export function alignToTokens(span: Pick<DatasetSpan, 'start' | 'end'>, tokens: readonly Token[], mode: AlignMode): AlignedRange | null {
  let first: number
  let last: number
  if (mode === 'contract') {
    first = firstTokenStartingAtOrAfter(tokens, span.start)
    last = firstTokenEndingAfter(tokens, span.end) - 1
  } else {
    first = firstTokenEndingAfter(tokens, span.start)
    last = firstTokenStartingAtOrAfter(tokens, span.end) - 1
  }
  if (first > last || first >= tokens.length || last < 0) return null
  const a = tokens[first] as Token
  const b = tokens[last] as Token
  if (mode === 'drop' && (a.start !== span.start || b.end !== span.end)) return null
  return { start: a.start, end: b.end, tokenStart: first, tokenEnd: last }
}

/** Anything with offsets, a label and a position in the input (the last tie-break). */
export interface Ranked {
  start: number
  end: number
  label: string
  order: number
  /** Alignment moved the span; an unmoved span wins a tie. */
  moved?: boolean | undefined
}

/**
 * Keep-the-longest order: longer first (code points); then earlier start; then
 * label (code unit order); then a span alignment did not move; then input
 * order. Total, so the result never depends on how the input was sorted beyond `order`.
 */
export function compareForOverlap(a: Ranked, b: Ranked): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    Number(a.moved === true) - Number(b.moved === true) ||
    a.order - b.order
  )
}

export interface OverlapResult<T> {
  /** Pairwise disjoint, in input order. */
  kept: T[]
  /** Each dropped span with the kept span it overlaps that won (the first in keep order). */
  dropped: { span: T; by: T }[]
}

/**
 * Greedy overlap resolution: walks spans in compareForOverlap order and keeps a
 * span unless it shares a code point with one already kept. Exact duplicates
 * overlap each other, so one of them is dropped.
 */
export function resolveOverlaps<T extends Ranked>(spans: readonly T[]): OverlapResult<T> {
  const kept: T[] = []
  const dropped: { span: T; by: T }[] = []
  for (const s of [...spans].sort(compareForOverlap)) {
    const by = kept.find((k) => k.start < s.end && s.start < k.end)
    if (by) dropped.push({ span: s, by })
    else kept.push(s)
  }
  kept.sort((a, b) => a.order - b.order)
  return { kept, dropped }
}
