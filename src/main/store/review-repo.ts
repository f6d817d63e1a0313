import type { ReviewStatus } from '../../shared/layers'
import type { Db } from './database'

export interface Provenance {
  spanId: number
  sources: string[]
  acceptedBy: string
  acceptedAt: string
  /**
   * The review candidates ("start:end:LABEL") this gold span settles: its own key when accepted as
   * proposed, the edited candidate's key when it is an edit. Absent (older projects): its own key.
   */
  settles?: string[]
}

/** Review state: each document's status and where every gold span came from. */
export class ReviewRepo {
  private readonly statusStmt
  private readonly allStatusStmt
  private readonly setStatusStmt
  private readonly provStmt
  private readonly setProvStmt

  constructor(db: Db) {
    this.statusStmt = db.prepare<[string], { status: ReviewStatus }>('SELECT status FROM review_status WHERE doc_id = ?')
    this.allStatusStmt = db.prepare<[], { docId: string; status: ReviewStatus }>('SELECT doc_id AS docId, status FROM review_status')
    this.setStatusStmt = db.prepare<[string, string, string | null, string]>(
      `INSERT INTO review_status (doc_id, status, reviewer, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET status = excluded.status, reviewer = excluded.reviewer, updated_at = excluded.updated_at`
    )
    this.provStmt = db.prepare<[number], { sources: string; acceptedBy: string; acceptedAt: string; settles: string | null }>(
      'SELECT sources, accepted_by AS acceptedBy, accepted_at AS acceptedAt, settles FROM gold_provenance WHERE span_id = ?'
    )
    this.setProvStmt = db.prepare<[number, string, string, string, string | null]>(
      'INSERT OR REPLACE INTO gold_provenance (span_id, sources, accepted_by, accepted_at, settles) VALUES (?, ?, ?, ?, ?)'
    )
  }

  status(docId: string): ReviewStatus {
    return this.statusStmt.get(docId)?.status ?? 'unreviewed'
  }

  /** Status of every document that has one; the rest are unreviewed. */
  allStatuses(): Map<string, ReviewStatus> {
    return new Map(this.allStatusStmt.all().map((r) => [r.docId, r.status]))
  }

  setStatus(docId: string, status: ReviewStatus, reviewer: string | null, at: string): void {
    this.setStatusStmt.run(docId, status, reviewer, at)
  }

  provenance(spanId: number): Provenance | undefined {
    const row = this.provStmt.get(spanId)
    if (!row) return undefined
    const settles = row.settles === null ? {} : { settles: JSON.parse(row.settles) as string[] }
    return { spanId, sources: JSON.parse(row.sources) as string[], acceptedBy: row.acceptedBy, acceptedAt: row.acceptedAt, ...settles }
  }

  setProvenance(p: Provenance): void {
    this.setProvStmt.run(p.spanId, JSON.stringify(p.sources), p.acceptedBy, p.acceptedAt, p.settles ? JSON.stringify(p.settles) : null)
  }
}
