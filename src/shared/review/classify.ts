import type { SpanState } from '../domain'

/**
 * How a span proposed by some annotators relates to the others' spans:
 * - agreed: every chosen annotator has this exact span (start, end, label);
 * - label_conflict: another annotator has the same boundaries with another label;
 * - boundary_conflict: another annotator has an overlapping span with the same label;
 * - mixed_conflict: others overlap it, with other boundaries and other labels;
 * - only_one: one annotator has it and no other annotator has an overlapping span;
 * - partial: several (not all) have it and the rest have nothing overlapping (3+ annotators).
 */
export type CandidateKind = 'agreed' | 'label_conflict' | 'boundary_conflict' | 'mixed_conflict' | 'only_one' | 'partial'

export interface Candidate extends SpanState {
  /** "start:end:LABEL", unique within a document. */
  key: string
  /** The chosen annotators who have this exact span, in the order given. */
  annotators: string[]
  kind: CandidateKind
  /** Keys of the overlapping candidates that other annotators proposed instead. */
  related: string[]
}

export const candidateKey = (s: SpanState): string => `${s.start}:${s.end}:${s.label}`

/** Classifies every distinct span of the chosen annotators' layers on one document. */
export function classifyCandidates(annotators: readonly string[], layers: Readonly<Record<string, readonly SpanState[]>>): Candidate[] {
  const byKey = new Map<string, { state: SpanState; holders: Set<string> }>()
  for (const who of annotators) {
    for (const s of layers[who] ?? []) {
      const key = candidateKey(s)
      const entry = byKey.get(key) ?? { state: { start: s.start, end: s.end, label: s.label }, holders: new Set<string>() }
      entry.holders.add(who)
      byKey.set(key, entry)
    }
  }
  const all = [...byKey.entries()].sort(([, a], [, b]) => a.state.start - b.state.start || a.state.end - b.state.end || cmp(a.state.label, b.state.label))
  return all.map(([key, { state, holders }]) => {
    const ordered = annotators.filter((a) => holders.has(a))
    const related: string[] = []
    let sameBounds = false
    let sameLabel = false
    for (const [otherKey, other] of all) {
      if (other.state.start >= state.end) break
      if (otherKey === key || other.state.end <= state.start) continue
      // A span speaks against this one when someone who lacks this one has it, and this
      // one's holders do not all have it too (a nested span everyone agrees on is no conflict).
      const fromOthers = [...other.holders].some((h) => !holders.has(h))
      const sharedByHolders = [...holders].every((h) => other.holders.has(h))
      if (!fromOthers || sharedByHolders) continue
      related.push(otherKey)
      if (other.state.start === state.start && other.state.end === state.end) sameBounds = true
      else if (other.state.label === state.label) sameLabel = true
    }
    const kind: CandidateKind =
      ordered.length === annotators.length
        ? 'agreed'
        : sameBounds
          ? 'label_conflict'
          : sameLabel
            ? 'boundary_conflict'
            : related.length > 0
              ? 'mixed_conflict'
              : ordered.length === 1
                ? 'only_one'
                : 'partial'
    return { key, ...state, annotators: ordered, kind, related }
  })
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
