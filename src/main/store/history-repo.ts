import type { SpanChange, SpanState } from '../../shared/domain'
import { messageSchema, msg, type Message } from '../../shared/message'
import type { Db } from './database'

export type ChangeKind = 'create' | 'relabel' | 'delete' | 'import' | 'undo' | 'redo' | 'accept' | 'reject' | 'merge'

export interface ChangeGroup {
  id: number
  at: string
  actor: string
  kind: ChangeKind
  description: Message
  reverts: number | null
}

/** A change_groups row as stored: description is a message as JSON, or an English sentence in rows written before issue 15. */
interface GroupRow extends Omit<ChangeGroup, 'description'> {
  description: string
}

interface ChangeRow {
  spanId: number
  docId: string
  annotator: string
  before: string | null
  after: string | null
}

export interface StackEntry {
  seq: number
  groupId: number
  description: Message
  /** An action that cannot be undone (import, merge, label schema edit, restore): undo stops here. */
  barrier: boolean
}

interface StackRow {
  seq: number
  groupId: number
  description: string
  barrier: number
}

/**
 * The append-only change history (triggers forbid UPDATE and DELETE) and each
 * annotator's undo/redo stack, whose entries point into the history.
 */
export class HistoryRepo {
  private readonly groupStmt
  private readonly changeStmt
  private readonly changesOfStmt
  private readonly clearRedoStmt
  private readonly pushStmt
  private readonly topUndoStmt
  private readonly topRedoStmt
  private readonly markStmt
  private readonly recentStmt
  private readonly pushBarrierStmt

  constructor(private readonly db: Db) {
    this.groupStmt = db.prepare(
      'INSERT INTO change_groups (at, actor, kind, description, reverts) VALUES (@at, @actor, @kind, @description, @reverts)'
    )
    this.changeStmt = db.prepare(
      'INSERT INTO span_changes (group_id, span_id, doc_id, annotator, before, after) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.changesOfStmt = db.prepare<[number], ChangeRow>(
      'SELECT span_id AS spanId, doc_id AS docId, annotator, before, after FROM span_changes WHERE group_id = ? ORDER BY id'
    )
    this.clearRedoStmt = db.prepare<[string]>('DELETE FROM undo_stack WHERE annotator = ? AND undone = 1')
    this.pushStmt = db.prepare<[string, string, number]>(
      'INSERT INTO undo_stack (annotator, seq, group_id) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM undo_stack WHERE annotator = ?), ?)'
    )
    // The barrier column comes with migration 7; a project opened read-only before it has no barriers.
    const hasBarrier = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM pragma_table_info('undo_stack') WHERE name = 'barrier'").get()?.n === 1
    const entry = `SELECT u.seq, u.group_id AS groupId, g.description, ${hasBarrier ? 'u.barrier' : '0'} AS barrier FROM undo_stack u JOIN change_groups g ON g.id = u.group_id`
    this.topUndoStmt = db.prepare<[string], StackRow>(`${entry} WHERE u.annotator = ? AND u.undone = 0 ORDER BY u.seq DESC LIMIT 1`)
    this.topRedoStmt = db.prepare<[string], StackRow>(`${entry} WHERE u.annotator = ? AND u.undone = 1 ORDER BY u.seq ASC LIMIT 1`)
    this.pushBarrierStmt = hasBarrier
      ? db.prepare<[string, string, number]>(
          'INSERT INTO undo_stack (annotator, seq, group_id, barrier) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM undo_stack WHERE annotator = ?), ?, 1)'
        )
      : null
    this.markStmt = db.prepare<[number, string, number]>('UPDATE undo_stack SET undone = ? WHERE annotator = ? AND seq = ?')
    this.recentStmt = db.prepare<[number], GroupRow>(
      'SELECT id, at, actor, kind, description, reverts FROM change_groups ORDER BY id DESC LIMIT ?'
    )
  }

  /** Copies a group from another project (merge), its description as stored there; null when this project has it already. */
  importGroup(g: Omit<GroupRow, 'id'> & { origin: string; originGroup: number }): number | null {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO change_groups (at, actor, kind, description, reverts, origin, origin_group)
         VALUES (@at, @actor, @kind, @description, NULL, @origin, @originGroup)`
      )
      .run(g)
    return info.changes === 1 ? Number(info.lastInsertRowid) : null
  }

  /** Opens a group of changes; every span change of one user action goes into one group. */
  openGroup(g: Omit<ChangeGroup, 'id'>): number {
    return Number(this.groupStmt.run({ ...g, description: encodeDescription(g.description) }).lastInsertRowid)
  }

  record(groupId: number, c: SpanChange): void {
    this.changeStmt.run(groupId, c.spanId, c.docId, c.annotator, encode(c.before), encode(c.after))
  }

  changesOf(groupId: number): SpanChange[] {
    return this.changesOfStmt.all(groupId).map((r) => ({
      spanId: r.spanId,
      docId: r.docId,
      annotator: r.annotator,
      before: decode(r.before),
      after: decode(r.after)
    }))
  }


  recent(limit: number): ChangeGroup[] {
    return this.recentStmt.all(limit).map((row) => ({ ...row, description: decodeDescription(row.description) }))
  }

  /** A new action: it goes on the undo stack and the redo stack is cleared. */
  pushUndoable(annotator: string, groupId: number): void {
    this.clearRedoStmt.run(annotator)
    this.pushStmt.run(annotator, annotator, groupId)
  }

  /**
   * A change that cannot be undone (import, merge, label schema edit, restore) goes on the stack as a
   * barrier: undo stops at it and says so, rather than reaching past it to something older.
   */
  pushBarrier(annotator: string, groupId: number): void {
    if (!this.pushBarrierStmt) return
    this.clearRedoStmt.run(annotator)
    this.pushBarrierStmt.run(annotator, annotator, groupId)
  }

  topUndo(annotator: string): StackEntry | undefined {
    return entryOf(this.topUndoStmt.get(annotator))
  }

  topRedo(annotator: string): StackEntry | undefined {
    return entryOf(this.topRedoStmt.get(annotator))
  }

  markUndone(annotator: string, seq: number, undone: boolean): void {
    this.markStmt.run(undone ? 1 : 0, annotator, seq)
  }
}

function encode(s: SpanState | null): string | null {
  return s === null ? null : JSON.stringify({ start: s.start, end: s.end, label: s.label })
}

function decode(s: string | null): SpanState | null {
  return s === null ? null : (JSON.parse(s) as SpanState)
}

function entryOf(row: StackRow | undefined): StackEntry | undefined {
  return row && { seq: row.seq, groupId: row.groupId, description: decodeDescription(row.description), barrier: row.barrier === 1 }
}

/** A description as stored: the message as JSON. */
export function encodeDescription(m: Message): string {
  return JSON.stringify(m)
}

/** A stored description: a message, or (rows from before issue 15, merged history) an English sentence, read as changes:legacy. */
export function decodeDescription(stored: string): Message {
  if (stored.startsWith('{')) {
    try {
      const parsed = messageSchema.safeParse(JSON.parse(stored))
      if (parsed.success) return parsed.data
    } catch {
      // not JSON: a sentence that starts with a brace
    }
  }
  return msg('changes:legacy', { text: stored })
}
