import type { Db } from './database'

/** A real-world thing (a person, an organisation, a meeting) that spans in many documents can refer to. */
export interface Entity {
  id: number
  name: string
  /** A label key, e.g. PERSON. */
  type: string
  createdBy: string
  createdAt: string
}

/** A live span linked to an entity (span_entities joined with spans: links of deleted spans are not mentions). */
export interface MentionRow {
  entityId: number
  spanId: number
  docId: string
  annotator: string
  start: number
  end: number
  label: string
}

const ENTITY = 'id, name, type, created_by AS createdBy, created_at AS createdAt'
const MENTION = 'se.entity_id AS entityId, s.id AS spanId, s.doc_id AS docId, s.annotator, s.start, s.end, s.label'

/**
 * Entities and the links of spans to them. span_entities has no foreign key to
 * spans (a span brought back by undo keeps its id and its link), so every read
 * of mentions joins the live spans.
 */
export class EntitiesRepo {
  private q: ReturnType<typeof statements> | null = null
  // Prepared on first use, so a project opened read-only before migration 5 still opens.
  constructor(private readonly db: Db) {}
  private get s(): ReturnType<typeof statements> {
    return (this.q ??= statements(this.db))
  }

  all(): Entity[] {
    return this.s.all.all()
  }

  get(id: number): Entity | undefined {
    return this.s.get.get(id)
  }

  find(name: string, type: string): Entity | undefined {
    return this.s.find.get(name, type)
  }

  insert(e: Omit<Entity, 'id'>): Entity {
    const info = this.s.insert.run(e)
    return { ...e, id: Number(info.lastInsertRowid) }
  }

  /** Brings an entity back under its old id (undo of a merge, redo of a create). */
  restore(e: Entity): void {
    this.s.restore.run(e)
  }

  /** The spans (live or not) linked to the entity. */
  linkedSpans(id: number): number[] {
    return this.s.linkedSpans.all(id).map((r) => r.spanId)
  }

  /** How many spans (live or not) are linked to the entity. */
  linkCount(id: number): number {
    return this.s.linkCount.get(id)?.n ?? 0
  }

  rename(id: number, name: string): void {
    this.s.rename.run(name, id)
  }

  /** Deletes the entity; its links go with it (ON DELETE CASCADE). */
  delete(id: number): void {
    this.s.delete.run(id)
  }

  /** The entity a span is linked to (whether or not the span is live), or undefined. */
  entityOf(spanId: number): number | undefined {
    return this.s.entityOf.get(spanId)?.entityId
  }

  /** Links a span to an entity, replacing any link it had. */
  link(spanId: number, entityId: number): void {
    this.s.link.run(spanId, entityId)
  }

  unlink(spanId: number): boolean {
    return this.s.unlink.run(spanId).changes === 1
  }

  /** Moves every link of one entity to another. */
  moveLinks(from: number, into: number): number {
    return this.s.move.run(into, from).changes
  }

  /** Live mentions of one entity, by document then position. */
  mentions(entityId: number): MentionRow[] {
    return this.s.mentions.all(entityId)
  }

  /** Live mentions of every entity (for the list's counts). */
  allMentions(): MentionRow[] {
    return this.s.allMentions.all()
  }

  /**
   * The texts each entity is mentioned by (live spans), most frequent first. SQLite's substr counts
   * characters, which are code points like the spans' offsets.
   */
  aliases(): { entityId: number; text: string; n: number }[] {
    return this.s.aliases.all()
  }

  /** The live linked spans of one document (every layer). */
  ofDocument(docId: string): MentionRow[] {
    return this.s.ofDocument.all(docId)
  }
}

function statements(db: Db) {
  const join = 'FROM span_entities se JOIN spans s ON s.id = se.span_id'
  return {
    all: db.prepare<[], Entity>(`SELECT ${ENTITY} FROM entities ORDER BY type, name`),
    get: db.prepare<[number], Entity>(`SELECT ${ENTITY} FROM entities WHERE id = ?`),
    find: db.prepare<[string, string], Entity>(`SELECT ${ENTITY} FROM entities WHERE name = ? AND type = ?`),
    insert: db.prepare('INSERT INTO entities (name, type, created_by, created_at) VALUES (@name, @type, @createdBy, @createdAt)'),
    restore: db.prepare('INSERT INTO entities (id, name, type, created_by, created_at) VALUES (@id, @name, @type, @createdBy, @createdAt)'),
    linkedSpans: db.prepare<[number], { spanId: number }>('SELECT span_id AS spanId FROM span_entities WHERE entity_id = ? ORDER BY span_id'),
    linkCount: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM span_entities WHERE entity_id = ?'),
    rename: db.prepare<[string, number]>('UPDATE entities SET name = ? WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM entities WHERE id = ?'),
    entityOf: db.prepare<[number], { entityId: number }>('SELECT entity_id AS entityId FROM span_entities WHERE span_id = ?'),
    link: db.prepare<[number, number]>('INSERT OR REPLACE INTO span_entities (span_id, entity_id) VALUES (?, ?)'),
    unlink: db.prepare<[number]>('DELETE FROM span_entities WHERE span_id = ?'),
    move: db.prepare<[number, number]>('UPDATE span_entities SET entity_id = ? WHERE entity_id = ?'),
    mentions: db.prepare<[number], MentionRow>(`SELECT ${MENTION} ${join} WHERE se.entity_id = ? ORDER BY s.doc_id, s.start, s.end`),
    allMentions: db.prepare<[], MentionRow>(`SELECT ${MENTION} ${join} ORDER BY s.doc_id, s.start`),
    aliases: db.prepare<[], { entityId: number; text: string; n: number }>(
      `SELECT se.entity_id AS entityId, substr(d.text, s.start + 1, s.end - s.start) AS text, COUNT(*) AS n
         ${join} JOIN documents d ON d.id = s.doc_id GROUP BY se.entity_id, text ORDER BY se.entity_id, n DESC, text`
    ),
    ofDocument: db.prepare<[string], MentionRow>(`SELECT ${MENTION} ${join} WHERE s.doc_id = ? ORDER BY s.start`)
  }
}
