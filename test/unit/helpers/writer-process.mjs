// A second program writing to a project file, for test/unit/two-processes.test.ts:
// opens it as Spanmark does (WAL, synchronous=FULL, busy_timeout 5000) and
// commits COUNT separate IMMEDIATE transactions, each a change group and a span,
// as one user action would. Prints "done COUNT" and exits 0, or prints the
// error and exits 1 (e.g. SQLITE_BUSY if waiting on the other writers failed).
// Every 25th transaction holds the write lock for 30 ms, so the others must wait.
// Usage: node writer-process.mjs FILE DOC_ID ANNOTATOR COUNT
import Database from 'better-sqlite3'

const [file, docId, annotator, countArg] = process.argv.slice(2)
const count = Number(countArg)
const db = new Database(file, { fileMustExist: true })
try {
  db.pragma('busy_timeout = 5000')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  const group = db.prepare("INSERT INTO change_groups (at, actor, kind, description) VALUES (?, ?, 'create', ?)")
  const span = db.prepare("INSERT INTO spans (doc_id, annotator, start, end, label) VALUES (?, ?, ?, ?, 'DATE')")
  const change = db.prepare('INSERT INTO span_changes (group_id, span_id, doc_id, annotator, before, after) VALUES (?, ?, ?, ?, NULL, ?)')
  const write = db.transaction((i) => {
    const g = group.run(new Date().toISOString(), annotator, `write ${i}`).lastInsertRowid
    const s = span.run(docId, annotator, i, i + 1).lastInsertRowid
    change.run(g, s, docId, annotator, JSON.stringify({ start: i, end: i + 1, label: 'DATE' }))
    if (i % 25 === 0) for (const until = Date.now() + 30; Date.now() < until; );
  })
  for (let i = 0; i < count; i++) write.immediate(i)
  process.stdout.write(`done ${count}\n`)
} catch (err) {
  process.stdout.write(`failed: ${err.code ?? ''} ${err.message}\n`)
  process.exitCode = 1
} finally {
  db.close()
}
