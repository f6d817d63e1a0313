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
  /** Why the text may not be used to train models (the notice found); none when absent. */
  restricted?: string | null
}

/** Documents: text stored exactly as given, ordered by id everywhere. */
export class DocumentsRepo {
  private readonly insertStmt
  private readonly getStmt
  private readonly textStmt
  private readonly summariesStmt
  private readonly countStmt
  private readonly idsStmt
  private readonly textsStmt
  private readonly restrictedStmt
  private readonly setRestrictedStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO documents (id, title, text, meta, length, created_at, restricted) VALUES (@id, @title, @text, @meta, @length, @createdAt, @restricted)'
    )
    this.getStmt = db.prepare<[string], DocRow>('SELECT id, title, text, meta, length FROM documents WHERE id = ?')
    this.textStmt = db.prepare<[string], { text: string; length: number }>('SELECT text, length FROM documents WHERE id = ?')
    this.restrictedStmt = db.prepare<[string], { restricted: string | null }>('SELECT restricted FROM documents WHERE id = ?')
    this.setRestrictedStmt = db.prepare<[string | null, string]>('UPDATE documents SET restricted = ? WHERE id = ?')
    this.summariesStmt = db.prepare<[string], Omit<DocSummary, 'layers' | 'status'>>(
      `SELECT d.id, d.title, d.length, d.restricted, COUNT(s.id) AS spanCount
         FROM documents d LEFT JOIN spans s ON s.doc_id = d.id AND s.annotator = ?
        GROUP BY d.rowid ORDER BY d.id`
    )
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents')
    this.idsStmt = db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY id')
    this.textsStmt = db.prepare<[], { id: string; text: string }>('SELECT id, text FROM documents ORDER BY id')
  }

  insert(doc: NewDocument, createdAt: string): void {
    this.insertStmt.run({ ...doc, meta: JSON.stringify(doc.meta), createdAt, restricted: doc.restricted ?? null })
  }

  get(id: string): DocumentRecord | undefined {
    const row = this.getStmt.get(id)
    return row && { ...row, meta: JSON.parse(row.meta) as Record<string, unknown> }
  }

  /** Text and code point length, without parsing meta. */
  text(id: string): { text: string; length: number } | undefined {
    return this.textStmt.get(id)
  }

  restricted(id: string): string | null {
    return this.restrictedStmt.get(id)?.restricted ?? null
  }

  setRestricted(id: string, reason: string | null): void {
    this.setRestrictedStmt.run(reason, id)
  }

  summaries(annotator: string): Omit<DocSummary, 'layers' | 'status'>[] {
    return this.summariesStmt.all(annotator)
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0
  }

  *iterateIds(): IterableIterator<string> {
    for (const row of this.idsStmt.iterate()) yield row.id
  }

  /** Every document's id and text in id order, read in one pass (whole-corpus computations). */
  *iterateTexts(): IterableIterator<{ id: string; text: string }> {
    yield* this.textsStmt.iterate()
  }
}
