import type { MutationResult } from '../../shared/api'
import type { LabelDef, Span, SpanChange, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { GOLD, REJECTED, REVIEW_STATUS_NAMES, type ReviewStatus } from '../../shared/layers'
import { classifyCandidates, candidateKey, type Candidate } from '../../shared/review/classify'
import { classifyLinks, linkCandidateKey, type LinkCandidate, type LinkTriple } from '../../shared/review/links'
import type { RelationChange } from '../../shared/relations-schema'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'
import { ChangeLog, now } from './change-log'
import { roleRefusal, unlinkSpan } from './relations-service'
import { TextCache, type CachedText } from './text-cache'

export type Decision = 'accepted' | 'rejected' | null

export interface ReviewedCandidate extends Candidate {
  decision: Decision
}

export interface ReviewedLink extends LinkCandidate {
  /** accepted: the gold layer has this link between its spans of the same (start, end, label). */
  decision: 'accepted' | null
}

export interface GoldSpan extends Span {
  sources: string[]
  acceptedBy: string | null
}

export interface ReviewView {
  docId: string
  annotators: string[]
  status: ReviewStatus
  candidates: ReviewedCandidate[]
  gold: GoldSpan[]
  /** Link candidates (meeting → participant, date, place) of the compared annotators. */
  links: ReviewedLink[]
}

export interface AdjudicateResult {
  documents: number
  accepted: number
  remaining: number
  skippedReviewed: number
  /** Links (meeting → participant, date, place) put into gold: held by at least minAgree annotators, both ends in gold. */
  linksAccepted: number
  /** Links left for review: too few annotators have them, or an end is not in gold. */
  linksRemaining: number
}

/**
 * Review: compares annotators' layers on a document, and moves the reviewer's
 * decisions into the gold layer (accepted) or the rejected layer. Decisions are
 * span changes like any other, so they are undoable and recorded in the history.
 */
export class ReviewService {
  private readonly log: ChangeLog
  private readonly texts: TextCache

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
    this.texts = new TextCache(project)
  }

  view(docId: string, annotators: string[]): ReviewView {
    this.requireDoc(docId)
    const all = this.project.spans.allLayers(docId)
    const goldSpans = all
      .filter((s) => s.annotator === GOLD)
      .map((s) => {
        const p = this.project.review.provenance(s.id)
        return { ...s, sources: p?.sources ?? [], acceptedBy: p?.acceptedBy ?? null }
      })
    return {
      docId,
      annotators,
      status: this.project.review.status(docId),
      candidates: this.candidatesOf(all, annotators),
      gold: goldSpans,
      links: this.linksOf(docId, all, annotators)
    }
  }

  /** The classified candidates with their decisions, without the gold spans' provenance (for bulk decisions). */
  private candidates(docId: string, annotators: string[]): ReviewedCandidate[] {
    return this.candidatesOf(this.project.spans.allLayers(docId), annotators)
  }

  private candidatesOf(all: readonly (SpanState & { annotator: string })[], annotators: string[]): ReviewedCandidate[] {
    const layers: Record<string, SpanState[]> = {}
    for (const s of all) (layers[s.annotator] ??= []).push(s)
    const gold = new Set((layers[GOLD] ?? []).map(candidateKey))
    const rejected = new Set((layers[REJECTED] ?? []).map(candidateKey))
    return classifyCandidates(annotators, layers).map((c) => ({
      ...c,
      decision: (gold.has(c.key) ? 'accepted' : rejected.has(c.key) ? 'rejected' : null) as Decision
    }))
  }

  /** Link candidates with their decisions: each layer's links with their ends as (start, end, label). */
  private linksOf(docId: string, all: readonly Span[], annotators: string[]): ReviewedLink[] {
    const spans = new Map(all.map((s) => [s.id, s]))
    const triples = (who: string): LinkTriple[] =>
      this.project.relations.layer(docId, who).flatMap((r) => {
        const from = spans.get(r.from)
        const to = spans.get(r.to)
        return from && to ? [{ from, to, type: r.type }] : []
      })
    const layers = Object.fromEntries(annotators.map((who) => [who, triples(who)]))
    const gold = new Set(triples(GOLD).map(linkCandidateKey))
    return classifyLinks(annotators, layers).map((l) => ({ ...l, decision: gold.has(l.key) ? ('accepted' as const) : null }))
  }

  /**
   * Puts a link into gold between the gold spans with the same (start, end, label) as its ends;
   * refused while either end is not in gold. One undoable step.
   */
  acceptLink(a: { reviewer: string; docId: string; link: LinkTriple }): MutationResult {
    this.check(a.docId, a.link.from)
    this.check(a.docId, a.link.to)
    const role = this.project.relations.roles().find((r) => r.type === a.link.type)
    if (!role) throw new ApiError('invalid_args', `This project has no link role "${a.link.type}".`)
    const refusal = roleRefusal(role, a.link.from.label, a.link.to.label, (k) => this.labelName(k))
    if (refusal) throw new ApiError('rejected', refusal)
    return this.project.write(() => {
      const text = `${this.spanText(a.docId, a.link.from)} → ${this.spanText(a.docId, a.link.to)}`
      const made = this.linkInGold(a.docId, a.link)
      if (made === 'missing') {
        const missing = [a.link.from, a.link.to].filter((s) => !this.project.spans.findIdentical(a.docId, GOLD, s))
        const which = missing.map((s) => `${this.spanText(a.docId, s)} (${this.labelName(s.label)})`).join(' and ')
        throw new ApiError('rejected', `Cannot accept the link ${text}: ${which} ${missing.length > 1 ? 'are' : 'is'} not in gold yet. Accept the spans first, then the link.`)
      }
      const ends = { from: this.excerpt(a.docId, a.link.from), to: this.excerpt(a.docId, a.link.to), role: role.name }
      if (made === 'exists') return this.log.unchanged(msg('changes:linkAlreadyGold', ends), [a.docId])
      this.startReview(a.docId, a.reviewer)
      return this.log.commitAction(a.reviewer, 'accept', msg('changes:acceptLink', ends), [], [made])
    })
  }

  /** Inserts the link between the gold spans of its ends (in the caller's transaction). */
  private linkInGold(docId: string, l: LinkTriple): RelationChange | 'missing' | 'exists' {
    const from = this.project.spans.findIdentical(docId, GOLD, l.from)
    const to = this.project.spans.findIdentical(docId, GOLD, l.to)
    if (!from || !to) return 'missing'
    const state = { from: from.id, to: to.id, type: l.type }
    if (this.project.relations.findIdentical(docId, GOLD, state)) return 'exists'
    const made = this.project.relations.insert({ docId, annotator: GOLD, ...state })
    return { relationId: made.id, docId, annotator: GOLD, before: null, after: state }
  }

  accept(a: { reviewer: string; docId: string; state: SpanState; sources: string[] }): MutationResult {
    const { text, label } = this.check(a.docId, a.state)
    return this.project.write(() => {
      const changes = this.moveTo(GOLD, REJECTED, a.docId, a.state)
      const said = { text: text.slice(1, -1), label: label.name }
      if (changes.length === 0) return this.log.unchanged(msg('changes:alreadyGold', said), [a.docId])
      this.provenanceFor(changes, a.sources, a.reviewer)
      this.startReview(a.docId, a.reviewer)
      const description = a.sources.length > 0 ? msg('changes:acceptCandidateFrom', { ...said, sources: a.sources.join(', ') }) : msg('changes:acceptCandidate', said)
      return this.log.commitAction(a.reviewer, 'accept', description, changes)
    })
  }

  reject(a: { reviewer: string; docId: string; state: SpanState }): MutationResult {
    const { text, label } = this.check(a.docId, a.state)
    return this.project.write(() => {
      const unlinked: RelationChange[] = []
      const changes = this.moveTo(REJECTED, GOLD, a.docId, a.state, unlinked)
      const said = { text: text.slice(1, -1), label: label.name }
      if (changes.length === 0) return this.log.unchanged(msg('changes:alreadyRejected', said), [a.docId])
      this.startReview(a.docId, a.reviewer)
      const description = unlinked.length > 0 ? msg('changes:rejectCandidateLinks', { ...said, count: unlinked.length }) : msg('changes:rejectCandidate', said)
      return this.log.commitAction(a.reviewer, 'reject', description, changes, unlinked)
    })
  }

  /** Accepts every span all chosen annotators agree on, in one undoable step. */
  acceptAgreed(a: { reviewer: string; docId: string; annotators: string[] }): MutationResult {
    return this.project.write(() => {
      this.requireDoc(a.docId)
      const agreed = this.candidates(a.docId, a.annotators).filter((c) => c.kind === 'agreed' && c.decision !== 'accepted')
      const changes: SpanChange[] = []
      for (const c of agreed) {
        const moved = this.moveTo(GOLD, REJECTED, a.docId, c)
        this.provenanceFor(moved, c.annotators, a.reviewer)
        changes.push(...moved)
      }
      // Then the agreed links whose ends are in gold now (those that are not wait for their spans).
      const links: RelationChange[] = []
      for (const l of this.linksOf(a.docId, this.project.spans.allLayers(a.docId), a.annotators)) {
        if (l.kind !== 'agreed' || l.decision === 'accepted') continue
        const made = this.linkInGold(a.docId, l)
        if (typeof made !== 'string') links.push(made)
      }
      if (changes.length + links.length === 0) return this.log.unchanged(msg('changes:noAgreed'), [a.docId])
      this.startReview(a.docId, a.reviewer)
      const description =
        links.length > 0
          ? msg('changes:acceptAgreedLinks', { spans: agreed.length, links: links.length, docId: a.docId })
          : msg('changes:acceptAgreed', { count: agreed.length, docId: a.docId })
      return this.log.commitAction(a.reviewer, 'accept', description, changes, links)
    })
  }

  setStatus(a: { reviewer: string; docId: string; status: ReviewStatus }): { status: ReviewStatus; description: string } {
    this.requireDoc(a.docId)
    this.project.write(() => this.project.review.setStatus(a.docId, a.status, a.reviewer, now()))
    return { status: a.status, description: `${a.docId}: ${REVIEW_STATUS_NAMES[a.status]}` }
  }

  /**
   * For every document not yet reviewed, accepts into gold each span that at
   * least `minAgree` of the annotators have exactly (never one the reviewer
   * rejected). Marks nothing reviewed. One undoable step for the reviewer.
   */
  adjudicate(a: { reviewer: string; annotators: string[]; minAgree: number }): AdjudicateResult {
    const result: AdjudicateResult = { documents: 0, accepted: 0, remaining: 0, skippedReviewed: 0, linksAccepted: 0, linksRemaining: 0 }
    const statuses = this.project.review.allStatuses()
    this.project.write(() => {
      const changes: SpanChange[] = []
      const links: RelationChange[] = []
      for (const docId of [...this.project.documents.iterateIds()]) {
        if (statuses.get(docId) === 'reviewed') {
          result.skippedReviewed++
          continue
        }
        result.documents++
        for (const c of this.candidates(docId, a.annotators)) {
          if (c.decision !== null) continue
          if (c.annotators.length >= a.minAgree) {
            const moved = this.moveTo(GOLD, REJECTED, docId, c)
            this.provenanceFor(moved, c.annotators, a.reviewer)
            changes.push(...moved)
            result.accepted++
          } else result.remaining++
        }
        // Then the links enough annotators share, once both their ends are in gold (spans first, as above).
        for (const l of this.linksOf(docId, this.project.spans.allLayers(docId), a.annotators)) {
          if (l.decision === 'accepted') continue
          const made = l.annotators.length >= a.minAgree ? this.linkInGold(docId, l) : 'missing'
          if (typeof made === 'string') result.linksRemaining++
          else {
            links.push(made)
            result.linksAccepted++
          }
        }
      }
      if (changes.length + links.length > 0) {
        this.log.commitAction(a.reviewer, 'accept', msg('changes:adjudicate', { annotators: a.annotators.join(', '), min: a.minAgree }), changes, links)
      }
    })
    return result
  }

  /** Puts the span into `to` and takes it out of `from` (with its links, added to `unlinked`); returns the span changes. */
  private moveTo(to: string, from: string, docId: string, s: SpanState, unlinked: RelationChange[] = []): SpanChange[] {
    const state = { start: s.start, end: s.end, label: s.label }
    const changes: SpanChange[] = []
    const out = this.project.spans.findIdentical(docId, from, state)
    if (out) {
      unlinked.push(...unlinkSpan(this.project, out.id))
      this.project.spans.delete(out.id)
      changes.push({ spanId: out.id, docId, annotator: from, before: state, after: null })
    }
    if (!this.project.spans.findIdentical(docId, to, state)) {
      const span = this.project.spans.insert({ docId, annotator: to, ...state })
      changes.push({ spanId: span.id, docId, annotator: to, before: null, after: state })
    }
    return changes
  }

  private provenanceFor(changes: SpanChange[], sources: string[], reviewer: string): void {
    for (const c of changes) {
      if (c.annotator === GOLD && c.after) this.project.review.setProvenance({ spanId: c.spanId, sources, acceptedBy: reviewer, acceptedAt: now() })
    }
  }

  private startReview(docId: string, reviewer: string): void {
    if (this.project.review.status(docId) === 'unreviewed') this.project.review.setStatus(docId, 'in_review', reviewer, now())
  }

  private requireDoc(docId: string): CachedText {
    const doc = this.texts.get(docId)
    if (!doc) throw new ApiError('not_found', `There is no document "${docId}" in this project.`)
    return doc
  }

  private labelName(key: string): string {
    return this.project.labels.list().find((l) => l.key === key)?.name ?? key
  }

  private excerpt(docId: string, s: SpanState): string {
    return this.requireDoc(docId).slice(s.start, s.end)
  }

  private spanText(docId: string, s: SpanState): string {
    return `“${this.requireDoc(docId).slice(s.start, s.end)}”`
  }

  private check(docId: string, s: SpanState): { text: string; label: LabelDef } {
    const doc = this.requireDoc(docId)
    if (s.end <= s.start || s.end > doc.length) {
      throw new ApiError('invalid_args', `The span ${s.start}..${s.end} is not inside "${docId}" (${doc.length} characters).`)
    }
    const label = this.project.labels.list().find((l) => l.key === s.label)
    if (!label) throw new ApiError('invalid_args', `This project has no label "${s.label}".`)
    return { text: `“${doc.slice(s.start, s.end)}”`, label }
  }
}
