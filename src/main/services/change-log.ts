import type { MutationResult } from '../../shared/api'
import type { SpanChange } from '../../shared/domain'
import type { ChangeKind } from '../store/history-repo'
import type { Project } from '../store/project'

export const now = (): string => new Date().toISOString()

/** Writes user actions into the append-only history and the actor's undo stack. */
export class ChangeLog {
  constructor(private readonly project: Project) {}

  /** Records one user action (one undo step) and returns what the renderer applies. */
  commitAction(actor: string, kind: ChangeKind, description: string, changes: SpanChange[]): MutationResult {
    const { groupId, mutation } = this.record(actor, kind, description, changes, null)
    this.project.history.pushUndoable(actor, groupId)
    return mutation
  }

  record(
    actor: string,
    kind: ChangeKind,
    description: string,
    changes: SpanChange[],
    reverts: number | null
  ): { groupId: number; mutation: MutationResult } {
    const at = now()
    const groupId = this.project.history.openGroup({ at, actor, kind, description, reverts })
    for (const c of changes) this.project.history.record(groupId, c)
    return { groupId, mutation: { applied: true, description, changes, savedAt: at } }
  }

  unchanged(description: string): MutationResult {
    return { applied: false, description, changes: [], savedAt: now() }
  }
}
