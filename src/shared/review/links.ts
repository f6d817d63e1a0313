import type { SpanState } from '../domain'
import { candidateKey } from './classify'

/**
 * How a link (meeting → argument in a role) proposed by some annotators relates to the others':
 * - agreed: every chosen annotator has this (meeting span, role, argument span) triple;
 * - conflict: someone who lacks it links the same meeting in the same role to another argument,
 *   or the same two spans in another role;
 * - only_some: some (not all) have it and nobody proposed something else there.
 */
export type LinkKind = 'agreed' | 'conflict' | 'only_some'

/** A link with its ends as (start, end, label): span ids differ between layers. */
export interface LinkTriple {
  from: SpanState
  to: SpanState
  type: string
}

export interface LinkCandidate extends LinkTriple {
  /** "start:end:LABEL|type|start:end:LABEL", unique within a document. */
  key: string
  /** The chosen annotators who have this link, in the order given. */
  annotators: string[]
  kind: LinkKind
}

export const linkCandidateKey = (l: LinkTriple): string => `${candidateKey(l.from)}|${l.type}|${candidateKey(l.to)}`

/** Classifies every distinct link of the chosen annotators on one document, ordered by meeting, role, argument. */
export function classifyLinks(annotators: readonly string[], links: Readonly<Record<string, readonly LinkTriple[]>>): LinkCandidate[] {
  const byKey = new Map<string, { triple: LinkTriple; holders: Set<string> }>()
  for (const who of annotators) {
    for (const l of links[who] ?? []) {
      const key = linkCandidateKey(l)
      const entry = byKey.get(key) ?? { triple: { from: pick(l.from), to: pick(l.to), type: l.type }, holders: new Set<string>() }
      entry.holders.add(who)
      byKey.set(key, entry)
    }
  }
  const all = [...byKey.entries()]
  return all
    .map(([key, { triple, holders }]) => {
      const ordered = annotators.filter((a) => holders.has(a))
      const from = candidateKey(triple.from)
      const to = candidateKey(triple.to)
      const rival = all.some(([otherKey, other]) => {
        // Only what someone who lacks this link proposed instead; a link this one's holders all share is no rival.
        if (otherKey === key || ![...other.holders].some((h) => !holders.has(h))) return false
        if ([...holders].every((h) => other.holders.has(h))) return false
        const sameFrom = candidateKey(other.triple.from) === from
        return sameFrom && (other.triple.type === triple.type || candidateKey(other.triple.to) === to)
      })
      const kind: LinkKind = ordered.length === annotators.length ? 'agreed' : rival ? 'conflict' : 'only_some'
      return { key, ...triple, annotators: ordered, kind }
    })
    .sort((a, b) => order(a.from, b.from) || cmp(a.type, b.type) || order(a.to, b.to))
}

function pick(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}

function order(a: SpanState, b: SpanState): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
