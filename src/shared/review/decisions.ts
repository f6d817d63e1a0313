import type { SpanState } from '../domain'
import { candidateKey, type Candidate } from './classify'

export type Decision = 'accepted' | 'rejected' | null

export interface ReviewedCandidate extends Candidate {
  decision: Decision
  /** Set when the candidate was edited before accepting: what went into gold instead of it. */
  editedTo?: SpanState
}

export interface GoldEntry extends SpanState {
  /** The candidate keys this gold span settles; absent: its own key (accepted as proposed). */
  settles?: readonly string[]
}

/**
 * Each candidate's decision: accepted when gold has its span and that span settles it (a span put
 * into gold by editing another candidate settles only that one), accepted as edited when a gold
 * span settles it under other boundaries or another label, rejected when the rejected layer has it.
 */
export function decideCandidates(candidates: readonly Candidate[], gold: readonly GoldEntry[], rejected: readonly SpanState[]): ReviewedCandidate[] {
  const settledBy = new Map<string, GoldEntry>()
  for (const g of gold) for (const k of g.settles ?? [candidateKey(g)]) if (!settledBy.has(k)) settledBy.set(k, g)
  const rejectedKeys = new Set(rejected.map(candidateKey))
  return candidates.map((c) => {
    const g = settledBy.get(c.key)
    if (g && candidateKey(g) !== c.key) return { ...c, decision: 'accepted', editedTo: { start: g.start, end: g.end, label: g.label } }
    if (g) return { ...c, decision: 'accepted' }
    return { ...c, decision: rejectedKeys.has(c.key) ? 'rejected' : null }
  })
}

export interface ReviewProgress {
  /** Candidates on which the compared annotators differ (all but the agreed ones). */
  differences: number
  /** Of those, the ones with no decision yet. */
  undecided: number
}

export function reviewProgress(candidates: readonly ReviewedCandidate[]): ReviewProgress {
  const differences = candidates.filter((c) => c.kind !== 'agreed')
  return { differences: differences.length, undecided: differences.filter((c) => c.decision === null).length }
}
