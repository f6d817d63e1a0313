import type { Db } from './database'

/** A MEETING span of one layer that has at least one link. */
export interface MeetingSpanRow {
  spanId: number
  docId: string
  start: number
  end: number
  /** The MEETING entity (event) it is linked to, or null. */
  entityId: number | null
  entityName: string | null
}

/** One link from a MEETING span to its argument, with the argument's span and entity. */
export interface MeetingArgumentRow {
  fromSpan: number
  type: string
  spanId: number
  docId: string
  start: number
  end: number
  label: string
  entityId: number | null
  entityName: string | null
  entityType: string | null
}

export interface MeetingDocRow {
  id: string
  title: string
  text: string
}

/**
 * Read-only queries of the Meetings view over the migration-5 tables, plus the two writes
 * that merge and split events (entity of type MEETING ↔ its MEETING spans). Statements are
 * prepared on first use so older projects still open read-only.
 * span_entities has no foreign key to spans: every query joins spans to see live mentions only.
 */
export class MeetingsRepo {
  private q: ReturnType<typeof statements> | null = null
  constructor(private readonly db: Db) {}
  private get s(): ReturnType<typeof statements> {
    return (this.q ??= statements(this.db))
  }

  meetingSpans(annotator: string): MeetingSpanRow[] {
    return this.s.meetingSpans.all(annotator)
  }

  arguments(annotator: string): MeetingArgumentRow[] {
    return this.s.arguments.all(annotator)
  }

  document(id: string): MeetingDocRow | undefined {
    return this.s.document.get(id)
  }

  /** A span's layer and label, or undefined when it does not exist (any more). */
  span(id: number): { annotator: string; label: string; docId: string } | undefined {
    return this.s.span.get(id)
  }

  /** The MEETING entity called name, created if new. Call inside project.write. */
  meetingEntity(name: string, createdBy: string, at: string): number {
    this.s.insertEntity.run(name, createdBy, at)
    const row = this.s.entityByName.get(name)
    if (!row) throw new Error(`the meeting entity "${name}" was not saved`)
    return row.id
  }

  link(spanId: number, entityId: number): void {
    this.s.link.run(spanId, entityId)
  }

  /** Removes a span's link only if it is to a MEETING entity; returns whether it had one. */
  unlinkMeeting(spanId: number): boolean {
    return this.s.unlinkMeeting.run(spanId).changes > 0
  }
}

function statements(db: Db) {
  return {
    meetingSpans: db.prepare<[string], MeetingSpanRow>(
      `SELECT s.id AS spanId, s.doc_id AS docId, s.start, s.end, e.id AS entityId, e.name AS entityName
         FROM spans s
         LEFT JOIN span_entities se ON se.span_id = s.id
         LEFT JOIN entities e ON e.id = se.entity_id AND e.type = 'MEETING'
        WHERE s.annotator = ? AND s.label = 'MEETING'
          AND EXISTS (SELECT 1 FROM relations r JOIN spans t ON t.id = r.to_span
                       WHERE r.from_span = s.id AND r.annotator = s.annotator)
        ORDER BY s.doc_id, s.start, s.id`
    ),
    arguments: db.prepare<[string], MeetingArgumentRow>(
      `SELECT r.from_span AS fromSpan, r.type, t.id AS spanId, t.doc_id AS docId, t.start, t.end, t.label,
              e.id AS entityId, e.name AS entityName, e.type AS entityType
         FROM relations r
         JOIN spans f ON f.id = r.from_span AND f.label = 'MEETING'
         JOIN spans t ON t.id = r.to_span
         LEFT JOIN span_entities se ON se.span_id = t.id
         LEFT JOIN entities e ON e.id = se.entity_id
        WHERE r.annotator = ?
        ORDER BY r.from_span, r.type, t.start, t.id`
    ),
    document: db.prepare<[string], MeetingDocRow>('SELECT id, title, text FROM documents WHERE id = ?'),
    span: db.prepare<[number], { annotator: string; label: string; docId: string }>(
      'SELECT annotator, label, doc_id AS docId FROM spans WHERE id = ?'
    ),
    insertEntity: db.prepare<[string, string, string]>(
      `INSERT INTO entities (name, type, created_by, created_at) VALUES (?, 'MEETING', ?, ?) ON CONFLICT (name, type) DO NOTHING`
    ),
    entityByName: db.prepare<[string], { id: number }>(`SELECT id FROM entities WHERE name = ? AND type = 'MEETING'`),
    link: db.prepare<[number, number]>(
      'INSERT INTO span_entities (span_id, entity_id) VALUES (?, ?) ON CONFLICT (span_id) DO UPDATE SET entity_id = excluded.entity_id'
    ),
    unlinkMeeting: db.prepare<[number]>(
      `DELETE FROM span_entities WHERE span_id = ? AND entity_id IN (SELECT id FROM entities WHERE type = 'MEETING')`
    )
  }
}
