import { alphaU, expectedDisagreement, gapLengths, observedDisagreement, observedSum, type Interval } from './alpha-u'
import { flattenRuns, nonWsCovered, nonWsShared, unionByLabel } from './characters'
import { kappa, newTally, addRuns } from './kappa'
import { matchPair } from './matching'
import type { PairStats } from './pair-stats'
import type { PreparedDoc } from './prepare'
import { f1, mean, total } from './stats'
import type { DocumentScores, Score, SpanCounts } from './types'

/** alpha_u's disagreements of one label. */
export interface Disagreement {
  observed: number
  expected: number
}

/** What the documents add up to, for the corpus-wide scores. */
export interface Totals {
  annotators: string[]
  labelCount: number
  pairs: Array<[number, number]>
  /** One per pair, in the order of `pairs`. */
  stats: PairStats[]
  /** [annotator][label]: distinct spans. */
  spans: Float64Array[]
  /** [annotator][label]: lengths of alpha_u units (label unions) and of the gaps between them. */
  units: number[][][]
  gaps: number[][][]
  characters: number
  nonWhitespace: number
  /** Memo of corpus-wide disagreements by "coders:label" (null: no units). */
  disagreements: Map<string, Disagreement | null>
}

export function newTotals(annotators: string[], labelCount: number, pairs: Array<[number, number]>, stats: PairStats[]): Totals {
  const perLabel = (): number[][][] => annotators.map(() => Array.from({ length: labelCount }, () => []))
  return {
    annotators,
    labelCount,
    pairs,
    stats,
    spans: annotators.map(() => new Float64Array(labelCount)),
    units: perLabel(),
    gaps: perLabel(),
    characters: 0,
    nonWhitespace: 0,
    disagreements: new Map()
  }
}

function pushAll(into: number[], values: readonly number[]): void {
  for (const v of values) into.push(v)
}

/**
 * Scores one document and adds it to the totals. Per document, F1 and kappa are
 * averaged over the pairs (undefined ones left out) and alpha_u is joint over all
 * annotators with the document as the continuum.
 */
export function scoreDocument(doc: PreparedDoc, totals: Totals): DocumentScores {
  const K = totals.labelCount
  const m = doc.layers.length
  const L = doc.length
  totals.characters += L
  totals.nonWhitespace += doc.nonWs[L] as number

  const runs = doc.layers.map((layer) => flattenRuns(layer, L))
  const unions = doc.layers.map((layer) => unionByLabel(layer))
  // Object.fromEntries: a name such as "__proto__" becomes an ordinary key.
  const spans: SpanCounts = Object.fromEntries(totals.annotators.map((name, i) => [name, doc.layers[i]?.length ?? 0]))
  doc.layers.forEach((layer, i) => {
    const counts = totals.spans[i] as Float64Array
    for (const s of layer) counts[s.label] = (counts[s.label] as number) + 1
  })

  const exactF1: Score[] = []
  const overlapF1: Score[] = []
  const kappas: Score[] = []
  const observed = new Float64Array(K)
  totals.pairs.forEach(([i, j], p) => {
    const st = totals.stats[p] as PairStats
    const A = doc.layers[i] ?? []
    const B = doc.layers[j] ?? []
    const match = matchPair(A, B, K)
    st.addMatching(match)
    exactF1.push(f1(total(match.exact), A.length, B.length))
    overlapF1.push(f1(total(match.overlap), A.length, B.length))

    const tally = newTally(K + 1)
    addRuns(tally, runs[i] ?? [], runs[j] ?? [], doc.nonWs)
    kappas.push(kappa(tally))
    st.addTally(tally)

    const ua = unions[i] as Map<number, Interval[]>
    const ub = unions[j] as Map<number, Interval[]>
    for (const label of new Set([...ua.keys(), ...ub.keys()])) {
      const a = ua.get(label) ?? []
      const b = ub.get(label) ?? []
      const o = observedSum(a, b, L)
      observed[label] = (observed[label] as number) + o
      st.addCoverage(label, nonWsCovered(doc.nonWs, a), nonWsCovered(doc.nonWs, b), nonWsShared(doc.nonWs, a, b), o)
    }
  })

  // alpha_u of this document: every label's units and gaps of every annotator.
  let dO = 0
  let dE = 0
  let hasUnits = false
  for (let label = 0; label < K; label++) {
    const units: number[] = []
    const gaps: number[] = []
    for (let i = 0; i < m; i++) {
      const u = unions[i]?.get(label) ?? []
      const lengths = u.map((x) => x.end - x.start)
      const g = gapLengths(u, L)
      pushAll(units, lengths)
      pushAll(gaps, g)
      pushAll(totals.units[i]?.[label] as number[], lengths)
      pushAll(totals.gaps[i]?.[label] as number[], g)
    }
    if (units.length === 0) continue
    hasUnits = true
    dO += observedDisagreement(observed[label] as number, m, L)
    dE += expectedDisagreement(units, gaps, m, L)
  }

  return {
    id: doc.id,
    exact_f1: mean(exactF1),
    overlap_f1: mean(overlapF1),
    kappa: mean(kappas),
    alpha_u: alphaU(dO, dE, hasUnits),
    characters: L,
    spans
  }
}

/** Worst first: exact_f1, then overlap_f1, then kappa ascending (null last), then id. */
export function compareDocuments(a: DocumentScores, b: DocumentScores): number {
  return (
    compareScores(a.exact_f1, b.exact_f1) ||
    compareScores(a.overlap_f1, b.overlap_f1) ||
    compareScores(a.kappa, b.kappa) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

function compareScores(a: Score, b: Score): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a - b
}
