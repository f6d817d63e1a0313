import { countBelow } from '../sorted'
import type { Score } from './types'

/**
 * Krippendorff's alpha for unitized continua (alpha_u), in the form of
 * Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed.
 * (worked example p. 254), as implemented and tested in DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement; it refines Krippendorff, K. (1995). On the reliability
 * of unitizing continuous data. Sociological Methodology 25, 47–76. (Krippendorff et al. 2016,
 * Quality & Quantity, later revised the coefficient for 3+ coders; this is the 2004 form.)
 *
 * For one category c, each of m coders divides the continuum [0, L) into segments: its
 * units of c and the gaps between them. With b = start and l = length of a segment,
 * the difference of coder i's segment g and coder j's segment h is
 *   - both units of c that overlap:      δ² = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²
 *   - g a unit inside the gap h:         δ² = l_g²  (and symmetrically l_h²)
 *   - anything else:                     δ² = 0
 *   D_o(c) = Σ_{i≠j} Σ_g Σ_h δ² / (m(m − 1) L²)
 *   D_e(c) = (2/L) Σ_units g [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1) ]
 *            / ( mL(mL − 1) − Σ_units g l(l − 1) )
 * where N_c counts the units of c of all coders and the gaps are those of all coders.
 *   alpha_u(c) = 1 − D_o(c)/D_e(c);   alpha_u = 1 − Σ_c D_o(c) / Σ_c D_e(c).
 * The overall figure is Krippendorff's own combination of per-category disagreements,
 * so units of different categories may overlap (nested PERSON in ORGANISATION is fine).
 *
 * Units of one category by one coder must not overlap; callers merge overlapping units
 * of one category into their union first (see unionByLabel in characters.ts).
 *
 * Several documents form one continuum: their lengths add up to L, and a document
 * boundary always ends a segment, so no gap runs across two documents (a unit cannot
 * be placed across them either). D_o sums over documents; D_e pools the units and gaps.
 */

export interface Interval {
  start: number
  end: number
}

interface Segment extends Interval {
  unit: boolean
}

/** Units (sorted, disjoint) and the gaps between them, covering [0, length). */
function segments(units: readonly Interval[], length: number): Segment[] {
  const out: Segment[] = []
  let pos = 0
  for (const u of units) {
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false })
    out.push({ start: u.start, end: u.end, unit: true })
    pos = u.end
  }
  if (pos < length) out.push({ start: pos, end: length, unit: false })
  return out
}

/** Lengths of the gaps between sorted, disjoint units in [0, length). */
export function gapLengths(units: readonly Interval[], length: number): number[] {
  return segments(units, length)
    .filter((s) => !s.unit)
    .map((s) => s.end - s.start)
}

function delta2(g: Segment, h: Segment): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2
  if (g.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2
  if (h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2
  return 0
}

/**
 * Σ δ² over the segment pairs of two coders (one orientation) in one section.
 * δ² is 0 for segments that do not intersect, and both coders' segments partition the
 * section, so a merge visits every intersecting pair once: linear in the units.
 */
export function observedSum(a: readonly Interval[], b: readonly Interval[], length: number): number {
  if (a.length === 0 && b.length === 0) return 0
  const sa = segments(a, length)
  const sb = segments(b, length)
  let sum = 0
  let i = 0
  let j = 0
  while (i < sa.length && j < sb.length) {
    const g = sa[i] as Segment
    const h = sb[j] as Segment
    sum += delta2(g, h)
    if (g.end <= h.end) i++
    if (h.end <= g.end) j++
  }
  return sum
}

/** D_o from Σ observedSum over unordered coder pairs (and sections). */
export function observedDisagreement(pairSum: number, coders: number, length: number): number {
  if (length === 0) return 0
  return (2 * pairSum) / (coders * (coders - 1) * length * length)
}

/** D_e from the lengths of all coders' units and gaps of one category. */
export function expectedDisagreement(units: ArrayLike<number>, gaps: ArrayLike<number>, coders: number, length: number): number {
  const n = units.length
  if (n === 0 || length === 0) return 0
  const placements = placementCounter(gaps)
  let numerator = 0
  let selfPairs = 0
  for (let k = 0; k < n; k++) {
    const l = units[k] as number
    numerator += ((n - 1) * l * (l - 1) * (2 * l - 1)) / 3 + l * l * placements(l)
    selfPairs += l * (l - 1)
  }
  const ml = coders * length
  return ((2 / length) * numerator) / (ml * (ml - 1) - selfPairs)
}

/**
 * l ↦ Σ_{gaps ≥ l} (gap − l + 1): the placements of a unit of length l inside the gaps.
 * A scan for the few gaps of one document; sorted gaps, suffix sums and a binary
 * search for the many of a corpus.
 */
function placementCounter(gaps: ArrayLike<number>): (l: number) => number {
  if (gaps.length <= 32) {
    return (l) => {
      let sum = 0
      for (let k = 0; k < gaps.length; k++) {
        const g = gaps[k] as number
        if (g >= l) sum += g - l + 1
      }
      return sum
    }
  }
  const sorted = Float64Array.from(gaps).sort()
  // suffix[k] = Σ sorted[k..]
  const suffix = new Float64Array(sorted.length + 1)
  for (let k = sorted.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] as number) + (sorted[k] as number)
  return (l) => {
    const first = countBelow(sorted, l)
    return (suffix[first] as number) - (l - 1) * (sorted.length - first)
  }
}

/**
 * alpha_u = 1 − D_o/D_e, with D_o, D_e summed over categories for the overall figure.
 * null when no coder made a unit (nothing to agree on). When D_e is 0 (degenerate: e.g.
 * every coder marks a whole one-character document) agreement counts as perfect if D_o
 * is 0 too, else null.
 */
export function alphaU(observed: number, expected: number, hasUnits: boolean): Score {
  if (!hasUnits) return null
  if (expected > 0) return 1 - observed / expected
  return observed === 0 ? 1 : null
}

/** One category on one continuum: every coder's units (sorted, disjoint), e.g. a published example. */
export function unitizingDisagreement(coders: readonly (readonly Interval[])[], length: number): { observed: number; expected: number } {
  let pairSum = 0
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) pairSum += observedSum(coders[i] ?? [], coders[j] ?? [], length)
  }
  const units = coders.flatMap((u) => u.map((x) => x.end - x.start))
  const gaps = coders.flatMap((u) => gapLengths(u, length))
  return {
    observed: observedDisagreement(pairSum, coders.length, length),
    expected: expectedDisagreement(units, gaps, coders.length, length)
  }
}
