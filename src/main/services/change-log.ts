import type { MutationResult } from '../../shared/api'
import type { SpanChange } from '../../shared/domain'
import type { RelationChange } from '../../shared/relations-schema'
import type { ChangeKind } from '../store/history-repo'
import type { Project } from '../store/project'

export const now = (): string => new Date().toISOString()

/** Writes user actions into the append-only history and the actor's undo stack. */
export class ChangeLog {
  constructor(private readonly project: Project) {}

  /** Records one user action (one undo step) and returns what the renderer applies. */
  commitAction(actor: string, kind: ChangeKind, description: string, changes: SpanChange[], relationChanges: RelationChange[] = []): MutationResult {
    const { groupId, mutation } = this.record(actor, kind, description, changes, null, relationChanges)
    this.project.history.pushUndoable(actor, groupId)
    return mutation
  }

  record(
    actor: string,
    kind: ChangeKind,
    description: string,
    changes: SpanChange[],
    reverts: number | null,
    relationChanges: RelationChange[] = []
  ): { groupId: number; mutation: MutationResult } {
    const at = now()
    const groupId = this.project.history.openGroup({ at, actor, kind, description, reverts })
    for (const c of changes) this.project.history.record(groupId, c)
    // Links changed in the same user action are in the same group: one undo step reverts both.
    for (const c of relationChanges) this.project.relations.record(groupId, c)
    const links = relationChanges.length > 0 ? { relationChanges } : {}
    return { groupId, mutation: { applied: true, description, changes, savedAt: at, ...links } }
  }

  unchanged(description: string): MutationResult {
    return { applied: false, description, changes: [], savedAt: now() }
  }
}
