import { existsSync, rmSync, statSync } from 'node:fs'
import { chosenFolderInFile, newestGoodBackup, type BackupInfo } from './backups'
import { inspectDatabaseFile } from './backups-inspect'
import { sqliteHeaderProblem } from './sqlite-header'

/** Projects up to this size get a full quick_check when they are opened. */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024

/**
 * A project file that SQLite cannot use: not a database at all, truncated, or
 * failing its check. The message says which file, what SQLite said, the newest
 * good backup and how to restore it; the file itself was not touched.
 */
export class DamagedProjectError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly newestBackup: BackupInfo | null
  ) {
    super(damagedMessage(file, problem, newestBackup))
    this.name = 'DamagedProjectError'
  }
}

/** "2026-11-23 08:15:02 UTC" */
export function readableTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

function damagedMessage(file: string, problem: string, backup: BackupInfo | null): string {
  const lines = [`Cannot open the project ${file}: ${problem}.`, 'The file was left exactly as it is.']
  if (backup) {
    lines.push(
      `The newest good backup is ${backup.file} (taken ${readableTime(backup.at)}, ${backup.documents} documents, ${backup.spans} spans).`,
      `To restore it, run: spanmark restore --project "${file}" --latest`,
      `(or start the desktop app and choose "Restore newest backup"; either way the damaged file is kept beside it as ${file}.damaged-<time>).`
    )
  } else {
    lines.push(
      `There is no good backup of it in ${file}.backups.`,
      `If you have a copy elsewhere, run: spanmark restore --project "${file}" --from COPY.sqlite (the damaged file is kept beside it), or open another --project.`
    )
  }
  return lines.join('\n')
}

/**
 * Checks an existing project file before it is opened for writing, so a damaged
 * file is reported and never modified (opening it would set WAL mode and run
 * migrations on it). A missing or empty file is fine: it becomes a new project.
 * Problems that are not the file's (a folder that cannot be read) are left to
 * the normal open, which reports them.
 */
export function assertProjectFileHealthy(file: string, o: { nativeBinding?: string | undefined } = {}): void {
  if (!existsSync(file)) return
  const stat = statSync(file)
  if (!stat.isFile() || stat.size === 0) return
  // Every page is checked (quick_check) for projects up to 64 MB, about 80 ms at that size. Larger
  // ones get their header (truncation included) and schema checked, which costs next to nothing;
  // SQLite reports deeper damage as a storage error when a read reaches it.
  const large = stat.size > FULL_CHECK_MAX_BYTES
  const header = large ? sqliteHeaderProblem(file) : null
  if (header) throw new DamagedProjectError(file, header, newestGoodBackup(file, o))
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f))
  const check = inspectDatabaseFile(file, { ...o, headerOnly: large })
  if (check.ok || !check.damaged) return
  // The backups folder the project chose in Settings, while its settings can still be read.
  const dir = chosenFolderInFile(file, o.nativeBinding)
  // Reading a WAL-mode file creates empty -wal/-shm files; a damaged file is left as it was found.
  for (const f of sidecars) removeIfEmpty(f)
  const problem = check.problem.startsWith('it is ')
    ? check.problem
    : /NOTADB/.test(check.problem)
      ? `it is not a Spanmark project file, not even an SQLite database (${check.problem})`
      : `it is damaged (${check.problem})`
  throw new DamagedProjectError(file, problem, newestGoodBackup(file, { ...o, dir }))
}

function removeIfEmpty(file: string): void {
  try {
    if (statSync(file).size === 0 || file.endsWith('-shm')) rmSync(file, { force: true })
  } catch {
    // It was never created.
  }
}
