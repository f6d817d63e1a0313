import type { MutationResult } from '../../shared/api'
import type { Span, SpanChange, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { nestChange } from '../../shared/change-messages'
import { msg, type Message } from '../../shared/message'
import type { RelationChange } from '../../shared/relations-schema'
import type { OtherChanges } from '../store/change-records-repo'
import type { Project } from '../store/project'
import { ChangeLog, excerpt } from './change-log'
import { applyRelationChanges, assertNoDanglingLinks } from './relations-service'
import { changedSpanError, deletedSpanError, sameState } from './span-conflict'
import { applyOtherChanges, invertOther } from './undo-apply'

interface GroupChanges {
  spans: SpanChange[]
  links: RelationChange[]
  other: OtherChanges
}

/**
 * Undo and redo over the append-only history, for every kind of change a group holds: spans,
 * links, ignored regions, rejected suggestions, entities and entity links (the rule is on
 * ChangeLog). Undo takes the annotator's newest entry that is not undone: a barrier (an action
 * that cannot be undone) is refused with its name and stays, so nothing older is ever undone
 * past it. Everything a group touches must still be as the group left it, or nothing changes
 * (conflict). The result names the action (changes:undo / changes:redo, nesting its message)
 * and lists the documents it is in (docIds), so the client can show the document.
 */
export class UndoService {
  private readonly log: ChangeLog

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
  }

  undo(annotator: string): MutationResult {
    return this.project.write(() => {
      const top = this.project.history.topUndo(annotator)
      if (!top) return this.log.unchanged(msg('changes:nothingToUndo'))
      if (top.barrier) return this.log.unchanged(nestChange('changes:cannotUndo', top.description))
      const done = this.changesOf(top.groupId)
      const inverse: GroupChanges = {
        spans: done.spans.reverse().map((c) => ({ ...c, before: c.after, after: c.before })),
        links: done.links.reverse().map((c) => ({ ...c, before: c.after, after: c.before })),
        other: invertOther(done.other)
      }
      try {
        this.applyAll(inverse, subjectOf(top.description, top.groupId))
      } catch (err) {
        throw refused('changes:undoConflict', top.description, err)
      }
      this.project.history.markUndone(annotator, top.seq, true)
      return this.log.record(annotator, 'undo', nestChange('changes:undo', top.description), inverse.spans, top.groupId, inverse.links, inverse.other).mutation
    })
  }

  redo(annotator: string): MutationResult {
    return this.project.write(() => {
      const top = this.project.history.topRedo(annotator)
      if (!top) return this.log.unchanged(msg('changes:nothingToRedo'))
      const again = this.changesOf(top.groupId)
      try {
        this.applyAll(again, subjectOf(top.description, top.groupId))
      } catch (err) {
        throw refused('changes:redoConflict', top.description, err)
      }
      this.project.history.markUndone(annotator, top.seq, false)
      return this.log.record(annotator, 'redo', nestChange('changes:redo', top.description), again.spans, top.groupId, again.links, again.other).mutation
    })
  }

  private changesOf(groupId: number): GroupChanges {
    return {
      spans: this.project.history.changesOf(groupId),
      links: this.project.relations.changesOf(groupId),
      other: this.project.changeRecords.of(groupId)
    }
  }

  /** Moves everything from `before` to `after`, refusing (conflict, nothing changed) if anything was changed since. */
  private applyAll(g: GroupChanges, what: string): void {
    // Entities come back before the links to them and go after; spans before their links and entity links.
    this.applySpans(g.spans, what)
    applyRelationChanges(this.project, g.links, what)
    assertNoDanglingLinks(this.project, g.spans.filter((c) => c.after === null).map((c) => c.spanId), what)
    applyOtherChanges(this.project, g.other, what)
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
          throw new ApiError('conflict', msg('errors:span.identicalNow', { what }))
        }
        this.project.spans.restore({ id: c.spanId, docId: c.docId, annotator: c.annotator, ...c.after })
      } else this.project.spans.update(c.spanId, c.after)
    }
  }

  /** "Person on “샘 올트먼”" */
  private describe(span: Span): string {
    const name = this.project.labels.list().find((l) => l.key === span.label)?.name ?? span.label
    const doc = this.project.documents.text(span.docId)
    return `${name} on “${doc ? excerpt([...doc.text].slice(span.start, span.end).join('')) : `span ${span.id}`}”`
  }
}

function stateOf(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}

/** What a refusal's details name: the change's own text (project data, never translated), else its number. */
function subjectOf(description: Message, groupId: number): string {
  const p = description.params ?? {}
  if (p['text'] !== undefined) return `“${p['text']}”`
  if (p['from'] !== undefined && p['to'] !== undefined) return `“${p['from']}” → “${p['to']}”`
  if (p['name'] !== undefined) return `“${p['name']}”`
  return `#${groupId}`
}

/**
 * An undo or redo that something changed since refuses as a whole: the message names the change
 * (in the person's language, nested from its own description) and the detail says what is in the way.
 */
function refused(key: 'changes:undoConflict' | 'changes:redoConflict', description: Message, err: unknown): unknown {
  if (!(err instanceof ApiError) || err.code !== 'conflict') return err
  return new ApiError('conflict', nestChange(key, description), [err.msg, ...err.details])
}
