import type { MutationResult } from '../../shared/api'
import type { LabelDef, Span, SpanChange, SpanState } from '../../shared/domain'
import type { RelationChange } from '../../shared/relations-schema'
import { usableLabel } from './usable-label'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'
import { ChangeLog, excerpt } from './change-log'
import { ignoredRegionMessage } from './regions-service'
import { relabelRefusal, unlinkSpan } from './relations-service'
import { changedSpanError, deletedSpanError, sameState } from './span-conflict'
import type { TextCache } from './text-cache'
import { contextOf } from './project-context'
import { UndoService } from './undo-service'
import { planSpan } from './span-request'

/**
 * Creating, relabelling and deleting spans, and undo/redo over the change
 * history (src/main/services/undo-service.ts). Every method commits one
 * transaction before it returns, so a returned result means the change is on disk.
 */
export class AnnotationService {
  private readonly log: ChangeLog
  private readonly texts: TextCache
  private readonly undoing: UndoService

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
    this.texts = contextOf(project).texts
    this.undoing = new UndoService(project)
  }

  createSpan(a: { docId: string; annotator: string; start: number; end: number; label: string; trim?: boolean | undefined; snap?: boolean | undefined }): MutationResult {
    const { project } = this
    const doc = this.texts.get(a.docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId: a.docId }))
    if (a.end <= a.start) throw new ApiError('invalid_args', msg('errors:span.empty', { start: a.start, end: a.end }))
    if (a.end > doc.length) {
      throw new ApiError('invalid_args', msg('errors:span.pastEnd', { end: a.end, docId: a.docId, length: doc.length }))
    }
    const label = this.label(a.label)
    const plan = planSpan(project, doc, a, label)
    const { made, state } = plan
    const text = excerpt(doc.slice(state.start, state.end))
    const ignored = project.regions.overlapping(a.docId, state.start, state.end)
    if (ignored) throw new ApiError('rejected', ignoredRegionMessage(ignored))
    return project.write(() => {
      if (project.spans.findIdentical(a.docId, a.annotator, state)) {
        return this.log.unchanged(msg('changes:alreadyLabelled', { text, label: label.name }), [a.docId])
      }
      if (!plan.cut || project.spans.findIdentical(a.docId, a.annotator, made)) {
        const span = project.spans.insert({ docId: a.docId, annotator: a.annotator, ...state })
        const change: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: null, after: state }
        return this.log.commitAction(a.annotator, 'create', msg('changes:labelSpan', { text, label: label.name }), [change])
      }
      // Two undo steps in one transaction: the selection as made (snapped to words), then trimmed.
      // One undo gives back the untrimmed span (the user insisted), a second removes it.
      const span = project.spans.insert({ docId: a.docId, annotator: a.annotator, ...made })
      const created: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: null, after: made }
      this.log.commitAction(a.annotator, 'create', msg('changes:labelSpan', { text: excerpt(doc.slice(made.start, made.end)), label: label.name }), [created])
      project.spans.update(span.id, state)
      const cutChange: SpanChange = { spanId: span.id, docId: a.docId, annotator: a.annotator, before: made, after: state }
      const cut = [plan.cut.before, plan.cut.after].filter((c) => c.trim() !== '').map((c) => `“${excerpt(c)}”`).join(', ')
      const description = cut ? msg('changes:labelSpanTrimmed', { text, label: label.name, cut }) : msg('changes:labelSpanTrimmedSpaces', { text, label: label.name })
      const result = this.log.commitAction(a.annotator, 'relabel', description, [cutChange])
      return { ...result, changes: [created, cutChange], trimmed: plan.cut }
    })
  }

  relabelSpan(a: { annotator: string; spanId: number; label: string; expected?: SpanState | undefined }): MutationResult {
    const label = this.label(a.label)
    return this.project.write(() => {
      const span = this.ownSpan(a.annotator, a.spanId, a.expected)
      if (span.label === a.label) {
        return this.log.unchanged(msg('changes:alreadyThisLabel', { label: label.name }), [span.docId])
      }
      const after: SpanState = { start: span.start, end: span.end, label: a.label }
      if (this.project.spans.findIdentical(span.docId, span.annotator, after)) {
        throw new ApiError('conflict', msg('errors:span.duplicateLabel', { label: label.name, text: this.spanText(span) }))
      }
      const linked = relabelRefusal(this.project, span.id, a.label, (key) => this.project.labels.list().find((l) => l.key === key)?.name ?? key)
      if (linked) throw new ApiError('rejected', linked)
      this.project.spans.update(span.id, after)
      const change: SpanChange = { spanId: span.id, docId: span.docId, annotator: span.annotator, before: stateOf(span), after }
      return this.log.commitAction(a.annotator, 'relabel', msg('changes:relabelSpan', { text: this.excerptOf(span), label: label.name }), [change])
    })
  }

  deleteSpan(a: { annotator: string; spanId: number; expected?: SpanState | undefined }): MutationResult {
    return this.project.write(() => {
      const span = this.ownSpan(a.annotator, a.spanId, a.expected)
      this.project.spans.delete(span.id)
      const change: SpanChange = { spanId: span.id, docId: span.docId, annotator: span.annotator, before: stateOf(span), after: null }
      // Its links go with it, in the same group: one undo brings back the span and its links.
      const unlinked = unlinkSpan(this.project, span.id)
      const text = this.excerptOf(span)
      const description = unlinked.length > 0 ? msg('changes:deleteSpanLinks', { text, count: unlinked.length }) : msg('changes:deleteSpan', { text })
      return this.log.commitAction(a.annotator, 'delete', description, [change], unlinked)
    })
  }

  /** Undoes the annotator's last undoable action (any kind: see UndoService). */
  undo(a: { annotator: string }): MutationResult {
    return this.undoing.undo(a.annotator)
  }

  redo(a: { annotator: string }): MutationResult {
    return this.undoing.redo(a.annotator)
  }

  /** The caller's span; refused if it is gone, in another layer, or no longer what the caller saw (`expected`). */
  private ownSpan(annotator: string, spanId: number, expected?: SpanState): Span {
    const span = this.project.spans.get(spanId)
    if (!span) throw deletedSpanError(this.project, spanId)
    if (span.annotator !== annotator) {
      throw new ApiError('conflict', msg('errors:span.otherLayer', { owner: span.annotator, annotator }))
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
    return `“${this.excerptOf(span)}”`
  }

  private excerptOf(span: Span): string {
    const doc = this.texts.get(span.docId)
    return doc ? excerpt(doc.slice(span.start, span.end)) : `#${span.id}`
  }
}

function stateOf(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}
