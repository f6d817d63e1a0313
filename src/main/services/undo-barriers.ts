import type { ApiHandlers } from '../../shared/api'
import { msg, type Message } from '../../shared/message'
import type { Project } from '../store/project'
import { ChangeLog } from './change-log'

/**
 * Puts the actions that cannot be undone on the undo stack of the person who did them, as
 * barriers (see ChangeLog): an import, a project merge, a label key rename, a label schema import,
 * a backup restore, and merging or splitting meeting events (they move entity links, which undo
 * steps record). Undo stops at a barrier and says so; it never undoes something older past
 * it. Label edits that leave every span as it is (name, colour, hotkey, guideline, order,
 * retiring) are neither undo steps nor barriers: nothing on the stack depends on them, and
 * editing the label again is the way back.
 */
export function withUndoBarriers(project: Project, person: () => string | null, handlers: ApiHandlers): ApiHandlers {
  const log = new ChangeLog(project)
  const barrier = (who: string | null | undefined, kind: 'import' | 'merge', description: Message): void => {
    if (who) project.write(() => log.barrier(who, kind, description))
  }
  return {
    ...handlers,
    importFiles: async (a) => {
      const r = await handlers.importFiles(a)
      if (r.newDocuments + r.newSpans + r.newRelations + r.newEntities + r.newEntityLinks > 0) {
        barrier(person() ?? a.annotator, 'import', msg('changes:importFiles', { documents: r.newDocuments, spans: r.newSpans }))
      }
      return r
    },
    mergeProject: async (a) => {
      const r = await handlers.mergeProject(a)
      barrier(person(), 'merge', msg('changes:mergeProject', { from: r.from }))
      return r
    },
    renameLabelKey: async (a) => {
      const r = await handlers.renameLabelKey(a)
      barrier(person(), 'import', msg('changes:labelSchema'))
      return r
    },
    importLabelSchema: async (a) => {
      const r = await handlers.importLabelSchema(a)
      barrier(person(), 'import', msg('changes:labelSchema'))
      return r
    },
    mergeMeetings: async (a) => {
      const r = await handlers.mergeMeetings(a)
      barrier(a.annotator, 'merge', msg('changes:mergeMeetings', { name: r.name, count: r.linked }))
      return r
    },
    splitMeeting: async (a) => {
      const r = await handlers.splitMeeting(a)
      if (r.unlinked > 0) barrier(a.annotator, 'merge', msg('changes:splitMeeting', { count: r.unlinked }))
      return r
    },
    restoreBackup: async (a) => {
      const r = await handlers.restoreBackup(a)
      barrier(person(), 'import', msg('changes:restoreBackup', { name: r.restored.name }))
      return r
    }
  }
}
