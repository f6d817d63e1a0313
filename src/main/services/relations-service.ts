import type { MutationResult } from '../../shared/api'
import type { Span } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import type { Relation, RelationChange, RelationRole } from '../../shared/relations-schema'
import type { Project } from '../store/project'
import { stateOfRelation } from '../store/relations-repo'
import { ChangeLog, excerpt } from './change-log'
import { deletedSpanError } from './span-conflict'

/**
 * Links between spans of one layer in one document (a meeting's participants,
 * date and place). Each create or delete is one change group (one undo step);
 * undo/redo of a group replays its links with applyRelationChanges.
 */
export class RelationsService {
  private readonly log: ChangeLog

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
  }

  listRoles(): RelationRole[] {
    return this.project.relations.roles()
  }

  listRelations(a: { docId: string; annotator: string }): Relation[] {
    return this.project.relations.layer(a.docId, a.annotator)
  }

  createRelation(a: { annotator: string; docId: string; from: number; to: number; type: string }): MutationResult {
    const { project } = this
    const role = project.relations.roles().find((r) => r.type === a.type)
    if (!role) {
      const known = project.relations.roles().map((r) => r.type).join(', ')
      throw new ApiError('invalid_args', msg('errors:noRole', { role: a.type, known }))
    }
    return project.write(() => {
      const from = this.ownSpan(a.annotator, a.docId, a.from, 'from')
      const to = this.ownSpan(a.annotator, a.docId, a.to, 'to')
      if (from.id === to.id) throw new ApiError('invalid_args', msg('errors:linkToItself'))
      const refusal = roleRefusal(role, from.label, to.label, (key) => this.labelName(key))
      if (refusal) throw new ApiError('rejected', refusal)
      const state = { from: from.id, to: to.id, type: role.type }
      const text = `${this.spanText(from)} → ${this.spanText(to)}`
      if (project.relations.findIdentical(a.docId, a.annotator, state)) {
        throw new ApiError('conflict', msg('errors:alreadyLinked', { text, role: role.name }))
      }
      const made = project.relations.insert({ docId: a.docId, annotator: a.annotator, ...state })
      const change: RelationChange = { relationId: made.id, docId: a.docId, annotator: a.annotator, before: null, after: state }
      return this.log.commitAction(a.annotator, 'create', msg('changes:createRelation', { role: role.name, from: this.excerptOf(from), to: this.excerptOf(to) }), [], [change])
    })
  }

  deleteRelation(a: { annotator: string; relationId: number }): MutationResult {
    const { project } = this
    return project.write(() => {
      const r = project.relations.get(a.relationId)
      if (!r) throw new ApiError('not_found', msg('errors:noLink', { id: a.relationId }))
      if (r.annotator !== a.annotator) {
        throw new ApiError('conflict', msg('errors:linkOtherLayer', { owner: r.annotator, annotator: a.annotator }))
      }
      project.relations.delete(r.id)
      const role = project.relations.roles().find((x) => x.type === r.type)?.name ?? r.type
      const change: RelationChange = { relationId: r.id, docId: r.docId, annotator: r.annotator, before: stateOfRelation(r), after: null }
      const ends = (id: number): string => {
        const span = project.spans.get(id)
        return span ? this.excerptOf(span) : `#${id}`
      }
      return this.log.commitAction(a.annotator, 'delete', msg('changes:deleteRelation', { role, from: ends(r.from), to: ends(r.to) }), [], [change])
    })
  }

  private ownSpan(annotator: string, docId: string, spanId: number, end: 'from' | 'to'): Span {
    const span = this.project.spans.get(spanId)
    if (!span) throw deletedSpanError(this.project, spanId)
    if (span.docId !== docId) throw new ApiError('invalid_args', msg(end === 'from' ? 'errors:linkFromOtherDoc' : 'errors:linkToOtherDoc', { docId: span.docId }))
    if (span.annotator !== annotator) {
      throw new ApiError('conflict', msg(end === 'from' ? 'errors:linkFromOtherLayer' : 'errors:linkToOtherLayer', { owner: span.annotator, annotator }))
    }
    return span
  }

  private excerptOf(span: Span): string {
    const doc = this.project.documents.text(span.docId)
    return doc ? excerpt([...doc.text].slice(span.start, span.end).join('')) : `#${span.id}`
  }

  private labelName(key: string): string {
    return this.project.labels.list().find((l) => l.key === key)?.name ?? key
  }

  private spanText(span: Span): string {
    const doc = this.project.documents.text(span.docId)
    if (!doc) return `span ${span.id}`
    return `“${[...doc.text].slice(span.start, span.end).join('').replace(/\s+/g, ' ')}”`
  }
}

/** Why the role cannot link these labels ("Participant links Meeting to Person or Organisation; …"), or null when it can. */
export function roleRefusal(role: RelationRole, fromLabel: string, toLabel: string, name: (key: string) => string = (k) => k): Message | null {
  const fromOk = role.fromLabels.length === 0 || role.fromLabels.includes(fromLabel)
  const toOk = role.toLabels.length === 0 || role.toLabels.includes(toLabel)
  if (fromOk && toOk) return null
  // A role with no label list takes any label; those are never the side that refuses.
  const params = { role: role.name, from: labelList(role.fromLabels, name), to: labelList(role.toLabels, name) }
  return !fromOk ? msg('errors:roleRefusedFrom', { ...params, got: name(fromLabel) }) : msg('errors:roleRefusedTo', { ...params, got: name(toLabel) })
}

/** Label names joined as data ("Person / Organisation"); "*" when any label will do. */
function labelList(keys: string[], name: (key: string) => string): string {
  return keys.length === 0 ? '*' : keys.map(name).join(' / ')
}

/** Why a span cannot take a new label because a link of its needs the old one, or null. */
export function relabelRefusal(project: Project, spanId: number, label: string, name: (key: string) => string): Message | null {
  const roles = project.relations.roles()
  for (const r of project.relations.ofSpan(spanId)) {
    const role = roles.find((x) => x.type === r.type)
    if (!role) continue
    const allowed = r.from === spanId ? role.fromLabels : role.toLabels
    if (allowed.length > 0 && !allowed.includes(label)) {
      return msg(r.from === spanId ? 'errors:relabelLinkedFrom' : 'errors:relabelLinkedTo', { role: role.name, allowed: labelList(allowed, name) })
    }
  }
  return null
}

/**
 * Undo/redo of a group's links, in the group's transaction: each link must still be as
 * `before` says (else conflict, and the whole undo is rolled back); a link brought back
 * needs both its spans alive in its layer. Call after the group's spans are applied.
 */
export function applyRelationChanges(project: Project, changes: RelationChange[], what: string): void {
  for (const c of changes) {
    const current = project.relations.get(c.relationId)
    const same = current ? c.before !== null && sameRelation(stateOfRelation(current), c.before) : c.before === null
    if (!same) {
      throw new ApiError('conflict', msg('errors:undoLinkChanged', { what }))
    }
    if (c.after === null) {
      project.relations.delete(c.relationId)
      continue
    }
    for (const id of [c.after.from, c.after.to]) {
      const span = project.spans.get(id)
      if (!span || span.docId !== c.docId || span.annotator !== c.annotator) {
        throw new ApiError('conflict', msg('errors:undoLinkSpanGone', { what }))
      }
    }
    if (project.relations.findIdentical(c.docId, c.annotator, c.after)) {
      throw new ApiError('conflict', msg('errors:undoLinkIdentical', { what }))
    }
    project.relations.restore({ id: c.relationId, docId: c.docId, annotator: c.annotator, ...c.after })
  }
}

/** Refuses (conflict) to leave a link pointing at a span the change deleted. */
export function assertNoDanglingLinks(project: Project, deletedSpanIds: number[], what: string): void {
  for (const id of deletedSpanIds) {
    if (project.relations.ofSpan(id).length > 0) {
      throw new ApiError('conflict', msg('errors:undoSpanLinked', { what }))
    }
  }
}

/** Deletes every link from or to the span, returning the changes to record with the span's deletion. */
export function unlinkSpan(project: Project, spanId: number): RelationChange[] {
  return project.relations.ofSpan(spanId).map((r) => {
    project.relations.delete(r.id)
    return { relationId: r.id, docId: r.docId, annotator: r.annotator, before: stateOfRelation(r), after: null }
  })
}

function sameRelation(a: { from: number; to: number; type: string }, b: { from: number; to: number; type: string }): boolean {
  return a.from === b.from && a.to === b.to && a.type === b.type
}
