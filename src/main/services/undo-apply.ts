import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { EntityState, OtherChanges, RegionState } from '../store/change-records-repo'
import type { Project } from '../store/project'

/** The changes that take a group's regions, rejections, entities and entity links back (newest first). */
export function invertOther(o: OtherChanges): OtherChanges {
  const swap = <T extends { before: unknown; after: unknown }>(list: T[]): T[] => [...list].reverse().map((c) => ({ ...c, before: c.after, after: c.before }))
  return { regions: swap(o.regions), rejections: swap(o.rejections), entities: swap(o.entities), entityLinks: swap(o.entityLinks) }
}

/**
 * Applies regions, rejected suggestions, entities and entity links from `before` to `after`
 * (in the caller's transaction): each must still be as `before` says, or the whole undo/redo is
 * refused and rolled back. Entities are created or renamed before the links that point at them,
 * and removed after the links have moved away.
 */
export function applyOtherChanges(project: Project, o: OtherChanges, what: string): void {
  const conflict = (thing: 'region' | 'rejection' | 'entity' | 'entityLink' | 'entityInUse'): ApiError =>
    new ApiError('conflict', msg(`errors:undoChanged.${thing}`, { what }))
  for (const c of o.regions) {
    const current = project.regions.get(c.regionId)
    if (!sameRegion(current ?? null, c.before)) throw conflict('region')
    if (c.after === null) project.regions.delete(c.regionId)
    else if (c.before === null) project.regions.restore({ id: c.regionId, docId: c.docId, ...c.after })
    else throw conflict('region')
  }
  for (const c of o.rejections) {
    if (project.rejections.has(c) !== c.before) throw conflict('rejection')
    if (c.after) project.rejections.add(c, new Date().toISOString())
    else project.rejections.remove(c)
  }
  const entities = o.entities.filter((c) => c.after !== null)
  for (const c of entities) {
    const current = project.entities.get(c.entityId)
    if (!sameEntity(current ?? null, c.before)) throw conflict('entity')
    const after = c.after as EntityState
    const clash = project.entities.find(after.name, after.type)
    if (clash && clash.id !== c.entityId) throw new ApiError('conflict', msg('errors:undoChanged.entityExists', { what, name: after.name, type: after.type }))
    if (current) project.entities.rename(c.entityId, after.name)
    else project.entities.restore({ id: c.entityId, ...after })
  }
  for (const c of o.entityLinks) {
    if ((project.entities.entityOf(c.spanId) ?? null) !== c.before) throw conflict('entityLink')
    if (c.after === null) project.entities.unlink(c.spanId)
    else if (!project.entities.get(c.after)) throw conflict('entity')
    else project.entities.link(c.spanId, c.after)
  }
  for (const c of o.entities.filter((x) => x.after === null)) {
    const current = project.entities.get(c.entityId)
    if (!sameEntity(current ?? null, c.before)) throw conflict('entity')
    // An entity goes only once nothing refers to it (its links would go with it otherwise).
    if (project.entities.linkCount(c.entityId) > 0) throw conflict('entityInUse')
    project.entities.delete(c.entityId)
  }
}

function sameRegion(a: RegionState | null, b: RegionState | null): boolean {
  if (a === null || b === null) return a === b
  return a.start === b.start && a.end === b.end && a.source === b.source && a.reason === b.reason
}

function sameEntity(a: EntityState | null, b: EntityState | null): boolean {
  if (a === null || b === null) return a === b
  return a.name === b.name && a.type === b.type
}
