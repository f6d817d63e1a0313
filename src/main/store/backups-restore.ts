import Database from 'better-sqlite3'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { migrate, openDatabase, type Db } from './database'
import { describeBackup, fileStamp, type BackupInfo } from './backups'
import { inspectDatabaseFile } from './backups-inspect'

export interface RestoreOptions {
  nativeBinding?: string | undefined
  now?: (() => Date) | undefined
}

export interface RestoreResult {
  backup: BackupInfo
  /** Where the project file that was there before now is (its -wal/-shm moved with it), or null if there was none. */
  movedAside: string | null
  /** True when the file moved aside was damaged (then it is named .damaged-<time>, else .replaced-<time>). */
  wasDamaged: boolean
}

/** Checks a backup thoroughly (integrity_check) before anything is replaced with it. */
export function verifyRestoreSource(backupFile: string, projectPath: string, nativeBinding?: string): BackupInfo {
  const file = resolve(backupFile)
  if (file === resolve(projectPath)) throw new Error(`${file} is the project itself; choose a backup of it.`)
  if (!existsSync(file)) throw new Error(`There is no backup file ${file}.`)
  const check = inspectDatabaseFile(file, { thorough: true, nativeBinding })
  if (!check.ok) throw new Error(`The backup ${file} cannot be used: ${check.problem}. Nothing was changed; choose another backup.`)
  return describeBackup(file, { nativeBinding })
}

/** Copies a closed SQLite file to `target` with the backup API, in one step. */
async function copyWithBackupApi(source: string, target: string, nativeBinding: string | undefined): Promise<void> {
  const src = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    src.pragma('busy_timeout = 5000')
    await src.backup(target, { progress: () => 0x7fffffff })
  } finally {
    src.close()
  }
}

/**
 * Replaces a project file that is not open with a backup. The backup is checked
 * first and copied to a temporary file next to the project; only then is the
 * current file (damaged or not, with its -wal and -shm) renamed aside, never
 * deleted or written to, and the copy renamed into its place.
 */
export async function restoreProjectFile(
  projectPath: string,
  backupFile: string,
  wasDamaged: boolean,
  o: RestoreOptions = {}
): Promise<RestoreResult> {
  const project = resolve(projectPath)
  const backup = verifyRestoreSource(backupFile, project, o.nativeBinding)
  const staging = `${project}.restoring-${process.pid}`
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staging + suffix, { force: true })
  try {
    await copyWithBackupApi(backup.file, staging, o.nativeBinding)
    // WAL mode and any newer migrations, as every project gets when opened; closing checkpoints it into one file.
    openDatabase(staging, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}).close()
    let movedAside: string | null = null
    // A stray -wal left without its file would be applied to the restored one: it moves aside too.
    if (['', '-wal', '-shm'].some((suffix) => existsSync(project + suffix))) {
      movedAside = `${project}.${wasDamaged ? 'damaged' : 'replaced'}-${fileStamp((o.now ?? (() => new Date()))())}`
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(project + suffix)) renameSync(project + suffix, movedAside + suffix)
    }
    renameSync(staging, project)
    return { backup, movedAside, wasDamaged: movedAside !== null && wasDamaged }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staging + suffix, { force: true })
  }
}

/**
 * Replaces the content of an open project with a backup while its connection
 * stays open: the backup API writes into the project file under SQLite's own
 * locks, so the live connection sees the restored data on its next read. The
 * project stays in WAL mode and is migrated if the backup is older.
 */
export async function restoreIntoOpenProject(db: Db, projectPath: string, backupFile: string, o: RestoreOptions = {}): Promise<BackupInfo> {
  const backup = verifyRestoreSource(backupFile, projectPath, o.nativeBinding)
  await copyWithBackupApi(backup.file, resolve(projectPath), o.nativeBinding)
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  migrate(db)
  return backup
}
