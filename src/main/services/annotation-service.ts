import type { MutationResult } from '../../shared/api'
import type { LabelDef, Span, SpanChange, SpanState } from '../../shared/domain'
import type { RelationChange } from '../../shared/relations-schema'
import { usableLabel } from './usable-label'
import { ApiError } from '../../shared/errors'
import type { Project } from '../store/project'
import { ChangeLog } from './change-log'
import { ignoredRegionMessage } from './regions-service'
import { applyRelationChanges, assertNoDanglingLinks, relabelRefusal, unlinkSpan } from './relations-service'
import { changedSpanError, deletedSpanError, sameState } from './span-conflict'
import { planSpan } from './span-request'
import { TextCache } from './text-cache'

/**
 * Creating, relabelling and deleting spans, and undo/redo over the change
 * history. Every method commits one transaction before it returns, so a
 * returned result means the change is on disk.
 */
export class AnnotationService {
  private readonly log: ChangeLog
  private readonly texts: TextCache

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
    this.texts = new TextCache(project)
  }

  createSpan(a: { docId: string; annotator: string; start: number; end: number; label: string; trim?: boolean | undefined; snap?: boolean | undefined }): MutationResult {
    const { project } = this
    const doc = this.texts.get(a.docId)
    if (!doc) throw new ApiError('not_found', `There is no document "${a.docId}" in this project.`)
    if (a.end <= a.start) throw new ApiError('invalid_args', `A span must cover at least one character (start ${a.start}, end ${a.end}).`)
    if (a.end > doc.length) {
      throw new ApiError('invalid_args', `The span ends at ${a.end}, past the end of "${a.docId}" (${doc.length} characters).`)
    }
    const label = this.label(a.label)
    const plan = planSpan(project, doc, a, label)
    const { made, state } = plan
    const quoted = quote(doc.slice(state.start, state.end))
    const ignored = project.regions.overlapping(a.docId, state.start, state.end)
    if (ignored) throw new ApiError('rejected', ignoredRegionMessage(ignored))
    return project.write(() => {
      if (project.spans.findIdentical(a.docId, a.annotator, state)) {
        return this.log.unchanged(`${quoted} is already labelled ${label.name}`)
      }
      if (!plan.cut || project.spans.findIdentical(a.docId, a.annotator, made)) {
        const span = project.spans.insert({ docId: a.docId, annotator: a.annotator, ...state })
        const change: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: null, after: state }
        return this.log.commitAction(a.annotator, 'create', `Label ${quoted} as ${label.name}`, [change])
      }
      // Two undo steps in one transaction: the selection as made (snapped to words), then trimmed.
      // One undo gives back the untrimmed span (the user insisted), a second removes it.
      const span = project.spans.insert({ docId: a.docId, annotator: a.annotator, ...made })
      const created: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: null, after: made }
      this.log.commitAction(a.annotator, 'create', `Label ${quote(doc.slice(made.start, made.end))} as ${label.name}`, [created])
      project.spans.update(span.id, state)
      const cut: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: made, after: state }
      const what = [plan.cut.before, plan.cut.after].filter((c) => c.trim() !== '').map(quote).join(' and ')
      const description = `Label ${quoted} as ${label.name}, trimmed ${what || 'spaces'} (undo keeps them)`
      const result = this.log.commitAction(a.annotator, 'relabel', description, [cut])
      return { ...result, changes: [created, cut], trimmed: plan.cut }
    })
  }

  relabelSpan(a: { annotator: string; spanId: number; label: string; expected?: SpanState | undefined }): MutationResult {
    const label = this.label(a.label)
    return this.project.write(() => {
      const span = this.ownSpan(a.annotator, a.spanId, a.expected)
      if (span.label === a.label) {
        return this.log.unchanged(`The span is already ${label.name}`)
      }
      const after: SpanState = { start: span.start, end: span.end, label: a.label }
      if (this.project.spans.findIdentical(span.docId, span.annotator, after)) {
        throw new ApiError('conflict', `There is already a ${label.name} span on ${this.spanText(span)}. Delete this one instead.`)
      }
      const linked = relabelRefusal(this.project, span.id, a.label, (key) => this.project.labels.list().find((l) => l.key === key)?.name ?? key)
      if (linked) throw new ApiError('rejected', linked)
      this.project.spans.update(span.id, after)
      const change: SpanChange = { spanId: span.id, docId: span.docId, annotator: span.annotator, before: stateOf(span), after }
      return this.log.commitAction(a.annotator, 'relabel', `Relabel ${this.spanText(span)} as ${label.name}`, [change])
    })
  }

  deleteSpan(a: { annotator: string; spanId: number; expected?: SpanState | undefined }): MutationResult {
    return this.project.write(() => {
      const span = this.ownSpan(a.annotator, a.spanId, a.expected)
      this.project.spans.delete(span.id)
      const change: SpanChange = { spanId: span.id, docId: span.docId, annotator: span.annotator, before: stateOf(span), after: null }
      // Its links go with it, in the same group: one undo brings back the span and its links.
      const unlinked = unlinkSpan(this.project, span.id)
      const links = unlinked.length > 0 ? ` and ${unlinked.length} link${unlinked.length === 1 ? '' : 's'}` : ''
      return this.log.commitAction(a.annotator, 'delete', `Delete ${this.spanText(span)}${links}`, [change], unlinked)
    })
  }

  undo(a: { annotator: string }): MutationResult {
    return this.project.write(() => {
      const top = this.project.history.topUndo(a.annotator)
      if (!top) return this.log.unchanged('Nothing to undo')
      const inverse = this.project.history
        .changesOf(top.groupId)
        .reverse()
        .map((c) => ({ ...c, before: c.after, after: c.before }))
      const links = this.project.relations
        .changesOf(top.groupId)
        .reverse()
        .map((c) => ({ ...c, before: c.after, after: c.before }))
      this.applyAll(inverse, `Cannot undo “${top.description}”`, links)
      this.project.history.markUndone(a.annotator, top.seq, true)
      return this.log.record(a.annotator, 'undo', `Undo: ${top.description}`, inverse, top.groupId, links).mutation
    })
  }

  redo(a: { annotator: string }): MutationResult {
    return this.project.write(() => {
      const top = this.project.history.topRedo(a.annotator)
      if (!top) return this.log.unchanged('Nothing to redo')
      const changes = this.project.history.changesOf(top.groupId)
      const links = this.project.relations.changesOf(top.groupId)
      this.applyAll(changes, `Cannot redo “${top.description}”`, links)
      this.project.history.markUndone(a.annotator, top.seq, false)
      return this.log.record(a.annotator, 'redo', `Redo: ${top.description}`, changes, top.groupId, links).mutation
    })
  }

  /** Moves each span from `before` to `after`, then each link, refusing if someone changed them since or a link would dangle. */
  private applyAll(changes: SpanChange[], what: string, links: RelationChange[]): void {
    this.applySpans(changes, what)
    applyRelationChanges(this.project, links, what)
    assertNoDanglingLinks(this.project, changes.filter((c) => c.after === null).map((c) => c.spanId), what)
  }

  private applySpans(changes: SpanChange[], what: string): void {
    for (const c of changes) {
      const current = this.project.spans.get(c.spanId)
      if (!sameState(current ? stateOf(current) : null, c.before)) {
        if (!current) throw deletedSpanError(this.project, c.spanId, `${what}: that span`)
        throw changedSpanError(this.project, c.spanId, current, this.describe(current), `${what}: that span`)
      }
      if (c.after === null) this.project.spans.delete(c.spanId)
      else if (c.before === null) {
        if (this.project.spans.findIdentical(c.docId, c.annotator, c.after)) {
          throw new ApiError('conflict', `${what}: an identical span exists now; nothing changed.`)
        }
        this.project.spans.restore({ id: c.spanId, docId: c.docId, annotator: c.annotator, ...c.after })
      } else this.project.spans.update(c.spanId, c.after)
    }
  }

  /** The caller's span; refused if it is gone, in another layer, or no longer what the caller saw (`expected`). */
  private ownSpan(annotator: string, spanId: number, expected?: SpanState): Span {
    const span = this.project.spans.get(spanId)
    if (!span) throw deletedSpanError(this.project, spanId)
    if (span.annotator !== annotator) {
      throw new ApiError('conflict', `That span is in ${span.annotator}'s layer; you can change only your own (${annotator}).`)
    }
    if (expected && !sameState(stateOf(span), expected)) throw changedSpanError(this.project, spanId, span, this.describe(span))
    return span
  }

  /** "Person on “샘 올트먼”" */
  private describe(span: Span): string {
    const name = this.project.labels.list().find((l) => l.key === span.label)?.name ?? span.label
    return `${name} on ${this.spanText(span)}`
  }

  private label(key: string): LabelDef {
    return usableLabel(this.project, key)
  }

  private spanText(span: Span): string {
    const doc = this.texts.get(span.docId)
    return doc ? quote(doc.slice(span.start, span.end)) : `span ${span.id}`
  }
}

function stateOf(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return `“${chars.length > 40 ? chars.slice(0, 39).join('') + '…' : chars.join('')}”`
}
