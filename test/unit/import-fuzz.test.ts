import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles, type ImportOptions } from '../../src/main/services/import-service'
import { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { applies, DEFECTS, goodFile, makeCase, rng, type Defect, type FuzzFormat } from './helpers/import-fuzz-cases'
import { tempDir, utf8 } from './helpers/temp-project'
import { detailText, english1 } from './helpers/english'

/**
 * Hundreds of malformed files, written as real files and imported through the
 * real import service into a real project that already holds data. Every one
 * must be refused naming the file and the line, and nothing may be written:
 * after each refusal the project file and its WAL are byte-for-byte what they
 * were (any write, even one rolled back, would add WAL frames), and at the end
 * the closed file (closing checkpoints the WAL into it) equals the original.
 */

const FORMATS: FuzzFormat[] = ['auto', 'spanmark', 'doccano', 'prodigy']
const SEEDS_PER_PAIR = 5

let t: ReturnType<typeof tempDir>
let file: string
let baseline: string
let project: Project
let openBaseline: string
const existing = { id: 'seed-1', text: '최태원 SK그룹 회장이 4일 서울에서 샘 올트먼을 만났다.' }

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
const shaOpen = (): string => `${sha(file)} ${existsSync(`${file}-wal`) ? sha(`${file}-wal`) : '-'}`

beforeAll(() => {
  t = tempDir()
  file = join(t.dir, 'project.sqlite')
  mkdirSync(join(t.dir, 'cases'))
  project = Project.open(file)
  const seed = [
    { ...existing, spans: [{ start: 0, end: 3, label: 'PERSON' }, { start: 11, end: 13, label: 'DATE' }] },
    { id: 'seed-2', text: '😀 삼성전자 주주총회', spans: [{ start: 2, end: 6, label: 'ORGANISATION' }] }
  ]
  importFiles(project, [{ name: 'seed.jsonl', bytes: utf8(seed.map((l) => JSON.stringify(l)).join('\n')) }], { annotator: 'alice' })
  project.close()
  baseline = sha(file)
  project = Project.open(file)
  openBaseline = shaOpen()
})
afterAll(() => {
  project.close()
  t.cleanup()
})

/**
 * Writes the case as a real file, imports it as the CLI does (with a good file
 * before it when `withGoodFile`, which must not be imported either), and returns the refusal.
 */
function refuse(name: string, bytes: Uint8Array, options: ImportOptions, withGoodFile = false): ApiError {
  const path = join(t.dir, 'cases', name)
  writeFileSync(path, bytes)
  const good = { name: join(t.dir, 'good-companion.txt'), bytes: utf8('이 파일은 멀쩡하다.') }
  let error: unknown = null
  try {
    importFiles(project, [...(withGoodFile ? [good] : []), { name: path, bytes: readFileSync(path) }], { annotator: 'fuzz', ...options })
  } catch (err) {
    error = err
  }
  expect(shaOpen(), `${name}: the project file or its WAL changed`).toBe(openBaseline)
  if (!(error instanceof ApiError)) throw new Error(`${name}: expected a refusal, got ${error === null ? 'a successful import' : String(error)}`)
  return error
}

function checkRefusal(err: ApiError, path: string, line: number | null, what: string): void {
  expect(err.code, what).toBe('rejected')
  const where = line === null ? `${path}: ` : `${path}:${line}:`
  expect(detailText(err)[0]?.startsWith(where), `${what}: first problem should start with ${where}, got ${detailText(err)[0]}`).toBe(true)
  expect(err.message, what).toContain(`Nothing was imported`)
  expect(err.message, what).not.toMatch(/undefined|\[object |NaN/)
}

describe('importer fuzz: malformed files are refused whole, naming file and line, and change nothing', () => {
  for (const format of FORMATS) {
    it(`${format}: every defect, ${SEEDS_PER_PAIR} variants each`, () => {
      let cases = 0
      const defects: Defect[] = [...DEFECTS, 'empty-file']
      for (const defect of defects) {
        if (!applies(defect, format)) continue
        for (let v = 0; v < SEEDS_PER_PAIR; v++) {
          const seed = (FORMATS.indexOf(format) + 1) * 100_000 + defects.indexOf(defect) * 100 + v
          const c = makeCase(format, defect, seed, existing)
          const name = `${format}-${defect}-${v}.jsonl`
          const err = refuse(name, c.bytes, { format }, v % 2 === 1)
          checkRefusal(err, join(t.dir, 'cases', name), c.line, c.label)
          cases++
        }
      }
      expect(cases).toBeGreaterThanOrEqual(120)
    })
  }

  it('.txt files (and UTF-16 ones): invalid UTF-8, NUL bytes, empty, a BOM starting a later line', () => {
    const cases: { name: string; bytes: number[]; line: number | null }[] = [
      { name: 'bad-utf8.txt', bytes: [...utf8('첫 줄\n둘째 줄 '), 0xc3, 0x28, ...utf8('\n')], line: 2 },
      { name: 'cut-char.txt', bytes: [...utf8('a\nb\n'), ...utf8('가').subarray(0, 2)], line: 3 },
      { name: 'utf16le.txt', bytes: [0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00], line: 1 },
      { name: 'utf16be.jsonl', bytes: [0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d], line: 1 },
      { name: 'utf16-ascii.txt', bytes: [...utf8('line one\n')].flatMap((b) => [b, 0]), line: 1 },
      { name: 'nul.txt', bytes: [...utf8('a\nb\nc'), 0, ...utf8('d')], line: 3 },
      { name: 'empty.txt', bytes: [], line: null },
      { name: 'only-bom.txt', bytes: [0xef, 0xbb, 0xbf], line: null },
      { name: 'joined.txt', bytes: [0xef, 0xbb, 0xbf, ...utf8('기사 하나\n'), 0xef, 0xbb, 0xbf, ...utf8('기사 둘\n')], line: 2 },
      { name: 'double-bom.txt', bytes: [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('본문')], line: 1 }
    ]
    for (const c of cases) checkRefusal(refuse(c.name, new Uint8Array(c.bytes), {}), join(t.dir, 'cases', c.name), c.line, c.name)
    expect(refuse('utf16le.txt', new Uint8Array(cases[2]?.bytes ?? []), {}).details.map((d) => english1(d))[0]).toMatch(/saved as UTF-16 \(little-endian/)
  })

  it('the same good files import cleanly (so the refusals above are caused by the defects)', () => {
    const scratch = Project.open(join(t.dir, 'scratch.sqlite'))
    try {
      for (const format of ['spanmark', 'doccano', 'prodigy'] as const) {
        for (let seed = 1; seed <= 20; seed++) {
          const r = rng(seed)
          const { lines, docs } = goodFile(r, format, r.int(1, 6), `good-${format}-${seed}`)
          const eol = seed % 3 === 0 ? '\r\n' : '\n'
          const bytes = utf8(lines.map((l) => JSON.stringify(l)).join(eol) + eol)
          for (const given of ['auto', format] as const) {
            const result = importFiles(scratch, [{ name: `good-${seed}.jsonl`, bytes }], { annotator: 'fuzz', format: given })
            expect(result.files[0]?.documents).toBe(docs.length)
          }
          for (const d of docs) {
            const id = d.id
            expect(scratch.documents.get(id)?.text).toBe(d.text)
            const spans = scratch.spans.layer(id, 'fuzz').map((s) => `${s.start}-${s.end}-${s.label}`)
            expect(new Set(spans)).toEqual(new Set(d.spans.map((s) => `${s.start}-${s.end}-${s.label}`)))
          }
        }
      }
    } finally {
      scratch.close()
    }
  })
})

describe('byte order marks', () => {
  // The rule (see parseImportFile): a BOM at the very start of a file marks the
  // encoding, is dropped and the summary says so; at the start of a later line
  // it is refused (files joined together); elsewhere U+FEFF is text and kept.
  it('a BOM at the start of a file is dropped, said so in the summary, and the result is the same as without it', () => {
    const body = JSON.stringify({ id: 'bom-doc', text: '\ufeff앞에 BOM이 있는 본문', spans: [{ start: 1, end: 3, label: 'DATE', text: '앞에' }] })
    const a = Project.open(join(t.dir, 'bom-a.sqlite'))
    const b = Project.open(join(t.dir, 'bom-b.sqlite'))
    try {
      const withBom = importFiles(a, [{ name: 'with.jsonl', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body + '\n')]) }], { annotator: 'x' })
      const without = importFiles(b, [{ name: 'without.jsonl', bytes: utf8(body + '\n') }], { annotator: 'x' })
      expect(withBom.notes.map(english1)).toEqual(['with.jsonl: the UTF-8 byte order mark at the start of the file was dropped (it marks the encoding and is not text).'])
      expect(without.notes).toEqual([])
      // U+FEFF inside the JSON string is the document's own first character and is kept.
      expect(a.documents.get('bom-doc')?.text).toBe('\ufeff앞에 BOM이 있는 본문')
      expect(a.documents.get('bom-doc')).toEqual(b.documents.get('bom-doc'))
      expect(a.spans.layer('bom-doc', 'x')).toEqual(b.spans.layer('bom-doc', 'x'))
      const txt = importFiles(a, [{ name: 'note.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('제목\n본문')]) }])
      expect(txt.notes).toHaveLength(1)
      expect(a.documents.get('note')?.text).toBe('제목\n본문')
    } finally {
      a.close()
      b.close()
    }
  })

  it('a BOM at the start of a later line is refused in every format, naming that line', () => {
    for (const format of FORMATS) {
      const good = JSON.stringify({ id: `j-${format}`, text: '하나', label: [], spans: [] })
      const lines = format === 'prodigy' ? ['{"text":"하나","spans":[]}', '{"text":"둘","spans":[]}'] : [good, good.replace('하나', '둘').replace(`j-${format}`, 'j2')]
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${lines[0]}\n`), 0xef, 0xbb, 0xbf, ...utf8(`${lines[1]}\n`)])
      const name = `joined-${format}.jsonl`
      const err = refuse(name, bytes, { format })
      checkRefusal(err, join(t.dir, 'cases', name), 2, name)
      expect(detailText(err)[0]).toMatch(/byte order mark \(U\+FEFF\), as when files are joined together/)
    }
  })
})

describe('after all those refusals', () => {
  it('the closed project file is byte-for-byte what it was', () => {
    project.close()
    expect(existsSync(`${file}-wal`), 'the WAL is checkpointed and removed on close').toBe(false)
    expect(sha(file)).toBe(baseline)
    project = Project.open(file)
  })
})
