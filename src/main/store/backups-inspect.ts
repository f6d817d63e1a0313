import Database from 'better-sqlite3'
import type { Db } from './database'

export interface InspectOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron ships its own ABI). */
  nativeBinding?: string | undefined
  /** integrity_check (every index checked against its table) instead of the faster quick_check. */
  thorough?: boolean | undefined
  /**
   * Check only the header and the schema, not every page (opening a large project: quick_check
   * reads the whole file, about 190 ms for 156 MB). Damage deeper in the file is still reported,
   * as a storage error, when a read reaches it.
   */
  headerOnly?: boolean | undefined
}

export type Inspection =
  | { ok: true; documents: number; spans: number; schema: number; signature: string }
  /** damaged: the file itself is bad (as opposed to, say, a folder it cannot be read from). */
  | { ok: false; problem: string; damaged: boolean }

/**
 * What a project's content amounts to, as one string: two states with the same
 * signature hold the same documents, spans, history and review decisions. Cheap
 * (counts and maxima), so the backup timer can ask it every few minutes.
 */
export function projectSignature(db: Db): string {
  const schema = db.pragma('user_version', { simple: true }) as number
  if (schema < 1) return `schema ${schema}`
  const base = db
    .prepare(
      `SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM spans) AS s, (SELECT coalesce(max(id), 0) FROM spans) AS sid,
              (SELECT coalesce(max(id), 0) FROM change_groups) AS g, (SELECT count(*) FROM labels) AS l`
    )
    .get() as Record<string, number>
  const parts: (number | string | undefined)[] = [schema, base['d'], base['s'], base['sid'], base['g'], base['l']]
  if (schema >= 2) {
    const r = db.prepare('SELECT count(*) AS n, coalesce(max(updated_at), \'\') AS at FROM review_status').get() as { n: number; at: string }
    parts.push(r.n, r.at)
  }
  if (schema >= 3) parts.push((db.prepare('SELECT count(*) AS n FROM documents WHERE restricted IS NOT NULL').get() as { n: number }).n)
  return parts.join(':')
}

/** Document and span counts of an open project database (0 for a file without Spanmark's tables). */
export function projectCounts(db: Db): { documents: number; spans: number; schema: number } {
  const schema = db.pragma('user_version', { simple: true }) as number
  if (schema < 1) return { documents: 0, spans: 0, schema }
  const row = db.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM spans) AS spans').get() as {
    documents: number
    spans: number
  }
  return { ...row, schema }
}

/** SQLite's own words for a failed check: the first few lines integrity_check / quick_check returned. */
export function checkDatabase(db: Db, thorough = false): string | null {
  const rows = db.pragma(thorough ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Record<string, string>[]
  const lines = rows.map((r) => Object.values(r)[0] ?? '')
  if (lines.length === 1 && lines[0] === 'ok') return null
  return `${thorough ? 'integrity_check' : 'quick_check'} found: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ' …' : ''}`
}

/** Reads the schema (the first page and sqlite_master): enough to find a file that is not SQLite or a damaged schema. */
function schemaProblem(db: Db): string | null {
  db.prepare('SELECT count(*) FROM sqlite_master').get()
  return null
}

/** SQLite error codes that mean the file itself is bad, not that it could not be reached. */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && /^SQLITE_(NOTADB|CORRUPT|IOERR_SHORT_READ|FORMAT|RANGE)/.test(code)
}

export function sqliteWords(err: unknown): string {
  const code = (err as { code?: unknown }).code
  const message = err instanceof Error ? err.message : String(err)
  return typeof code === 'string' ? `${message} (${code})` : message
}

/**
 * Opens a database file read-only and checks it: SQLite's check passes and, when
 * it has tables at all, they are Spanmark's. Never writes to the file.
 */
export function inspectDatabaseFile(file: string, o: InspectOptions = {}): Inspection {
  let db: Db
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) })
  } catch (err) {
    return { ok: false, problem: `SQLite cannot open it: ${sqliteWords(err)}`, damaged: isDamageError(err) }
  }
  try {
    db.pragma('busy_timeout = 5000')
    const problem = o.headerOnly ? schemaProblem(db) : checkDatabase(db, o.thorough)
    if (problem) return { ok: false, problem: `SQLite's check failed: ${problem}`, damaged: true }
    const counts = projectCounts(db)
    if (counts.schema < 1) {
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n
      const problem = 'it is an SQLite database, but not a Spanmark project (it has tables, none of them Spanmark’s)'
      if (tables > 0) return { ok: false, problem, damaged: true }
    }
    return { ok: true, ...counts, signature: projectSignature(db) }
  } catch (err) {
    return { ok: false, problem: `SQLite cannot read it: ${sqliteWords(err)}`, damaged: isDamageError(err) }
  } finally {
    db.close()
  }
}
