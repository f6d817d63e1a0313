import { f1, mean } from './stats'
import type { AgreementDocument, AgreementLink, AgreementSpan, LinkScores, RelationsReport } from './types'

const spanKey = (s: AgreementSpan): string => `${s.start}:${s.end}:${s.label}`

/** "docId|from|type|to": identical for the same triple in any layer. */
export function linkKey(docId: string, l: AgreementLink): string {
  return `${docId}|${spanKey(l.from)}|${l.type}|${spanKey(l.to)}`
}

/** The relations section of the agreement report, or null when no annotator has a link. */
export function relationAgreement(annotators: readonly string[], documents: readonly AgreementDocument[]): RelationsReport | null {
  const sets = annotators.map(() => new Map<string, string>()) // key → role
  let any = false
  for (const doc of documents) {
    annotators.forEach((who, i) => {
      for (const l of doc.links?.[who] ?? []) {
        any = true
        ;(sets[i] as Map<string, string>).set(linkKey(doc.id, l), l.type)
      }
    })
  }
  if (!any) return null
  const roles = [...new Set(sets.flatMap((s) => [...s.values()]))].sort()
  return {
    ...scoresOf(annotators, sets, () => true),
    roles: Object.fromEntries(roles.map((role) => [role, scoresOf(annotators, sets, (t) => t === role)]))
  }
}

function scoresOf(annotators: readonly string[], sets: readonly Map<string, string>[], keep: (role: string) => boolean): LinkScores {
  const kept = sets.map((s) => new Set([...s].filter(([, role]) => keep(role)).map(([key]) => key)))
  const pairs: LinkScores['pairs'] = []
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const a = kept[i] as Set<string>
      const b = kept[j] as Set<string>
      let matched = 0
      for (const k of a) if (b.has(k)) matched++
      pairs.push({ a: annotators[i] as string, b: annotators[j] as string, exact_f1: f1(matched, a.size, b.size), links_a: a.size, links_b: b.size, matched })
    }
  }
  return {
    exact_f1: mean(pairs.map((p) => p.exact_f1)),
    links: Object.fromEntries(annotators.map((who, i) => [who, (kept[i] as Set<string>).size])),
    pairs
  }
}
