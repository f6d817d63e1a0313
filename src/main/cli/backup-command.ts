import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { backupDir, chosenFolderInFile, DEFAULT_KEEP, listBackups, newestBackupSignature, newestGoodBackup, takeSnapshot, type BackupInfo } from '../store/backups'
import { readableTime } from '../store/backups-health'
import { inspectDatabaseFile, projectSignature } from '../store/backups-inspect'
import { restoreProjectFile } from '../store/backups-restore'
import { Project } from '../store/project'
import { CliError, type Output } from './commands'

const existingProject = (project: string): string => {
  const file = resolve(project)
  if (!existsSync(file)) throw new CliError(`There is no project at ${file}.`)
  return file
}

function parseKeep(keep: string | undefined): number {
  if (keep === undefined) return DEFAULT_KEEP
  const n = Number(keep)
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`--keep must be a whole number from 1 to 1000, not ${keep}.`, 2)
  return n
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The project's backups folder: the one it chose in Settings (its `backupDir` setting), else the default beside it. */
const folderFor = (file: string): string => chosenFolderInFile(file) ?? backupDir(file)

const counts = (b: BackupInfo): string => (b.problem ? `UNREADABLE: ${b.problem}` : `${b.documents} documents, ${b.spans} spans`)

/** spanmark backup --project F [--out FILE] [--keep N]: a snapshot now; prints where it went. */
export async function backupCommand(o: { project: string; out?: string | undefined; keep?: string | undefined }, io: Output): Promise<void> {
  const file = existingProject(o.project)
  const keep = parseKeep(o.keep)
  const project = Project.open(file)
  try {
    const info = await takeSnapshot(project.db, file, { reason: 'manual', keep, out: o.out, dir: folderFor(file) }).catch((err: unknown) => {
      throw new CliError(`The backup of ${file} failed: ${err instanceof Error ? err.message : String(err)}`)
    })
    io.out(`Backed up ${file} (${counts(info)}, ${formatBytes(info.bytes)}) to ${info.file}`)
    if (!o.out) io.out(`The newest ${keep} backups are kept in ${folderFor(file)}.`)
  } finally {
    project.close()
  }
}

/** spanmark backups --project F: every backup, newest first. */
export function backupsCommand(o: { project: string }, io: Output): void {
  const file = resolve(o.project)
  const folder = folderFor(file)
  const backups = listBackups(file, { dir: folder })
  if (backups.length === 0) {
    io.out(`There are no backups of ${file} yet (they go in ${folder}). Take one with: spanmark backup --project "${file}"`)
    return
  }
  io.out(`Backups of ${file}, newest first (in ${folder}):`)
  for (const b of backups) {
    io.out(`  ${b.name}  ${readableTime(b.at)}  ${b.reason.padEnd(14)} ${formatBytes(b.bytes).padStart(9)}  ${counts(b)}`)
  }
  io.out(`Restore one with: spanmark restore --project "${file}" --from NAME (or --latest)`)
}

/**
 * spanmark restore --project F (--from BACKUP | --latest): the current file
 * (damaged or not) is moved aside, never overwritten, and the backup copied in.
 */
export async function restoreCommand(o: { project: string; from?: string | undefined; latest?: boolean | undefined }, io: Output): Promise<void> {
  if ((o.from === undefined) === !o.latest) throw new CliError('Name the backup with --from BACKUP.sqlite, or use --latest for the newest good one.', 2)
  const file = resolve(o.project)
  let source: string
  if (o.from !== undefined) {
    // A bare name is looked up in the project's backups folder, as `spanmark backups` lists them.
    const inFolder = resolve(folderFor(file), o.from)
    source = !existsSync(resolve(o.from)) && existsSync(inFolder) ? inFolder : resolve(o.from)
  } else {
    const newest = newestGoodBackup(file, { dir: folderFor(file) })
    if (!newest) throw new CliError(`There is no good backup of ${file} in ${folderFor(file)}. Nothing was changed.`)
    source = newest.file
  }
  const current = existsSync(file) && statSync(file).size > 0 ? inspectDatabaseFile(file) : null
  const wasDamaged = current !== null && !current.ok && current.damaged
  const result = await restoreProjectFile(file, source, wasDamaged).catch((err: unknown) => {
    throw new CliError(err instanceof Error ? err.message : String(err))
  })
  if (result.movedAside) {
    io.out(
      result.wasDamaged
        ? `The damaged project file was moved, unchanged, to ${result.movedAside} (with its -wal/-shm files, if any).`
        : `The project file as it was is now ${result.movedAside} (with its -wal/-shm files, if any); it was not changed.`
    )
  }
  io.out(`Restored ${file} from ${result.backup.file} (taken ${readableTime(result.backup.at)}, ${counts(result.backup)}).`)
}

/** Before `spanmark import` or `merge`: a snapshot of an existing project unless its newest backup already holds this state. */
export async function backupBefore(projectPath: string, reason: 'before-import' | 'before-merge', io: Output): Promise<void> {
  const file = resolve(projectPath)
  if (!existsSync(file) || statSync(file).size === 0) return
  const project = Project.open(file)
  try {
    const dir = folderFor(file)
    if (projectSignature(project.db) === newestBackupSignature(file, undefined, dir)) return
    const info = await takeSnapshot(project.db, file, { reason, dir })
    io.out(`Backed up ${file} before ${reason === 'before-import' ? 'importing' : 'merging'}: ${info.file}`)
  } finally {
    project.close()
  }
}
