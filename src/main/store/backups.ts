import Database from 'better-sqlite3'
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Db } from './database'
import { checkDatabase, inspectDatabaseFile, projectCounts, projectSignature } from './backups-inspect'

/**
 * Rotating snapshots of a project file. They live in a folder beside it,
 * `<project>.sqlite.backups/` unless the project chose another folder (its `backupDir`
 * setting, see services/backup-location.ts), one self-contained SQLite file each (rollback
 * journal, no -wal), named by their UTC time and why they were taken, e.g.
 * `2026-11-23T08-15-02.123Z-auto.sqlite`: names sort by time. A snapshot is
 * written under a `.partial` name, checked, and only then renamed, so a
 * half-written file never looks like a backup; older ones are pruned only after.
 */

export const DEFAULT_KEEP = 10
export const BACKUP_REASONS = ['open', 'auto', 'manual', 'before-restore', 'before-import', 'before-merge'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** A backup file name: nothing else in the folder (partials, strays) counts as a backup. */
export const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-(open|auto|manual|before-restore|before-import|before-merge)\.sqlite$/

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string
  name: string
  /** ISO time the snapshot was taken. */
  at: string
  reason: BackupReason
  bytes: number
  /** Counts, or null when the file cannot be read (then `problem` says why). */
  documents: number | null
  spans: number | null
  problem: string | null
}

export interface SnapshotOptions {
  reason?: BackupReason | undefined
  /** How many backups to keep in the folder (default 10). */
  keep?: number | undefined
  /** Backup names pruning must not remove (e.g. the one about to be restored). */
  protect?: readonly string[] | undefined
  /** Write the snapshot to this file instead of the backups folder (no rotation). */
  out?: string | undefined
  now?: (() => Date) | undefined
  nativeBinding?: string | undefined
  /** The backups folder when the project chose its own (project setting `backupDir`); default beside the project. */
  dir?: string | undefined
}

/** The default backups folder, beside the project file. */
export function backupDir(projectPath: string): string {
  return `${resolve(projectPath)}.backups`
}

/** The folder in use: the project's chosen one, else the default beside it. */
const folderOf = (projectPath: string, dir?: string | undefined): string => (dir ? resolve(dir) : backupDir(projectPath))

/**
 * The backups folder a project file names in its `backupDir` setting, read without opening it as a
 * project (for commands that must not, e.g. restoring a damaged file), or undefined: no setting, the
 * folder is gone, or the file cannot be read. Reads only; never writes to the file.
 */
export function chosenFolderInFile(projectPath: string, nativeBinding?: string): string | undefined {
  try {
    const db = new Database(projectPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    try {
      const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'backupDir'").get()
      const dir = row ? (JSON.parse(row.value) as unknown) : undefined
      return typeof dir === 'string' && dir.length > 0 && statSync(dir).isDirectory() ? resolve(dir) : undefined
    } finally {
      db.close()
    }
  } catch {
    return undefined
  }
}

/** A sortable UTC stamp usable in file names on every OS: 2026-11-23T08-15-02.123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-')
}

function parseName(name: string): { at: string; reason: BackupReason } | null {
  const m = BACKUP_NAME.exec(name)
  if (!m) return null
  return { at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as BackupReason }
}

/** The backup file names in the folder, newest first. */
export function backupNames(projectPath: string, chosen?: string | undefined): string[] {
  const dir = folderOf(projectPath, chosen)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n))
    .sort()
    .reverse()
}

/** One backup's facts; with `verify`, SQLite's quick_check runs on it too. */
export function describeBackup(file: string, o: { verify?: boolean; nativeBinding?: string | undefined } = {}): BackupInfo {
  const name = basename(file)
  const parsed = parseName(name)
  let bytes = 0
  try {
    bytes = statSync(file).size
  } catch {
    // Reported below by the inspection.
  }
  const base = { file, name, at: parsed?.at ?? statMtime(file), reason: parsed?.reason ?? 'manual', bytes }
  const check = o.verify
    ? inspectDatabaseFile(file, { nativeBinding: o.nativeBinding })
    : countsOnly(file, o.nativeBinding)
  return check.ok
    ? { ...base, documents: check.documents, spans: check.spans, problem: null }
    : { ...base, documents: null, spans: null, problem: check.problem }
}

function statMtime(file: string): string {
  try {
    return statSync(file).mtime.toISOString()
  } catch {
    return new Date(0).toISOString()
  }
}

type Counts = { ok: true; documents: number; spans: number } | { ok: false; problem: string }

function countsOnly(file: string, nativeBinding: string | undefined): Counts {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    try {
      return { ok: true, ...projectCounts(db) }
    } finally {
      db.close()
    }
  } catch (err) {
    return { ok: false, problem: `SQLite cannot read it: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** Every backup of the project, newest first, with time, size and counts. */
export function listBackups(projectPath: string, o: { nativeBinding?: string | undefined; dir?: string | undefined } = {}): BackupInfo[] {
  return backupNames(projectPath, o.dir).map((n) => describeBackup(join(folderOf(projectPath, o.dir), n), o))
}

/** The newest backup that passes SQLite's quick_check, or null. */
export function newestGoodBackup(projectPath: string, o: { nativeBinding?: string | undefined; dir?: string | undefined } = {}): BackupInfo | null {
  for (const n of backupNames(projectPath, o.dir)) {
    const info = describeBackup(join(folderOf(projectPath, o.dir), n), { ...o, verify: true })
    if (info.problem === null) return info
  }
  return null
}

/** The signature (see projectSignature) of the newest backup, or null when there is none or it is unreadable. */
export function newestBackupSignature(projectPath: string, nativeBinding?: string, dir?: string): string | null {
  const [newest] = backupNames(projectPath, dir)
  if (!newest) return null
  const check = inspectDatabaseFile(join(folderOf(projectPath, dir), newest), { nativeBinding })
  return check.ok ? check.signature : null
}

/** Deletes all but the newest `keep` backups (never a protected one). */
export function pruneBackups(projectPath: string, keep: number, protect: readonly string[] = [], dir?: string): string[] {
  const removed: string[] = []
  for (const name of backupNames(projectPath, dir).slice(Math.max(1, keep))) {
    if (protect.includes(name)) continue
    rmSync(join(folderOf(projectPath, dir), name), { force: true })
    removed.push(name)
  }
  return removed
}

/** Removes `.partial` files a crashed snapshot left behind (older than an hour, so never one being written). */
function removeStalePartials(dir: string, now: Date): void {
  for (const n of readdirSync(dir)) {
    if (!n.includes('.partial')) continue
    try {
      if (now.getTime() - statSync(join(dir, n)).mtimeMs > 3_600_000) rmSync(join(dir, n), { force: true })
    } catch {
      // Another process removed it first.
    }
  }
}

function fsyncPath(path: string, flags: 'r' | 'r+' = 'r'): void {
  try {
    const fd = openSync(path, flags)
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Folders cannot be opened for fsync on Windows; the rename is still atomic.
  }
}

/**
 * Takes a snapshot of an open project with SQLite's online backup API (in steps,
 * so the event loop keeps serving requests), checks it with quick_check, then
 * renames it into place and prunes the oldest. Resolves with the new backup.
 */
export async function takeSnapshot(db: Db, projectPath: string, o: SnapshotOptions = {}): Promise<BackupInfo & { signature: string }> {
  const now = (o.now ?? (() => new Date()))()
  const reason = o.reason ?? 'manual'
  let target: string
  if (o.out) {
    target = resolve(o.out)
    const project = resolve(projectPath)
    if ([project, `${project}-wal`, `${project}-shm`].includes(target)) {
      throw new Error(`The backup cannot be written over the project itself (${target}).`)
    }
    if (!existsSync(dirname(target))) throw new Error(`The folder ${dirname(target)} does not exist.`)
  } else {
    const dir = folderOf(projectPath, o.dir)
    mkdirSync(dir, { recursive: true })
    removeStalePartials(dir, now)
    let at = now.getTime()
    while (existsSync(join(dir, `${fileStamp(new Date(at))}-${reason}.sqlite`))) at += 1
    target = join(dir, `${fileStamp(new Date(at))}-${reason}.sqlite`)
  }
  const partial = `${target}.${process.pid}.partial`
  try {
    await db.backup(partial)
    const signature = finishBackupFile(partial, o.nativeBinding)
    fsyncPath(partial, 'r+')
    renameSync(partial, target)
    fsyncPath(dirname(target))
    if (!o.out) pruneBackups(projectPath, o.keep ?? DEFAULT_KEEP, [...(o.protect ?? []), basename(target)], o.dir)
    return { ...describeBackup(target, { nativeBinding: o.nativeBinding }), signature }
  } finally {
    rmSync(partial, { force: true })
  }
}

/** Makes a fresh snapshot a single self-contained file and checks it; returns its signature. */
function finishBackupFile(file: string, nativeBinding: string | undefined): string {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    db.pragma('journal_mode = DELETE')
    const problem = checkDatabase(db)
    if (problem) throw new Error(`The new backup failed SQLite's check (${problem}); it was discarded and older backups were kept.`)
    return projectSignature(db)
  } finally {
    db.close()
  }
}
