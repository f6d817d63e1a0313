import type { LabelDef } from '../../shared/domain'
import type { Db } from './database'

interface LabelRow {
  key: string
  name: string
  hotkey: string
  color: string
  guideline: string
  retired: number
  cross_paragraphs: number
  position: number
}

interface RoleRow {
  type: string
  from_labels: string
  to_labels: string
}

/** A label with its place in the order and its usage (the Labels screen's row). */
export interface LabelRecord extends LabelDef {
  retired: boolean
  position: number
  spans: number
}

const toDef = (r: LabelRow): LabelDef => ({
  key: r.key,
  name: r.name,
  hotkey: r.hotkey,
  color: r.color,
  guideline: r.guideline,
  // Only when set, so an unretired label reads exactly as before issue 10.
  ...(r.retired ? { retired: true } : {}),
  ...(r.cross_paragraphs ? { crossParagraphs: true } : {})
})

/** The project's label set, in display order. Retired labels are listed (their spans are still drawn), marked retired. */
export class LabelsRepo {
  private readonly listStmt
  private readonly insertStmt
  private readonly usageStmt

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[], LabelRow>('SELECT key, name, hotkey, color, guideline, retired, cross_paragraphs, position FROM labels ORDER BY position, key')
    this.insertStmt = db.prepare(
      'INSERT OR IGNORE INTO labels (key, name, hotkey, color, guideline, position) VALUES (@key, @name, @hotkey, @color, @guideline, @position)'
    )
    this.usageStmt = db.prepare<[], { label: string; n: number }>('SELECT label, COUNT(*) AS n FROM spans GROUP BY label')
  }

  list(): LabelDef[] {
    return this.listStmt.all().map(toDef)
  }

  /** Every label with its position and live span count, in order. */
  records(): LabelRecord[] {
    const usage = new Map(this.usageStmt.all().map((u) => [u.label, u.n]))
    return this.listStmt.all().map((r) => ({ ...toDef(r), retired: r.retired === 1, position: r.position, spans: usage.get(r.key) ?? 0 }))
  }

  get(key: string): LabelDef | undefined {
    return this.list().find((l) => l.key === key)
  }

  /** Adds a label after the existing ones. */
  add(label: LabelDef): void {
    const rows = this.listStmt.all()
    const position = rows.reduce((max, r) => Math.max(max, r.position + 1), 0)
    this.insertStmt.run({ key: label.key, name: label.name, hotkey: label.hotkey, color: label.color, guideline: label.guideline, position })
    if (label.retired) this.setRetired(label.key, true)
    if (label.crossParagraphs) this.setCrossParagraphs(label.key, true)
  }

  /** Changes a label's display fields (the key stays). */
  update(key: string, fields: Pick<LabelDef, 'name' | 'hotkey' | 'color' | 'guideline'>): void {
    this.db
      .prepare('UPDATE labels SET name = @name, hotkey = @hotkey, color = @color, guideline = @guideline WHERE key = @key')
      .run({ ...fields, key })
  }

  /** Whether the label's spans may run across a paragraph break. */
  setCrossParagraphs(key: string, on: boolean): void {
    this.db.prepare('UPDATE labels SET cross_paragraphs = ? WHERE key = ?').run(on ? 1 : 0, key)
  }

  setRetired(key: string, retired: boolean): void {
    this.db.prepare('UPDATE labels SET retired = ? WHERE key = ?').run(retired ? 1 : 0, key)
  }

  /** Positions 0.. in the order given (every key of the project, each once: the caller checks). */
  reorder(keys: readonly string[]): void {
    const stmt = this.db.prepare('UPDATE labels SET position = ? WHERE key = ?')
    keys.forEach((key, position) => stmt.run(position, key))
  }

  /**
   * Moves a key everywhere it is stored: the labels row (spans follow by ON UPDATE CASCADE), the
   * relation roles' label lists, entity types and rejected suggestions. The change history keeps
   * the old key (it is append-only): undoing a change made before the rename is refused as changed since.
   * Returns how many spans moved. Run inside a transaction.
   */
  renameKey(from: string, to: string): number {
    const spans = (this.db.prepare('SELECT COUNT(*) AS n FROM spans WHERE label = ?').get(from) as { n: number }).n
    this.db.prepare('UPDATE labels SET key = ? WHERE key = ?').run(to, from)
    const left = (this.db.prepare('SELECT COUNT(*) AS n FROM spans WHERE label = ?').get(from) as { n: number }).n
    if (left > 0) throw new Error(`${left} span(s) still carry ${from} after the rename (foreign keys off?)`)
    this.db.prepare('UPDATE entities SET type = ? WHERE type = ?').run(to, from)
    this.db.prepare('UPDATE rejected_suggestions SET label = ? WHERE label = ?').run(to, from)
    const roles = this.db.prepare<[], RoleRow>('SELECT type, from_labels, to_labels FROM relation_roles').all()
    const swap = (json: string): string => JSON.stringify((JSON.parse(json) as string[]).map((k) => (k === from ? to : k)))
    const update = this.db.prepare('UPDATE relation_roles SET from_labels = ?, to_labels = ? WHERE type = ?')
    for (const r of roles) update.run(swap(r.from_labels), swap(r.to_labels), r.type)
    return spans
  }

  /** Adds a relation role or updates the one of the same type (schema import). */
  upsertRole(role: { type: string; name: string; hotkey: string; fromLabels: string[]; toLabels: string[] }): void {
    const position = (this.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM relation_roles').get() as { p: number }).p
    this.db
      .prepare(
        `INSERT INTO relation_roles (type, name, hotkey, from_labels, to_labels, position) VALUES (@type, @name, @hotkey, @from, @to, @position)
         ON CONFLICT (type) DO UPDATE SET name = excluded.name, hotkey = excluded.hotkey, from_labels = excluded.from_labels, to_labels = excluded.to_labels`
      )
      .run({ type: role.type, name: role.name, hotkey: role.hotkey, from: JSON.stringify(role.fromLabels), to: JSON.stringify(role.toLabels), position })
  }

  /** Adds the given labels when the project has none yet. */
  seedIfEmpty(labels: readonly LabelDef[]): void {
    if (this.listStmt.all().length > 0) return
    labels.forEach((label, position) => this.insertStmt.run({ ...label, position }))
  }
}
