import type Database from 'better-sqlite3'
import type { Project } from '../store/project'

export interface EntityMergeResult {
  /** Entities the other project had and this one did not (matched by name and type). */
  entitiesAdded: number
  /** Links of merged spans copied. */
  entityLinksAdded: number
  /** Spans linked to different entities in the two projects: this project's link is kept. One line each. */
  entityConflicts: string[]
}

/**
 * Entities (schema 5) and the links of merged spans. An entity is matched by name and type
 * (the same person named the same way is one entity); `spanMap` maps their span ids to ours.
 * A span we link to another entity keeps our link and the difference is reported. Call inside
 * the merge's transaction; merging twice adds nothing.
 */
export function copyEntities(project: Project, theirs: Database.Database, spanMap: ReadonlyMap<number, number>): EntityMergeResult {
  const result: EntityMergeResult = { entitiesAdded: 0, entityLinksAdded: 0, entityConflicts: [] }
  const entities = theirs.prepare('SELECT id, name, type, created_by AS createdBy, created_at AS createdAt FROM entities ORDER BY id').all() as {
    id: number
    name: string
    type: string
    createdBy: string
    createdAt: string
  }[]
  const entityMap = new Map<number, { id: number; name: string }>()
  for (const e of entities) {
    let mine = project.entities.find(e.name, e.type)
    if (!mine) {
      mine = project.entities.insert({ name: e.name, type: e.type, createdBy: e.createdBy, createdAt: e.createdAt })
      result.entitiesAdded++
    }
    entityMap.set(e.id, { id: mine.id, name: mine.name })
  }
  const links = theirs.prepare('SELECT span_id AS spanId, entity_id AS entityId FROM span_entities ORDER BY span_id').all() as {
    spanId: number
    entityId: number
  }[]
  for (const l of links) {
    const span = spanMap.get(l.spanId)
    const entity = entityMap.get(l.entityId)
    if (span === undefined || !entity) continue // a span of a document not merged, or a link of a deleted span
    const current = project.entities.entityOf(span)
    if (current === entity.id) continue
    if (current !== undefined) {
      const s = project.spans.get(span)
      const ours = project.entities.get(current)?.name ?? `entity ${current}`
      const where = s ? `${s.docId} [${s.start}, ${s.end}) ${s.label} of ${s.annotator}` : `span ${span}`
      result.entityConflicts.push(`${where}: linked to ${ours} here and to ${entity.name} in the merged project; kept ${ours}`)
      continue
    }
    project.entities.link(span, entity.id)
    result.entityLinksAdded++
  }
  return result
}
