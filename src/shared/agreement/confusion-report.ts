import type { Totals } from './document'
import type { PairStats } from './pair-stats'
import { MISSING, type Confusion, type ConfusionCounts } from './types'

function bump(counts: ConfusionCounts, row: string, col: string, by: number): void {
  const r = counts[row]
  if (r !== undefined) r[col] = (r[col] ?? 0) + by
}

/**
 * The report's confusion matrices from the pairs' counts: each pair's directed matrix
 * (rows = a's label), and their symmetric sum, in which a disagreement x/y shows in both
 * [x][y] and [y][x] and an agreement once on the diagonal.
 */
export function confusionReport(totals: Totals, labels: readonly string[]): Confusion {
  const names = [...labels, MISSING]
  const size = names.length
  const empty = (): ConfusionCounts => Object.fromEntries(names.map((r) => [r, Object.fromEntries(names.map((c) => [c, 0]))]))
  const summed = empty()
  const pairs = totals.pairs.map(([i, j], p) => {
    const counts = empty()
    const cells = (totals.stats[p] as PairStats).confusion
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const v = cells[r * size + c] as number
        if (v === 0) continue
        const row = names[r] as string
        const col = names[c] as string
        bump(counts, row, col, v)
        bump(summed, row, col, v)
        if (r !== c) bump(summed, col, row, v)
      }
    }
    return { a: totals.annotators[i] as string, b: totals.annotators[j] as string, counts }
  })
  return { labels: names, counts: summed, pairs }
}
