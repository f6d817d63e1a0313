import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles, type ImportOptions } from '../../src/main/services/import-service'
import { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_FILE_BYTES, utf8ByteLength } from '../../src/shared/limits'
import { tempDir, utf8 } from './helpers/temp-project'
import { detailText } from './helpers/english'

/** Size limits: a document over 20 MB of UTF-8 text and a file over the import limit are refused before anything is written. */

let t: ReturnType<typeof tempDir>
let file: string
let baseline: string
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

beforeAll(() => {
  t = tempDir()
  file = join(t.dir, 'project.sqlite')
  const project = Project.open(file)
  importFiles(project, [{ name: 'seed.jsonl', bytes: utf8('{"id":"s","text":"샘 올트먼","spans":[{"start":0,"end":5,"label":"PERSON"}]}\n') }], { annotator: 'alice' })
  project.close()
  baseline = sha(file)
})
afterAll(() => t.cleanup())

/** Imports real files from disk; returns the refusal (or null) after checking the project file is untouched when refused. */
function tryImport(names: string[], options: ImportOptions = {}): ApiError | null {
  const project = Project.open(file)
  try {
    importFiles(project, names.map((n) => ({ name: n, bytes: readFileSync(n) })), { annotator: 'alice', ...options })
    return null
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    return err
  } finally {
    project.close()
  }
}

describe('document size limit (20 MB of UTF-8 text)', () => {
  it('counts UTF-8 bytes: ASCII 1, Hangul 3, astral 4 (a surrogate pair, not two)', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024)
    for (const s of ['', 'abc', '가나다', '😀', '𠀀a가', 'a\r\n\ud800']) expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'))
  })

  it('refuses a document one byte over the limit in every format, naming file and line; nothing is written', () => {
    // Hangul: 3 bytes each, plus ASCII to land exactly one byte over.
    const over = '가'.repeat(Math.floor(MAX_DOCUMENT_BYTES / 3)) + 'x'.repeat((MAX_DOCUMENT_BYTES % 3) + 1)
    expect(utf8ByteLength(over)).toBe(MAX_DOCUMENT_BYTES + 1)
    const small = JSON.stringify({ id: 'ok-1', text: '작은 문서' })
    const files = {
      'big.jsonl': `${small}\n${JSON.stringify({ id: 'big', text: over, spans: [] })}\n`,
      'big-doccano.jsonl': `${JSON.stringify({ id: 1, text: '작은 문서', label: [] })}\n${JSON.stringify({ id: 2, text: over, label: [] })}\n`,
      'big-prodigy.jsonl': `${JSON.stringify({ text: '작은 문서', spans: [] })}\n${JSON.stringify({ text: over, meta: { id: 'big' }, spans: [] })}\n`
    }
    for (const [name, content] of Object.entries(files)) {
      const path = join(t.dir, name)
      writeFileSync(path, content)
      const err = tryImport([path])
      expect(err?.code).toBe('rejected')
      expect(err && detailText(err)[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: document "(big|2)" has 20,971,521 bytes \\(20\\.0 MB\\) of text \\(UTF-8\\); the limit is 20 MB\\. Split it into smaller documents\\.$`))
      expect(sha(file)).toBe(baseline)
    }
    const txt = join(t.dir, 'big.txt')
    writeFileSync(txt, over)
    const err = tryImport([txt, join(t.dir, 'big.jsonl')])
    expect(err && detailText(err).join('\n')).toContain(`${txt}: document "big" has 20,971,521 bytes (20.0 MB) of text (UTF-8); the limit is 20 MB`)
    expect((err && detailText(err))).toHaveLength(2)
    expect(sha(file)).toBe(baseline)
  })

  it('accepts a document exactly at the limit', () => {
    const exact = 'x'.repeat(MAX_DOCUMENT_BYTES - 3) + '가'
    const path = join(t.dir, 'exact.txt')
    writeFileSync(path, exact)
    const scratch = join(t.dir, 'scratch.sqlite')
    const project = Project.open(scratch)
    try {
      expect(importFiles(project, [{ name: path, bytes: readFileSync(path) }]).newDocuments).toBe(1)
      expect(project.documents.get('exact')?.length).toBe(MAX_DOCUMENT_BYTES - 2)
    } finally {
      project.close()
    }
  })
})

describe('import file size limit', () => {
  it('is 256 MB unless told otherwise', () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(256 * 1024 * 1024)
  })

  it('refuses a file over the limit, naming it, before reading its lines; the other files are not imported either', () => {
    const good = join(t.dir, 'good.jsonl')
    const big = join(t.dir, 'too-big.jsonl')
    writeFileSync(good, '{"id":"g","text":"좋은 문서"}\n')
    // Valid content, so only the size can be the reason.
    writeFileSync(big, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `b${i}`, text: '크다' })).join('\n'))
    const size = readFileSync(big).length
    const err = tryImport([good, big], { maxFileBytes: size - 1 })
    expect(err?.code).toBe('rejected')
    expect(err?.message).toBe(`Nothing was imported: there is a problem in ${big} (below). Fix it and import again.`)
    expect(err && detailText(err)[0]).toBe(
      `${big}: the file is ${size.toLocaleString('en-US')} bytes; the limit for one import file is ${(size - 1).toLocaleString('en-US')} bytes. Split it into smaller files and import them one by one.`
    )
    expect((err && detailText(err))).toHaveLength(1)
    expect(sha(file)).toBe(baseline)
    // At the limit it is fine.
    expect(tryImport([good, big], { maxFileBytes: size })).toBeNull()
  })
})
