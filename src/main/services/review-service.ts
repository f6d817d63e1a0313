import type { MutationResult } from '../../shared/api'
import type { LabelDef, Span, SpanChange, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { GOLD, isReservedLayer, REJECTED, type ReviewStatus } from '../../shared/layers'
import { classifyCandidates, candidateKey } from '../../shared/review/classify'
import { decideCandidates, reviewProgress, type ReviewedCandidate, type ReviewProgress } from '../../shared/review/decisions'
import { classifyLinks, linkCandidateKey, type LinkCandidate, type LinkTriple } from '../../shared/review/links'
import type { RelationChange } from '../../shared/relations-schema'
import type { Project } from '../store/project'
import { ChangeLog, now } from './change-log'
import { roleRefusal, unlinkSpan } from './relations-service'
import type { TextCache, CachedText } from './text-cache'
import { contextOf } from './project-context'

export type { Decision, ReviewedCandidate } from '../../shared/review/decisions'

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
    this.texts = contextOf(project).texts
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

  private candidatesOf(all: readonly Span[], annotators: string[]): ReviewedCandidate[] {
    const layers: Record<string, Span[]> = {}
    for (const s of all) (layers[s.annotator] ??= []).push(s)
    const gold = (layers[GOLD] ?? []).map((g) => {
      const settles = this.project.review.provenance(g.id)?.settles
      return settles ? { ...g, settles } : g
    })
    return decideCandidates(classifyCandidates(annotators, layers), gold, layers[REJECTED] ?? [])
  }

  /** How many differences the annotators have on a document, and how many of them are undecided. */
  progress(docId: string, annotators: string[]): ReviewProgress {
    this.requireDoc(docId)
    return reviewProgress(this.candidates(docId, annotators))
  }

  /** The people who labelled a document (every layer but gold and its rejections). */
  annotatorsOf(docId: string): string[] {
    return [...new Set(this.project.spans.allLayers(docId).map((s) => s.annotator))].filter((a) => !isReservedLayer(a)).sort()
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
    if (!role) throw new ApiError('invalid_args', msg('errors:review.noRole', { role: a.link.type }))
    const refusal = roleRefusal(role, a.link.from.label, a.link.to.label, (k) => this.labelName(k))
    if (refusal) throw new ApiError('rejected', refusal)
    return this.project.write(() => {
      const text = `${this.spanText(a.docId, a.link.from)} → ${this.spanText(a.docId, a.link.to)}`
      const made = this.linkInGold(a.docId, a.link)
      if (made === 'missing') {
        const missing = [a.link.from, a.link.to].filter((s) => !this.project.spans.findIdentical(a.docId, GOLD, s))
        const which = missing.map((s) => `${this.spanText(a.docId, s)} (${this.labelName(s.label)})`).join(' and ')
        throw new ApiError('rejected', msg('errors:review.linkNotInGold', { text, which, count: missing.length }))
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

  /**
   * Accepts a span into gold and settles its candidate: the annotators' other labels for the same
   * range go to the rejected layer. Gold never holds one range twice with different labels: when it
   * already has the range with another label, this is refused as a conflict unless `replace` confirms
   * that the gold span goes (to the rejected layer). `editedFrom`: the candidate this span is an edit
   * of; the edit settles that candidate and no other. One undoable step.
   */
  accept(a: { reviewer: string; docId: string; state: SpanState; sources: string[]; replace?: boolean; editedFrom?: SpanState }): MutationResult {
    const { text, label } = this.check(a.docId, a.state)
    if (a.editedFrom) this.check(a.docId, a.editedFrom)
    return this.project.write(() => {
      const clash = this.goldClash(a.docId, a.state)
      if (clash.length > 0 && !a.replace) {
        const names = clash.map((g) => this.labelName(g.label)).join(', ')
        throw new ApiError(
          'conflict',
          msg('errors:goldHasRange', { text, start: a.state.start, end: a.state.end, docId: a.docId, labels: names, label: label.name })
        )
      }
      const unlinked: RelationChange[] = []
      const changes: SpanChange[] = []
      for (const g of clash) changes.push(...this.moveTo(REJECTED, GOLD, a.docId, g, unlinked))
      const edited = a.editedFrom && candidateKey(a.editedFrom) !== candidateKey(a.state) ? a.editedFrom : null
      const into = this.intoGold(a.docId, a.state, a.sources, a.reviewer, edited)
      changes.push(...into.changes)
      const said = { text: text.slice(1, -1), label: label.name }
      if (changes.length === 0) return this.log.unchanged(msg(into.settled ? 'changes:alreadyGoldSettled' : 'changes:alreadyGold', said), [a.docId])
      this.startReview(a.docId, a.reviewer)
      const description = edited
        ? msg('changes:acceptEdited', { ...said, from: this.spanText(a.docId, edited).slice(1, -1), fromLabel: this.labelName(edited.label) })
        : a.sources.length > 0
          ? msg('changes:acceptCandidateFrom', { ...said, sources: a.sources.join(', ') })
          : msg('changes:acceptCandidate', said)
      const replacing = clash.length > 0 ? msg('changes:acceptReplacing', { ...said, replaced: clash.map((g) => this.labelName(g.label)).join(', ') }) : description
      return this.log.commitAction(a.reviewer, 'accept', replacing, changes, unlinked)
    })
  }

  /** Gold spans on the same range as `s` with another label (in the caller's transaction). */
  private goldClash(docId: string, s: SpanState): Span[] {
    return this.project.spans.layer(docId, GOLD).filter((g) => g.start === s.start && g.end === s.end && g.label !== s.label)
  }

  /**
   * Puts a span into gold (in the caller's transaction, after any clash is dealt with), records what
   * it settles, and rejects the annotators' other labels for the same range (but not the candidate
   * being edited, which the edit settles). `settled`: gold already had the span and now also settles this candidate.
   */
  private intoGold(docId: string, state: SpanState, sources: string[], reviewer: string, edited: SpanState | null): { changes: SpanChange[]; settled: boolean } {
    const settles = candidateKey(edited ?? state)
    const changes = this.moveTo(GOLD, REJECTED, docId, state)
    let settled = false
    const added = changes.find((c) => c.annotator === GOLD && c.after)
    if (added) this.project.review.setProvenance({ spanId: added.spanId, sources, acceptedBy: reviewer, acceptedAt: now(), settles: [settles] })
    else {
      const g = this.project.spans.findIdentical(docId, GOLD, state)
      const p = g && this.project.review.provenance(g.id)
      if (g && p?.settles && !p.settles.includes(settles)) {
        this.project.review.setProvenance({ ...p, sources: [...new Set([...p.sources, ...sources])], settles: [...p.settles, settles] })
        settled = true
      }
    }
    const others = new Set<string>()
    for (const s of this.project.spans.allLayers(docId)) {
      if (isReservedLayer(s.annotator) || s.start !== state.start || s.end !== state.end || s.label === state.label) continue
      if (edited && candidateKey(s) === candidateKey(edited)) continue
      others.add(s.label)
    }
    for (const other of others) changes.push(...this.moveTo(REJECTED, GOLD, docId, { start: state.start, end: state.end, label: other }))
    return { changes, settled }
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
      const changes: SpanChange[] = []
      let agreed = 0
      for (const c of this.candidates(a.docId, a.annotators)) {
        // Never one that would put a second label on a range gold has (checked as gold fills): that one waits for the reviewer.
        if (c.kind !== 'agreed' || c.decision === 'accepted' || this.goldClash(a.docId, c).length > 0) continue
        changes.push(...this.intoGold(a.docId, c, c.annotators, a.reviewer, null).changes)
        agreed++
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
          ? msg('changes:acceptAgreedLinks', { spans: agreed, links: links.length, docId: a.docId })
          : msg('changes:acceptAgreed', { count: agreed, docId: a.docId })
      return this.log.commitAction(a.reviewer, 'accept', description, changes, links)
    })
  }

  /**
   * Sets a document's review status. Marking it reviewed while differences of the compared annotators
   * (by default everyone who labelled it) are undecided is refused with their count, unless `force`
   * says the person confirmed it. The result carries the count either way.
   */
  setStatus(a: { reviewer: string; docId: string; status: ReviewStatus; annotators?: string[]; force?: boolean }): {
    status: ReviewStatus
    description: Message
  } & ReviewProgress {
    this.requireDoc(a.docId)
    const who = a.annotators ?? this.annotatorsOf(a.docId)
    const progress = this.progress(a.docId, who)
    if (a.status === 'reviewed' && progress.undecided > 0 && !a.force) {
      throw new ApiError(
        'conflict',
        msg('errors:undecidedDifferences', { count: progress.undecided, differences: progress.differences, annotators: who.join(', '), docId: a.docId })
      )
    }
    this.project.write(() => this.project.review.setStatus(a.docId, a.status, a.reviewer, now()))
    const description =
      a.status === 'reviewed' && progress.undecided > 0
        ? msg('changes:reviewStatusUndecided', { docId: a.docId, status: a.status, count: progress.undecided, differences: progress.differences })
        : msg('changes:reviewStatus', { docId: a.docId, status: a.status })
    return { status: a.status, description, ...progress }
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
        const candidates = this.candidates(docId, a.annotators)
        // A range that two labels both have enough votes for is left to the reviewer (gold holds one label per range).
        const votedRanges = candidates.filter((c) => c.decision === null && c.annotators.length >= a.minAgree).map((c) => `${c.start}:${c.end}`)
        const ambiguous = new Set(votedRanges.filter((r, i) => votedRanges.indexOf(r) !== i))
        const settledHere = new Set<string>()
        for (const c of candidates) {
          if (c.decision !== null || settledHere.has(c.key)) continue
          if (c.annotators.length >= a.minAgree && !ambiguous.has(`${c.start}:${c.end}`) && this.goldClash(docId, c).length === 0) {
            const moved = this.intoGold(docId, c, c.annotators, a.reviewer, null).changes
            for (const m of moved) if (m.annotator === REJECTED && m.after) settledHere.add(candidateKey(m.after))
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

  private startReview(docId: string, reviewer: string): void {
    if (this.project.review.status(docId) === 'unreviewed') this.project.review.setStatus(docId, 'in_review', reviewer, now())
  }

  private requireDoc(docId: string): CachedText {
    const doc = this.texts.get(docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId }))
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
      throw new ApiError('invalid_args', msg('errors:review.spanOutside', { start: s.start, end: s.end, docId, length: doc.length }))
    }
    const label = this.project.labels.list().find((l) => l.key === s.label)
    if (!label) throw new ApiError('invalid_args', msg('errors:noLabel', { label: s.label }))
    return { text: `“${doc.slice(s.start, s.end)}”`, label }
  }
}
