import type Database from 'better-sqlite3'
import type { Project } from '../store/project'
import { msg } from '../../shared/message'

/**
 * Links (schema 5) between merged spans: `spanMap` maps their span ids to ours, and a link whose
 * either end did not map (its document was not merged) is left out. A link is known by
 * (document, layer, from, to, type) after mapping, so merging twice adds nothing. Links of a type
 * this project has no role for are left out too (roles come from the schema, so only a hand-edited
 * project has them). The links added are recorded, as creations, in one "merge" change group that
 * is on nobody's undo stack: like the merged spans, a merge is not undone link by link, but the
 * history says where each link came from. Call inside the merge's transaction.
 */
export function copyRelations(project: Project, theirs: Database.Database, spanMap: ReadonlyMap<number, number>, from: string, at: string): number {
  const roles = new Set(project.relations.roles().map((r) => r.type))
  const links = theirs.prepare('SELECT doc_id AS docId, annotator, from_span AS "from", to_span AS "to", type FROM relations ORDER BY id').all() as {
    docId: string
    annotator: string
    from: number
    to: number
    type: string
  }[]
  let group: number | null = null
  let added = 0
  for (const l of links) {
    const mine = { from: spanMap.get(l.from), to: spanMap.get(l.to), type: l.type }
    if (mine.from === undefined || mine.to === undefined || !roles.has(l.type)) continue
    const state = { from: mine.from, to: mine.to, type: l.type }
    if (project.relations.findIdentical(l.docId, l.annotator, state)) continue
    const made = project.relations.insert({ docId: l.docId, annotator: l.annotator, ...state })
    group ??= project.history.openGroup({ at, actor: 'merge', kind: 'merge', description: msg('changes:mergeLinks', { from }), reverts: null })
    project.relations.record(group, { relationId: made.id, docId: l.docId, annotator: l.annotator, before: null, after: state })
    added++
  }
  return added
}
