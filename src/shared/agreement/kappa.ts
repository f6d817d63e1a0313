import type { Run } from './characters'
import { nonWsIn } from './characters'
import type { Score } from './types'

/**
 * Cohen's kappa for two annotators over non-whitespace characters, kept as the counts it
 * needs: items n, agreements, and each annotator's marginals. Category 0 is the "nothing"
 * category ("O" for the multi-class kappa, "not this label" for a label's binary kappa).
 *
 *   p_o = agree / n,   p_e = Σ_k rows[k]·cols[k] / n²,   kappa = (p_o − p_e) / (1 − p_e)
 */
export interface KappaTally {
  n: number
  agree: number
  rows: Float64Array
  cols: Float64Array
}

export function newTally(categories: number): KappaTally {
  return { n: 0, agree: 0, rows: new Float64Array(categories), cols: new Float64Array(categories) }
}

export function addTally(into: KappaTally, from: KappaTally): void {
  into.n += from.n
  into.agree += from.agree
  from.rows.forEach((v, k) => (into.rows[k] = (into.rows[k] as number) + v))
  from.cols.forEach((v, k) => (into.cols[k] = (into.cols[k] as number) + v))
}

/**
 * Adds the characters of two layers' runs (both covering the same [0, length)) to a
 * multi-class tally: category = label index + 1, run label -1 ("O") = category 0.
 */
export function addRuns(tally: KappaTally, a: readonly Run[], b: readonly Run[], nonWs: Int32Array): void {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as Run
    const y = b[j] as Run
    const w = nonWsIn(nonWs, Math.max(x.start, y.start), Math.min(x.end, y.end))
    if (w > 0) {
      tally.n += w
      if (x.label === y.label) tally.agree += w
      tally.rows[x.label + 1] = (tally.rows[x.label + 1] as number) + w
      tally.cols[y.label + 1] = (tally.cols[y.label + 1] as number) + w
    }
    if (x.end <= y.end) i++
    else j++
  }
}

/**
 * A binary (label vs not) tally from counts: n items, a and b items marked by each
 * annotator, both of them marked.
 */
export function binaryTally(n: number, a: number, b: number, both: number): KappaTally {
  return {
    n,
    agree: both + (n - a - b + both),
    rows: Float64Array.of(n - a, a),
    cols: Float64Array.of(n - b, b)
  }
}

/**
 * kappa, or null when undefined for the data:
 * - no items (no non-whitespace characters) → null;
 * - p_e = 1, i.e. both annotators put every item into one and the same category (which
 *   forces p_o = 1, so "p_e = 1 with imperfect agreement" cannot happen). The formula is
 *   0/0 and the literature calls kappa undefined here. If that category is "nothing"
 *   (no spans at all) the result is null ("no spans"); if it is a real label (both
 *   annotators labelled every character alike) it is 1: the agreement is perfect.
 * Integer counts keep the p_e = 1 test exact (n² < 2^53 for n < 9.4e7 characters).
 */
export function kappa(t: KappaTally): Score {
  if (t.n === 0) return null
  let chance = 0
  t.rows.forEach((r, k) => (chance += r * (t.cols[k] as number)))
  const n2 = t.n * t.n
  if (chance === n2) return t.rows[0] === t.n ? null : 1
  const po = t.agree / t.n
  const pe = chance / n2
  return (po - pe) / (1 - pe)
}
