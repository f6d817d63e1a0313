import type { Relation, RelationChange, RelationRole, RelationState } from '../../shared/relations-schema'
import type { SpanState } from '../../shared/domain'
import type { Db } from './database'

const COLUMNS = 'id, doc_id AS docId, annotator, from_span AS "from", to_span AS "to", type'

interface RoleRow {
  type: string
  name: string
  hotkey: string
  fromLabels: string
  toLabels: string
}

interface ChangeRow {
  relationId: number
  docId: string
  annotator: string
  before: string | null
  after: string | null
}

interface LinkEndsRow {
  docId: string
  annotator: string
  type: string
  fs: number
  fe: number
  fl: string
  ts: number
  te: number
  tl: string
}

export interface LinkEnds {
  docId: string
  annotator: string
  type: string
  from: SpanState
  to: SpanState
}

/** Links between two spans of one layer (a meeting's participants, date, place), the roles allowed, and their history. */
export class RelationsRepo {
  private readonly insertStmt
  private readonly restoreStmt
  private readonly deleteStmt
  private readonly getStmt
  private readonly identicalStmt
  private readonly layerStmt
  private readonly bySpanStmt
  private readonly rolesStmt
  private readonly recordStmt
  private readonly changesOfStmt
  private readonly endsStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO relations (doc_id, annotator, from_span, to_span, type) VALUES (@docId, @annotator, @from, @to, @type)'
    )
    this.restoreStmt = db.prepare(
      'INSERT INTO relations (id, doc_id, annotator, from_span, to_span, type) VALUES (@id, @docId, @annotator, @from, @to, @type)'
    )
    this.deleteStmt = db.prepare<[number]>('DELETE FROM relations WHERE id = ?')
    this.getStmt = db.prepare<[number], Relation>(`SELECT ${COLUMNS} FROM relations WHERE id = ?`)
    this.identicalStmt = db.prepare<[string, string, number, number, string], Relation>(
      `SELECT ${COLUMNS} FROM relations WHERE doc_id = ? AND annotator = ? AND from_span = ? AND to_span = ? AND type = ?`
    )
    this.layerStmt = db.prepare<[string, string], Relation>(`SELECT ${COLUMNS} FROM relations WHERE doc_id = ? AND annotator = ? ORDER BY id`)
    this.bySpanStmt = db.prepare<[number, number], Relation>(`SELECT ${COLUMNS} FROM relations WHERE from_span = ? OR to_span = ? ORDER BY id`)
    this.rolesStmt = db.prepare<[], RoleRow>(
      'SELECT type, name, hotkey, from_labels AS fromLabels, to_labels AS toLabels FROM relation_roles ORDER BY position, type'
    )
    this.recordStmt = db.prepare(
      'INSERT INTO relation_changes (group_id, relation_id, doc_id, annotator, before, after) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.endsStmt = db.prepare<[], LinkEndsRow>(
      `SELECT r.doc_id AS docId, r.annotator, r.type, f.start AS fs, f."end" AS fe, f.label AS fl,
              t.start AS ts, t."end" AS te, t.label AS tl
       FROM relations r JOIN spans f ON f.id = r.from_span JOIN spans t ON t.id = r.to_span ORDER BY r.doc_id, r.id`
    )
    this.changesOfStmt = db.prepare<[number], ChangeRow>(
      'SELECT relation_id AS relationId, doc_id AS docId, annotator, before, after FROM relation_changes WHERE group_id = ? ORDER BY id'
    )
  }

  insert(r: Omit<Relation, 'id'>): Relation {
    return { ...r, id: Number(this.insertStmt.run(r).lastInsertRowid) }
  }

  /** Brings a link back under its old id (undo of a delete, redo of a create). */
  restore(r: Relation): void {
    this.restoreStmt.run(r)
  }

  delete(id: number): void {
    this.deleteStmt.run(id)
  }

  get(id: number): Relation | undefined {
    return this.getStmt.get(id)
  }

  findIdentical(docId: string, annotator: string, s: RelationState): Relation | undefined {
    return this.identicalStmt.get(docId, annotator, s.from, s.to, s.type)
  }

  /** One annotator's links in one document, oldest first. */
  layer(docId: string, annotator: string): Relation[] {
    return this.layerStmt.all(docId, annotator)
  }

  /** Links from or to a span. */
  ofSpan(spanId: number): Relation[] {
    return this.bySpanStmt.all(spanId, spanId)
  }

  /** Every link with its ends as (start, end, label), for comparing layers whose span ids differ. */
  *iterateEnds(): IterableIterator<LinkEnds> {
    for (const r of this.endsStmt.iterate()) {
      yield { docId: r.docId, annotator: r.annotator, type: r.type, from: { start: r.fs, end: r.fe, label: r.fl }, to: { start: r.ts, end: r.te, label: r.tl } }
    }
  }

  roles(): RelationRole[] {
    return this.rolesStmt.all().map((r) => ({
      type: r.type,
      name: r.name,
      hotkey: r.hotkey,
      fromLabels: parseLabels(r.fromLabels),
      toLabels: parseLabels(r.toLabels)
    }))
  }

  record(groupId: number, c: RelationChange): void {
    this.recordStmt.run(groupId, c.relationId, c.docId, c.annotator, encode(c.before), encode(c.after))
  }

  changesOf(groupId: number): RelationChange[] {
    return this.changesOfStmt.all(groupId).map((r) => ({
      relationId: r.relationId,
      docId: r.docId,
      annotator: r.annotator,
      before: decode(r.before),
      after: decode(r.after)
    }))
  }
}

export function stateOfRelation(r: RelationState): RelationState {
  return { from: r.from, to: r.to, type: r.type }
}

function parseLabels(json: string): string[] {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function encode(s: RelationState | null): string | null {
  return s === null ? null : JSON.stringify(stateOfRelation(s))
}

function decode(s: string | null): RelationState | null {
  return s === null ? null : (JSON.parse(s) as RelationState)
}
