#!/usr/bin/env node
// The export floor: what writing one layer of a project as JSONL costs at the least. Reads the
// same rows as `spanmark export` with better-sqlite3 (every document by id, one annotator's spans
// in one query), JSON.stringify's one line per document and writes it. Nothing else: no offset
// conversion, no span text, no validation, no fsync, no temp file.
// Usage: node bench/lib/export-floor.mjs PROJECT.sqlite ANNOTATOR OUT.jsonl
import { closeSync, openSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'

const [project, annotator, out] = process.argv.slice(2)
const db = new Database(project, { readonly: true, fileMustExist: true })
const byDoc = new Map()
for (const s of db.prepare('SELECT doc_id, start, end, label FROM spans WHERE annotator = ? ORDER BY doc_id, start, end, label').iterate(annotator)) {
  let list = byDoc.get(s.doc_id)
  if (!list) byDoc.set(s.doc_id, (list = []))
  list.push({ start: s.start, end: s.end, label: s.label })
}
const fd = openSync(out, 'w')
let docs = 0
for (const d of db.prepare('SELECT id, text, meta FROM documents ORDER BY id').iterate()) {
  writeSync(fd, JSON.stringify({ id: d.id, text: d.text, annotator, meta: JSON.parse(d.meta), spans: byDoc.get(d.id) ?? [] }) + '\n')
  docs++
}
closeSync(fd)
db.close()
console.log(`${docs} documents`)
