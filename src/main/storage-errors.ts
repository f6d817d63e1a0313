import { ApiError } from '../shared/errors'
import { msg } from '../shared/message'

/**
 * SQLite failures of the project file, told as what happened and what to do.
 * Every write runs in one transaction, so when one of these is thrown the
 * change was rolled back whole: nothing already saved is lost and nothing is
 * half-saved. Keys are SQLite's primary result codes; better-sqlite3 reports
 * extended ones (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…), matched by prefix.
 */
/** The errors catalogue's key for each code. */
const MESSAGES: Record<string, string> = {
  SQLITE_FULL: 'errors:storage.full',
  SQLITE_READONLY: 'errors:storage.readonly',
  SQLITE_CANTOPEN: 'errors:storage.cantOpen',
  SQLITE_PERM: 'errors:storage.perm',
  SQLITE_BUSY: 'errors:storage.busy',
  SQLITE_LOCKED: 'errors:storage.locked',
  SQLITE_CORRUPT: 'errors:storage.corrupt',
  SQLITE_NOTADB: 'errors:storage.notADb',
  SQLITE_IOERR: 'errors:storage.ioErr',
  SQLITE_NOMEM: 'errors:storage.noMem'
}

/** The user's error for an SQLite failure, or null when `err` is not one. */
export function storageError(err: unknown): ApiError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  const key = Object.keys(MESSAGES).find((k) => code === k || code.startsWith(`${k}_`))
  if (!key) return null
  const detail = msg('errors:storage.detail', { code, reason: err instanceof Error ? err.message : '' })
  return new ApiError('storage', msg(MESSAGES[key] as string), [detail])
}
