import type { Score } from '../../../shared/agreement'

/** A score with three decimals, or a dash when it is undefined (nothing to compare). */
export const fmt = (s: Score): string => (s === null ? '—' : s.toFixed(3))
