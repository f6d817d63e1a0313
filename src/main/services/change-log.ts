import type { MutationResult } from '../../shared/api'
import type { SpanChange } from '../../shared/domain'
import type { Message } from '../../shared/message'
import type { RelationChange } from '../../shared/relations-schema'
import type { OtherChanges } from '../store/change-records-repo'
import type { ChangeKind } from '../store/history-repo'
import type { Project } from '../store/project'

export const now = (): string => new Date().toISOString()

/**
 * Writes user actions into the append-only history and the actor's undo stack.
 *
 * The undo rule (issue 15): each person has one ordered undo stack. Every action that changes
 * the project goes on it as one entry under its own description (spans, links, regions,
 * rejected suggestions, entities and their links, label-all, accept-all, review decisions).
 * An action that cannot be undone (import, merge, a label schema edit, a restore) goes on it as
 * a barrier: undo stops there and says that it cannot be undone, and never reaches past it to
 * something older. Doing anything new clears the redo stack.
 */
export class ChangeLog {
  constructor(private readonly project: Project) {}

  /** Records one user action (one undo step) and returns what the renderer applies. */
  commitAction(
    actor: string,
    kind: ChangeKind,
    description: Message,
    changes: SpanChange[],
    relationChanges: RelationChange[] = [],
    other: Partial<OtherChanges> = {}
  ): MutationResult {
    const { groupId, mutation } = this.record(actor, kind, description, changes, null, relationChanges, other)
    this.project.history.pushUndoable(actor, groupId)
    return mutation
  }

  record(
    actor: string,
    kind: ChangeKind,
    description: Message,
    changes: SpanChange[],
    reverts: number | null,
    relationChanges: RelationChange[] = [],
    other: Partial<OtherChanges> = {}
  ): { groupId: number; mutation: MutationResult } {
    const at = now()
    const groupId = this.project.history.openGroup({ at, actor, kind, description, reverts })
    for (const c of changes) this.project.history.record(groupId, c)
    // Links changed in the same user action are in the same group: one undo step reverts both.
    for (const c of relationChanges) this.project.relations.record(groupId, c)
    this.project.changeRecords.record(groupId, other)
    const links = relationChanges.length > 0 ? { relationChanges } : {}
    const docIds = this.docsOf(changes, relationChanges, other)
    return { groupId, mutation: { applied: true, description, changes, savedAt: at, ...links, ...(docIds.length > 0 ? { docIds } : {}) } }
  }

  /** Records an action that cannot be undone as a barrier on the actor's undo stack (see the class comment). */
  barrier(actor: string, kind: 'import' | 'merge', description: Message): void {
    const groupId = this.project.history.openGroup({ at: now(), actor, kind, description, reverts: null })
    this.project.history.pushBarrier(actor, groupId)
  }

  unchanged(description: Message, docIds: string[] = []): MutationResult {
    return { applied: false, description, changes: [], savedAt: now(), ...(docIds.length > 0 ? { docIds } : {}) }
  }

  /** The documents a change is in, in the order first touched. */
  private docsOf(changes: SpanChange[], relations: RelationChange[], other: Partial<OtherChanges>): string[] {
    const ids = new Set<string>()
    for (const c of changes) ids.add(c.docId)
    for (const c of relations) ids.add(c.docId)
    for (const c of other.regions ?? []) ids.add(c.docId)
    for (const c of other.rejections ?? []) ids.add(c.docId)
    for (const c of other.entityLinks ?? []) {
      const span = this.project.spans.get(c.spanId)
      if (span) ids.add(span.docId)
    }
    return [...ids]
  }
}

/** Document text as a change description quotes it: whitespace runs as one space, at most 40 characters (… when cut). */
export function excerpt(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length > 40 ? chars.slice(0, 39).join('') + '…' : chars.join('')
}
