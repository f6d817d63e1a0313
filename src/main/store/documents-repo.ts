import type { DocSummary, DocumentRecord } from '../../shared/domain'
import type { Db } from './database'

interface DocRow {
  id: string
  title: string
  text: string
  meta: string
  length: number
}

export interface NewDocument {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  length: number
}

/** Documents: text stored exactly as given, ordered by id everywhere. */
export class DocumentsRepo {
  private readonly insertStmt
  private readonly getStmt
  private readonly textStmt
  private readonly summariesStmt
  private readonly countStmt
  private readonly idsStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO documents (id, title, text, meta, length, created_at) VALUES (@id, @title, @text, @meta, @length, @createdAt)'
    )
    this.getStmt = db.prepare<[string], DocRow>('SELECT id, title, text, meta, length FROM documents WHERE id = ?')
    this.textStmt = db.prepare<[string], { text: string; length: number }>('SELECT text, length FROM documents WHERE id = ?')
    this.summariesStmt = db.prepare<[string], DocSummary>(
      `SELECT d.id, d.title, d.length, COUNT(s.id) AS spanCount
         FROM documents d LEFT JOIN spans s ON s.doc_id = d.id AND s.annotator = ?
        GROUP BY d.rowid ORDER BY d.id`
    )
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents')
    this.idsStmt = db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY id')
  }

  insert(doc: NewDocument, createdAt: string): void {
    this.insertStmt.run({ ...doc, meta: JSON.stringify(doc.meta), createdAt })
  }

  get(id: string): DocumentRecord | undefined {
    const row = this.getStmt.get(id)
    return row && { ...row, meta: JSON.parse(row.meta) as Record<string, unknown> }
  }

  /** Text and code point length, without parsing meta. */
  text(id: string): { text: string; length: number } | undefined {
    return this.textStmt.get(id)
  }

  summaries(annotator: string): DocSummary[] {
    return this.summariesStmt.all(annotator)
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0
  }

  *iterateIds(): IterableIterator<string> {
    for (const row of this.idsStmt.iterate()) yield row.id
  }
}
