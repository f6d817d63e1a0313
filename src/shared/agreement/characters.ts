import type { Interval } from './alpha-u'
import { MinHeap } from './heap'
import type { NSpan } from './prepare'

/** A stretch of code points with one character label; label -1 = "O" (no span). */
export interface Run extends Interval {
  label: number
}

/** Length first, then start, then label order: the span that labels a character it shares. */
function shorter(a: NSpan, b: NSpan): boolean {
  return (a.end - a.start - (b.end - b.start) || a.start - b.start || a.label - b.label) < 0
}

/**
 * Character labels of one layer as runs covering [0, length). A character covered by
 * several spans (nested or overlapping) takes the label of the shortest of them; among
 * equally short ones the earliest start, then the label listed first. A sweep over the
 * span boundaries with a heap of the open spans: O(n log n), independent of the length.
 *
 * @param spans sorted by start (as prepare() leaves them)
 */
export function flattenRuns(spans: readonly NSpan[], length: number): Run[] {
  if (spans.length === 0) return length > 0 ? [{ start: 0, end: length, label: -1 }] : []
  // Every boundary, sorted; repeated ones are skipped below.
  const points = new Float64Array(2 * spans.length + 2)
  spans.forEach((s, k) => {
    points[2 * k] = s.start
    points[2 * k + 1] = s.end
  })
  points[2 * spans.length + 1] = length
  points.sort()
  const open = new MinHeap<NSpan>(shorter)
  const runs: Run[] = []
  let k = 0
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p] as number
    const to = points[p + 1] as number
    if (from === to) continue
    while (k < spans.length && (spans[k] as NSpan).start <= from) open.push(spans[k++] as NSpan)
    while (open.size > 0 && (open.peek() as NSpan).end <= from) open.pop()
    const label = open.peek()?.label ?? -1
    const last = runs[runs.length - 1]
    if (last !== undefined && last.label === label) last.end = to
    else runs.push({ start: from, end: to, label })
  }
  return runs
}

/**
 * By label index: the union of the layer's spans of that label as sorted intervals.
 * Overlapping spans of one label merge into one interval; spans that only touch
 * (one ends where the next starts) stay separate units.
 *
 * @param spans sorted by start
 */
export function unionByLabel(spans: readonly NSpan[]): Map<number, Interval[]> {
  const byLabel = new Map<number, Interval[]>()
  for (const s of spans) {
    const list = byLabel.get(s.label)
    const last = list?.[list.length - 1]
    if (list === undefined) byLabel.set(s.label, [{ start: s.start, end: s.end }])
    else if (last !== undefined && s.start < last.end) last.end = Math.max(last.end, s.end)
    else list.push({ start: s.start, end: s.end })
  }
  return byLabel
}

/** Non-whitespace code points in [start, end), from the prefix counts. */
export function nonWsIn(nonWs: Int32Array, start: number, end: number): number {
  return (nonWs[end] as number) - (nonWs[start] as number)
}

/** Non-whitespace code points covered by sorted intervals (disjoint or touching). */
export function nonWsCovered(nonWs: Int32Array, intervals: readonly Interval[]): number {
  let n = 0
  for (const iv of intervals) n += nonWsIn(nonWs, iv.start, iv.end)
  return n
}

/** Non-whitespace code points covered by both sorted, disjoint interval lists. */
export function nonWsShared(nonWs: Int32Array, a: readonly Interval[], b: readonly Interval[]): number {
  let n = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval
    const y = b[j] as Interval
    const start = Math.max(x.start, y.start)
    const end = Math.min(x.end, y.end)
    if (start < end) n += nonWsIn(nonWs, start, end)
    if (x.end <= y.end) i++
    else j++
  }
  return n
}
