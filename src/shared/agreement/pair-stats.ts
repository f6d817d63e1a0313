import { addTally, newTally, type KappaTally } from './kappa'
import type { PairMatching } from './matching'

/** Everything one pair of annotators accumulates over the documents, by label index. */
export class PairStats {
  /** Spans of a with an identical span in b. */
  readonly exact: Float64Array
  /** Matches of the overlap rule. */
  readonly overlap: Float64Array
  /** Multi-class character tally (category = label + 1, 0 = "O"). */
  readonly tally: KappaTally
  /** Non-whitespace characters covered by a's spans of the label, by b's, by both. */
  readonly coveredA: Float64Array
  readonly coveredB: Float64Array
  readonly coveredBoth: Float64Array
  /** alpha_u: Σ δ² over the segment pairs of a and b (one orientation). */
  readonly observed: Float64Array
  /** Confusion counts, row-major (labelCount + 1)²; index labelCount = MISSING. */
  readonly confusion: Float64Array

  constructor(readonly labelCount: number) {
    this.exact = new Float64Array(labelCount)
    this.overlap = new Float64Array(labelCount)
    this.tally = newTally(labelCount + 1)
    this.coveredA = new Float64Array(labelCount)
    this.coveredB = new Float64Array(labelCount)
    this.coveredBoth = new Float64Array(labelCount)
    this.observed = new Float64Array(labelCount)
    this.confusion = new Float64Array((labelCount + 1) * (labelCount + 1))
  }

  addMatching(m: PairMatching): void {
    const k = this.labelCount
    m.exact.forEach((v, l) => (this.exact[l] = (this.exact[l] as number) + v))
    m.overlap.forEach((v, l) => (this.overlap[l] = (this.overlap[l] as number) + v))
    for (const [a, b] of m.confusion) {
      const cell = (a < 0 ? k : a) * (k + 1) + (b < 0 ? k : b)
      this.confusion[cell] = (this.confusion[cell] as number) + 1
    }
  }

  addTally(t: KappaTally): void {
    addTally(this.tally, t)
  }

  addCoverage(label: number, a: number, b: number, both: number, observed: number): void {
    this.coveredA[label] = (this.coveredA[label] as number) + a
    this.coveredB[label] = (this.coveredB[label] as number) + b
    this.coveredBoth[label] = (this.coveredBoth[label] as number) + both
    this.observed[label] = (this.observed[label] as number) + observed
  }
}
