import { ApiError } from '../shared/errors'

/**
 * SQLite failures of the project file, told as what happened and what to do.
 * Every write runs in one transaction, so when one of these is thrown the
 * change was rolled back whole: nothing already saved is lost and nothing is
 * half-saved. Keys are SQLite's primary result codes; better-sqlite3 reports
 * extended ones (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…), matched by prefix.
 */
const MESSAGES: Record<string, string> = {
  SQLITE_FULL:
    'The disk holding the project file is full, so this change was not saved (everything saved before is intact). Free some disk space and try again.',
  SQLITE_READONLY:
    'The project file or its folder is read-only, so this change was not saved (everything saved before is intact). Make the file and its folder writable, or copy the project somewhere you can write, and try again.',
  SQLITE_CANTOPEN:
    'Spanmark cannot open the project file for writing or create its -wal and -shm companion files beside it, so nothing was saved. Check that the folder still exists and is writable (not a read-only or removed drive), then try again.',
  SQLITE_PERM:
    'Spanmark is not allowed to write the project file, so this change was not saved. Check the file permissions and try again.',
  SQLITE_BUSY:
    'The project file is locked by another program (another Spanmark, a backup or sync tool) and stayed locked for 5 seconds, so this change was not saved. Close the other program or wait, then try again.',
  SQLITE_LOCKED:
    'The project file is locked by another program, so this change was not saved. Close the other program or wait, then try again.',
  SQLITE_CORRUPT:
    'The project file is damaged, so Spanmark stopped before changing it. Keep a copy of the file, restore it from a backup, and report the problem.',
  SQLITE_NOTADB:
    'The project file is not a Spanmark project (not an SQLite database), or it is damaged. Open the right file, or restore it from a backup.',
  SQLITE_IOERR:
    'The disk reported an error while reading or writing the project file, so this change was not saved (everything saved before is intact). Check the disk (is it full, removed, or a network drive that went away?) and try again.',
  SQLITE_NOMEM: 'Spanmark ran out of memory, so this change was not saved. Close other programs and try again.'
}

/** The user's error for an SQLite failure, or null when `err` is not one. */
export function storageError(err: unknown): ApiError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  const key = Object.keys(MESSAGES).find((k) => code === k || code.startsWith(`${k}_`))
  if (!key) return null
  const detail = err instanceof Error ? `${code}: ${err.message}` : code
  return new ApiError('storage', MESSAGES[key] as string, [detail])
}
