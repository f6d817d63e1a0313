import { alphaU, expectedDisagreement, observedDisagreement } from './alpha-u'
import { compareDocuments, newTotals, scoreDocument, type Disagreement, type Totals } from './document'
import { binaryTally, kappa } from './kappa'
import { PairStats } from './pair-stats'
import { annotatorPairs, prepare } from './prepare'
import { confusionReport } from './confusion-report'
import { relationAgreement } from './relations'
import { f1, mean, total } from './stats'
import type { AgreementInput, AgreementReport, LabelScores, PairScores, Score, SpanCounts } from './types'

/**
 * Inter-annotator agreement of 2+ annotators over all documents.
 *
 * - exact_f1, overlap_f1, kappa: computed per pair of annotators over all documents
 *   pooled (matches and characters summed), then averaged over the pairs, leaving out
 *   pairs where the score is undefined (null).
 * - alpha_u: joint over all annotators (the pairs' alpha_u uses just the two), over one
 *   continuum made of all documents; overall = 1 − Σ_labels D_o / Σ_labels D_e, so
 *   overlaps between labels need no flattening; overlapping spans of one label in one
 *   layer count as their union (details in alpha-u.ts).
 * - Per label: F1 on the label's spans only; kappa is binary (character covered by a
 *   span of the label or not, so nesting does not hide a label); alpha_u on the label's units.
 * - Undefined scores are null: F1 when neither side has a span; kappa when there are no
 *   non-whitespace characters or nobody marked any (p_e = 1 on "nothing"; p_e = 1 on a
 *   real label means both labelled everything alike: 1); alpha_u when nobody made a
 *   unit. One empty side gives F1 = 0. Identical layers give 1 wherever a score is defined.
 *
 * Throws RangeError for fewer than 2 or repeated annotators and for spans that are empty
 * or outside their document's text (offsets are code points, end exclusive).
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const { annotators, labels, docs } = prepare(input)
  const pairs = annotatorPairs(annotators.length)
  const stats = pairs.map(() => new PairStats(labels.length))
  const totals = newTotals(annotators, labels.length, pairs, stats)
  const documents = docs.map((doc) => scoreDocument(doc, totals)).sort(compareDocuments)

  const pairScores = pairs.map(([i, j], p) => overallPair(totals, i, j, totals.stats[p] as PairStats))
  const labelScores: Record<string, LabelScores> = Object.fromEntries(labels.map((name, l) => [name, labelReport(totals, l)]))

  const alpha = alphaOf(totals, [...annotators.keys()], [...labels.keys()])
  const relations = relationAgreement(annotators, input.documents)
  const report: AgreementReport = {
    annotators,
    pairs: pairScores,
    overall: {
      exact_f1: mean(pairScores.map((s) => s.exact_f1)),
      overlap_f1: mean(pairScores.map((s) => s.overlap_f1)),
      kappa: mean(pairScores.map((s) => s.kappa)),
      alpha_u: alpha,
      spans: spanCounts(totals, (counts) => total(counts)),
      documents: docs.length,
      characters: totals.characters,
      non_whitespace: totals.nonWhitespace
    },
    labels: labelScores,
    confusion: confusionReport(totals, labels),
    documents
  }
  // Only with links, so that reports of projects without links stay as they were.
  if (relations) report.relations = relations
  return report
}

function spanCounts(totals: Totals, count: (perLabel: Float64Array) => number): SpanCounts {
  return Object.fromEntries(totals.annotators.map((name, i) => [name, count(totals.spans[i] as Float64Array)]))
}

/**
 * alpha_u of some annotators over all documents, for some labels:
 * 1 − Σ_labels D_o / Σ_labels D_e (a single label gives that label's alpha_u).
 */
function alphaOf(totals: Totals, coders: readonly number[], labels: readonly number[]): Score {
  let dO = 0
  let dE = 0
  let hasUnits = false
  for (const l of labels) {
    const d = disagreement(totals, coders, l)
    if (d === null) continue
    hasUnits = true
    dO += d.observed
    dE += d.expected
  }
  return alphaU(dO, dE, hasUnits)
}

/** D_o and D_e of one label for some annotators over all documents (memoised); null without units. */
function disagreement(totals: Totals, coders: readonly number[], l: number): Disagreement | null {
  const key = `${coders.join(',')}:${l}`
  const hit = totals.disagreements.get(key)
  if (hit !== undefined) return hit
  const units = concat(coders.map((i) => totals.units[i]?.[l] ?? []))
  let result: Disagreement | null = null
  if (units.length > 0) {
    const gaps = concat(coders.map((i) => totals.gaps[i]?.[l] ?? []))
    let pairSum = 0
    totals.pairs.forEach(([i, j], p) => {
      if (coders.includes(i) && coders.includes(j)) pairSum += (totals.stats[p] as PairStats).observed[l] as number
    })
    result = {
      observed: observedDisagreement(pairSum, coders.length, totals.characters),
      expected: expectedDisagreement(units, gaps, coders.length, totals.characters)
    }
  }
  totals.disagreements.set(key, result)
  return result
}

function concat(lists: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(lists.reduce((n, list) => n + list.length, 0))
  let at = 0
  for (const list of lists) {
    out.set(list, at)
    at += list.length
  }
  return out
}

function overallPair(totals: Totals, i: number, j: number, st: PairStats): PairScores {
  const spansA = total(totals.spans[i] as Float64Array)
  const spansB = total(totals.spans[j] as Float64Array)
  const exact = total(st.exact)
  const overlap = total(st.overlap)
  return {
    a: totals.annotators[i] as string,
    b: totals.annotators[j] as string,
    exact_f1: f1(exact, spansA, spansB),
    overlap_f1: f1(overlap, spansA, spansB),
    kappa: kappa(st.tally),
    alpha_u: alphaOf(totals, [i, j], [...Array(totals.labelCount).keys()]),
    spans_a: spansA,
    spans_b: spansB,
    exact_matches: exact,
    overlap_matches: overlap
  }
}

function labelPair(totals: Totals, i: number, j: number, st: PairStats, l: number): PairScores {
  const spansA = totals.spans[i]?.[l] ?? 0
  const spansB = totals.spans[j]?.[l] ?? 0
  const exact = st.exact[l] ?? 0
  const overlap = st.overlap[l] ?? 0
  return {
    a: totals.annotators[i] as string,
    b: totals.annotators[j] as string,
    exact_f1: f1(exact, spansA, spansB),
    overlap_f1: f1(overlap, spansA, spansB),
    kappa: kappa(binaryTally(totals.nonWhitespace, st.coveredA[l] ?? 0, st.coveredB[l] ?? 0, st.coveredBoth[l] ?? 0)),
    alpha_u: alphaOf(totals, [i, j], [l]),
    spans_a: spansA,
    spans_b: spansB,
    exact_matches: exact,
    overlap_matches: overlap
  }
}

function labelReport(totals: Totals, l: number): LabelScores {
  const pairs = totals.pairs.map(([i, j], p) => labelPair(totals, i, j, totals.stats[p] as PairStats, l))
  return {
    exact_f1: mean(pairs.map((s) => s.exact_f1)),
    overlap_f1: mean(pairs.map((s) => s.overlap_f1)),
    kappa: mean(pairs.map((s) => s.kappa)),
    alpha_u: alphaOf(totals, [...totals.annotators.keys()], [l]),
    spans: spanCounts(totals, (counts) => counts[l] ?? 0),
    pairs
  }
}
