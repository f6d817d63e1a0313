import type { Db } from './database'
import type { IgnoredRegion } from './regions-repo'

/** A region as the history keeps it (every column but its id; the change row has the document). */
export type RegionState = Omit<IgnoredRegion, 'id' | 'docId'>

export interface RegionChange {
  regionId: number
  docId: string
  before: RegionState | null
  after: RegionState | null
}

/** A suggestion the layer rejected (true) or not (false), before and after. */
export interface RejectionChange {
  docId: string
  annotator: string
  start: number
  end: number
  label: string
  before: boolean
  after: boolean
}

export interface EntityState {
  name: string
  type: string
  createdBy: string
  createdAt: string
}

export interface EntityChange {
  entityId: number
  before: EntityState | null
  after: EntityState | null
}

/** The entity a span is linked to, before and after (null: none). */
export interface EntityLinkChange {
  spanId: number
  before: number | null
  after: number | null
}

/** Every kind of change one user action (a change group) can hold besides spans and links. */
export interface OtherChanges {
  regions: RegionChange[]
  rejections: RejectionChange[]
  entities: EntityChange[]
  entityLinks: EntityLinkChange[]
}

export const noOtherChanges = (): OtherChanges => ({ regions: [], rejections: [], entities: [], entityLinks: [] })

/**
 * The append-only history of regions, rejected suggestions, entities and entity links
 * (migration 7), per change group, for undo and redo. Statements are prepared on first
 * use, so a project opened read-only before migration 7 still opens.
 */
export class ChangeRecordsRepo {
  private q: ReturnType<typeof statements> | null = null
  constructor(private readonly db: Db) {}
  private get s(): ReturnType<typeof statements> {
    return (this.q ??= statements(this.db))
  }

  record(groupId: number, c: Partial<OtherChanges>): void {
    for (const r of c.regions ?? []) this.s.region.run(groupId, r.regionId, r.docId, json(r.before), json(r.after))
    for (const r of c.rejections ?? []) this.s.rejection.run(groupId, r.docId, r.annotator, r.start, r.end, r.label, r.before ? 1 : 0, r.after ? 1 : 0)
    for (const e of c.entities ?? []) this.s.entity.run(groupId, e.entityId, json(e.before), json(e.after))
    for (const l of c.entityLinks ?? []) this.s.entityLink.run(groupId, l.spanId, l.before, l.after)
  }

  /** The group's changes, in the order they were made. */
  of(groupId: number): OtherChanges {
    if (!this.hasTables()) return noOtherChanges()
    return {
      regions: this.s.regionsOf.all(groupId).map((r) => ({ regionId: r.regionId, docId: r.docId, before: parse(r.before), after: parse(r.after) })),
      rejections: this.s.rejectionsOf.all(groupId).map((r) => ({ ...r, before: r.before === 1, after: r.after === 1 })),
      entities: this.s.entitiesOf.all(groupId).map((r) => ({ entityId: r.entityId, before: parse(r.before), after: parse(r.after) })),
      entityLinks: this.s.entityLinksOf.all(groupId)
    }
  }

  private tables: boolean | undefined
  private hasTables(): boolean {
    return (this.tables ??= this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'region_changes'").get() !== undefined)
  }
}

function json(v: object | null): string | null {
  return v === null ? null : JSON.stringify(v)
}

function parse<T>(s: string | null): T | null {
  return s === null ? null : (JSON.parse(s) as T)
}

function statements(db: Db) {
  return {
    region: db.prepare<[number, number, string, string | null, string | null]>(
      'INSERT INTO region_changes (group_id, region_id, doc_id, before, after) VALUES (?, ?, ?, ?, ?)'
    ),
    rejection: db.prepare<[number, string, string, number, number, string, number, number]>(
      'INSERT INTO rejection_changes (group_id, doc_id, annotator, start, end, label, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    entity: db.prepare<[number, number, string | null, string | null]>('INSERT INTO entity_changes (group_id, entity_id, before, after) VALUES (?, ?, ?, ?)'),
    entityLink: db.prepare<[number, number, number | null, number | null]>(
      'INSERT INTO entity_link_changes (group_id, span_id, before, after) VALUES (?, ?, ?, ?)'
    ),
    regionsOf: db.prepare<[number], { regionId: number; docId: string; before: string | null; after: string | null }>(
      'SELECT region_id AS regionId, doc_id AS docId, before, after FROM region_changes WHERE group_id = ? ORDER BY id'
    ),
    rejectionsOf: db.prepare<[number], { docId: string; annotator: string; start: number; end: number; label: string; before: number; after: number }>(
      'SELECT doc_id AS docId, annotator, start, end, label, before, after FROM rejection_changes WHERE group_id = ? ORDER BY id'
    ),
    entitiesOf: db.prepare<[number], { entityId: number; before: string | null; after: string | null }>(
      'SELECT entity_id AS entityId, before, after FROM entity_changes WHERE group_id = ? ORDER BY id'
    ),
    entityLinksOf: db.prepare<[number], EntityLinkChange>(
      'SELECT span_id AS spanId, before, after FROM entity_link_changes WHERE group_id = ? ORDER BY id'
    )
  }
}
