import type { Db } from './database'

/** A stretch of a document that is not article text (menus, related headlines, copyright…). Offsets in code points, end exclusive. */
export interface IgnoredRegion {
  id: number
  docId: string
  start: number
  end: number
  source: 'manual' | 'suggested'
  reason: string
  createdBy: string
  createdAt: string
}

const COLUMNS = 'id, doc_id AS docId, start, end, source, reason, created_by AS createdBy, created_at AS createdAt'

/** Ignored (boilerplate) regions of each document, sorted by start. */
export class RegionsRepo {
  private q: ReturnType<typeof regionStatements> | null = null
  // Prepared on first use, so a project opened read-only before migration 4 still opens.
  constructor(private readonly db: Db) {}
  private get s(): ReturnType<typeof regionStatements> {
    return (this.q ??= regionStatements(this.db))
  }

  list(docId: string): IgnoredRegion[] {
    return this.s.list.all(docId)
  }

  /** Every document's regions, by document id then start. */
  all(): IgnoredRegion[] {
    return this.s.all.all()
  }

  get(id: number): IgnoredRegion | undefined {
    return this.s.get.get(id)
  }

  /** Regions that overlap or touch [start, end). */
  touching(docId: string, start: number, end: number): IgnoredRegion[] {
    return this.s.touching.all(docId, end, start)
  }

  /** The first region overlapping [start, end) (touching is not enough), or undefined. */
  overlapping(docId: string, start: number, end: number): IgnoredRegion | undefined {
    return this.touching(docId, start, end).find((r) => r.start < end && r.end > start)
  }

  insert(r: Omit<IgnoredRegion, 'id'>): IgnoredRegion {
    const info = this.s.insert.run(r)
    return { ...r, id: Number(info.lastInsertRowid) }
  }

  /** Brings a region back under its old id (undo of an unmark, redo of a mark). */
  restore(r: IgnoredRegion): void {
    this.s.restore.run(r)
  }

  delete(id: number): void {
    this.s.delete.run(id)
  }
}

/** Suggestions a person turned down, per layer, so they do not come back. */
export class RejectionsRepo {
  private q: ReturnType<typeof rejectionStatements> | null = null
  constructor(private readonly db: Db) {}
  private get s(): ReturnType<typeof rejectionStatements> {
    return (this.q ??= rejectionStatements(this.db))
  }

  add(r: { docId: string; annotator: string; start: number; end: number; label: string }, at: string): boolean {
    return this.s.insert.run({ ...r, at }).changes === 1
  }

  has(r: { docId: string; annotator: string; start: number; end: number; label: string }): boolean {
    return this.s.has.get(r.docId, r.annotator, r.start, r.end, r.label) !== undefined
  }

  /** Takes a rejection back (undo): the suggestion is offered again. */
  remove(r: { docId: string; annotator: string; start: number; end: number; label: string }): boolean {
    return this.s.remove.run(r.docId, r.annotator, r.start, r.end, r.label).changes === 1
  }

  /** Keys "start:end:label" of the layer's rejections on one document. */
  keys(docId: string, annotator: string): Set<string> {
    return new Set(this.s.list.all(docId, annotator).map((r) => `${r.start}:${r.end}:${r.label}`))
  }

  all(): { docId: string; annotator: string; start: number; end: number; label: string }[] {
    return this.s.all.all()
  }
}

function regionStatements(db: Db) {
  return {
    list: db.prepare<[string], IgnoredRegion>(`SELECT ${COLUMNS} FROM ignored_regions WHERE doc_id = ? ORDER BY start, end`),
    all: db.prepare<[], IgnoredRegion>(`SELECT ${COLUMNS} FROM ignored_regions ORDER BY doc_id, start, end`),
    get: db.prepare<[number], IgnoredRegion>(`SELECT ${COLUMNS} FROM ignored_regions WHERE id = ?`),
    insert: db.prepare(
      'INSERT INTO ignored_regions (doc_id, start, end, source, reason, created_by, created_at) VALUES (@docId, @start, @end, @source, @reason, @createdBy, @createdAt)'
    ),
    restore: db.prepare(
      'INSERT INTO ignored_regions (id, doc_id, start, end, source, reason, created_by, created_at) VALUES (@id, @docId, @start, @end, @source, @reason, @createdBy, @createdAt)'
    ),
    delete: db.prepare<[number]>('DELETE FROM ignored_regions WHERE id = ?'),
    // Touching counts: [a, b) and [b, c) merge, so "start <= end" rather than "<".
    touching: db.prepare<[string, number, number], IgnoredRegion>(
      `SELECT ${COLUMNS} FROM ignored_regions WHERE doc_id = ? AND start <= ? AND end >= ? ORDER BY start`
    )
  }
}

function rejectionStatements(db: Db) {
  return {
    insert: db.prepare(
      'INSERT OR IGNORE INTO rejected_suggestions (doc_id, annotator, start, end, label, rejected_at) VALUES (@docId, @annotator, @start, @end, @label, @at)'
    ),
    list: db.prepare<[string, string], { start: number; end: number; label: string }>(
      'SELECT start, end, label FROM rejected_suggestions WHERE doc_id = ? AND annotator = ?'
    ),
    has: db.prepare<[string, string, number, number, string], { one: number }>(
      'SELECT 1 AS one FROM rejected_suggestions WHERE doc_id = ? AND annotator = ? AND start = ? AND end = ? AND label = ?'
    ),
    remove: db.prepare<[string, string, number, number, string]>(
      'DELETE FROM rejected_suggestions WHERE doc_id = ? AND annotator = ? AND start = ? AND end = ? AND label = ?'
    ),
    all: db.prepare<[], { docId: string; annotator: string; start: number; end: number; label: string }>(
      'SELECT doc_id AS docId, annotator, start, end, label FROM rejected_suggestions'
    )
  }
}
