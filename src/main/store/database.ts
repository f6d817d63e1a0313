import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron ships its own ABI). */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * Opens (creating if needed) a project file: WAL, foreign keys, FULL sync so a
 * committed change survives a crash, a busy timeout so two processes wait on
 * each other, then runs pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {})
  })
  try {
    db.pragma('busy_timeout = 5000')
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
    }
    db.pragma('foreign_keys = ON')
    if (!options.readonly) migrate(db)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrate(db: Db): void {
  const current = schemaVersion(db)
  if (current > MIGRATIONS.length) {
    throw new Error(
      `This project was written by a newer Spanmark (schema ${current}, this one knows ${MIGRATIONS.length}). Update Spanmark to open it.`
    )
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string)
      db.pragma(`user_version = ${v + 1}`)
    }).immediate()
  }
}
