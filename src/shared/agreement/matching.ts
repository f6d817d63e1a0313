import { compareSpans, type NSpan } from './prepare'

/**
 * Span matching between two layers of one document (both distinct and sorted by
 * compareSpans), for exact F1, overlap F1 and the confusion matrix.
 *
 * Every step matches each span at most once and is symmetric in the two layers:
 * swapping A and B swaps the roles of the result and changes no count.
 */

export interface PairMatching {
  /** By label index: spans of A with an identical span in B. */
  exact: number[]
  /** By label index: matches of the overlap rule (identical ones included). */
  overlap: number[]
  /** Pairs (label of A, label of B) of the confusion matching; -1 = unmatched (MISSING). */
  confusion: Array<[number, number]>
}

interface Candidate {
  a: number
  b: number
  overlap: number
}

export function matchPair(A: readonly NSpan[], B: readonly NSpan[], labelCount: number): PairMatching {
  const exact = new Array<number>(labelCount).fill(0)
  const overlap = new Array<number>(labelCount).fill(0)

  // Step 1: identical (start, end, label). Both lists are sorted, so a merge finds them.
  const aToB = new Int32Array(A.length).fill(-1)
  const bToA = new Int32Array(B.length).fill(-1)
  for (let i = 0, j = 0; i < A.length && j < B.length; ) {
    const c = compareSpans(A[i] as NSpan, B[j] as NSpan)
    if (c < 0) i++
    else if (c > 0) j++
    else {
      aToB[i] = j
      bToA[j] = i
      const label = (A[i] as NSpan).label
      exact[label] = (exact[label] ?? 0) + 1
      overlap[label] = (overlap[label] ?? 0) + 1
      i++
      j++
    }
  }

  const candidates = overlappingCandidates(A, B, aToB, bToA)
  const byPriority = (x: Candidate, y: Candidate): number => comparePriority(A, B, x, y)
  candidates.sort(byPriority)

  // Overlap F1: then overlapping spans with the same label, largest overlap first.
  const oa = aToB.slice()
  const ob = bToA.slice()
  for (const c of candidates) {
    const a = A[c.a] as NSpan
    if (a.label !== (B[c.b] as NSpan).label || oa[c.a] !== -1 || ob[c.b] !== -1) continue
    oa[c.a] = c.b
    ob[c.b] = c.a
    overlap[a.label] = (overlap[a.label] ?? 0) + 1
  }

  // Confusion: identical boundaries with another label, then any overlap.
  matchSameBoundaries(A, B, aToB, bToA)
  for (const c of candidates) {
    if (aToB[c.a] !== -1 || bToA[c.b] !== -1) continue
    aToB[c.a] = c.b
    bToA[c.b] = c.a
  }
  const confusion: Array<[number, number]> = []
  A.forEach((a, i) => confusion.push([a.label, aToB[i] === -1 ? -1 : (B[aToB[i] as number] as NSpan).label]))
  B.forEach((b, j) => {
    if (bToA[j] === -1) confusion.push([-1, b.label])
  })
  return { exact, overlap, confusion }
}

/**
 * Pairs of still unmatched spans that share at least one code point. Sweep over A by
 * start with the B spans that started before the current A span ends; B spans that
 * ended before it starts are dropped for good. Linear plus the number of overlapping
 * pairs for ordinary (little nested) annotation.
 */
function overlappingCandidates(A: readonly NSpan[], B: readonly NSpan[], aToB: Int32Array, bToA: Int32Array): Candidate[] {
  const out: Candidate[] = []
  let active: number[] = []
  let next = 0
  A.forEach((a, ai) => {
    if (aToB[ai] !== -1) return
    while (next < B.length && (B[next] as NSpan).start < a.end) {
      if (bToA[next] === -1) active.push(next)
      next++
    }
    const kept: number[] = []
    for (const bi of active) {
      const b = B[bi] as NSpan
      if (b.end <= a.start) continue
      kept.push(bi)
      if (b.start < a.end) out.push({ a: ai, b: bi, overlap: Math.min(a.end, b.end) - Math.max(a.start, b.start) })
    }
    active = kept
  })
  return out
}

/**
 * Greedy order: larger overlap first, then same label first, then by the pair's two spans
 * compared as an unordered pair (the smaller span first), so the order does not depend
 * on which layer is A.
 */
function comparePriority(A: readonly NSpan[], B: readonly NSpan[], x: Candidate, y: Candidate): number {
  if (x.overlap !== y.overlap) return y.overlap - x.overlap
  const xa = A[x.a] as NSpan
  const xb = B[x.b] as NSpan
  const ya = A[y.a] as NSpan
  const yb = B[y.b] as NSpan
  const xSame = xa.label === xb.label ? 0 : 1
  const ySame = ya.label === yb.label ? 0 : 1
  if (xSame !== ySame) return xSame - ySame
  const [xLo, xHi] = compareSpans(xa, xb) <= 0 ? [xa, xb] : [xb, xa]
  const [yLo, yHi] = compareSpans(ya, yb) <= 0 ? [ya, yb] : [yb, ya]
  return compareSpans(xLo, yLo) || compareSpans(xHi, yHi)
}

/**
 * Matches unmatched spans with identical boundaries but different labels: within each
 * (start, end) group, A's and B's leftover spans pair up in label order.
 */
function matchSameBoundaries(A: readonly NSpan[], B: readonly NSpan[], aToB: Int32Array, bToA: Int32Array): void {
  let i = 0
  let j = 0
  while (i < A.length && j < B.length) {
    const a = A[i] as NSpan
    const b = B[j] as NSpan
    const c = a.start - b.start || a.end - b.end
    if (c < 0) i++
    else if (c > 0) j++
    else {
      const as: number[] = []
      const bs: number[] = []
      for (; i < A.length && (A[i] as NSpan).start === a.start && (A[i] as NSpan).end === a.end; i++) if (aToB[i] === -1) as.push(i)
      for (; j < B.length && (B[j] as NSpan).start === b.start && (B[j] as NSpan).end === b.end; j++) if (bToA[j] === -1) bs.push(j)
      for (let k = 0; k < Math.min(as.length, bs.length); k++) {
        aToB[as[k] as number] = bs[k] as number
        bToA[bs[k] as number] = as[k] as number
      }
    }
  }
}
