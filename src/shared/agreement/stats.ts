import type { Score } from './types'

/**
 * F1 = 2·matches / (|A| + |B|) (= the Dice coefficient of the two span sets).
 * null when neither side has a span (nothing to agree on); 0 when only one side has spans.
 */
export function f1(matches: number, a: number, b: number): Score {
  return a + b === 0 ? null : (2 * matches) / (a + b)
}

/** Mean of the defined scores; null when none is defined. */
export function mean(scores: readonly Score[]): Score {
  let sum = 0
  let n = 0
  for (const s of scores) {
    if (s === null) continue
    sum += s
    n++
  }
  return n === 0 ? null : sum / n
}

export function total(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i] as number
  return sum
}
