import type { LabelDef } from '../../shared/domain'
import type { Db } from './database'

/** The project's label set, in display order. */
export class LabelsRepo {
  private readonly listStmt
  private readonly insertStmt

  constructor(db: Db) {
    this.listStmt = db.prepare<[], LabelDef>('SELECT key, name, hotkey, color, guideline FROM labels ORDER BY position, key')
    this.insertStmt = db.prepare(
      'INSERT OR IGNORE INTO labels (key, name, hotkey, color, guideline, position) VALUES (@key, @name, @hotkey, @color, @guideline, @position)'
    )
  }

  list(): LabelDef[] {
    return this.listStmt.all()
  }

  /** Adds a label after the existing ones. */
  add(label: LabelDef): void {
    this.insertStmt.run({ ...label, position: this.listStmt.all().length })
  }

  /** Adds the given labels when the project has none yet. */
  seedIfEmpty(labels: readonly LabelDef[]): void {
    if (this.listStmt.all().length > 0) return
    labels.forEach((label, position) => this.insertStmt.run({ ...label, position }))
  }
}
