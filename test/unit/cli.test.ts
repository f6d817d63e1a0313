import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { tempDir } from './helpers/temp-project'

let dir: string
let cleanup: () => void
let out: string[]
let err: string[]
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  out = []
  err = []
})
afterEach(() => cleanup())

const p = (name: string): string => join(dir, name)
const readJsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('spanmark CLI', () => {
  it('round-trips documents and spans losslessly: emoji, astral Hanja, CRLF, overlaps, meta', async () => {
    const docs = [
      {
        id: 'k1',
        text: '👩‍👩‍👧 𠀀 최태원 SK그룹 회장과\r\n샘 올트먼 오픈AI CEO가 4일 회동했다.\r\n',
        meta: { source: 'test', n: 1 },
        spans: [
          { start: 8, end: 11, label: 'PERSON' },
          { start: 12, end: 16, label: 'ORGANISATION' },
          { start: 12, end: 19, label: 'MEETING' },
          { start: 22, end: 27, label: 'PERSON' }
        ]
      },
      { id: 'empty', text: '', meta: {}, spans: [] },
      { id: 'a-html', text: '<b>not bold</b> & <script>x</script>', meta: {}, spans: [{ start: 3, end: 11, label: 'DATE' }] }
    ]
    writeFileSync(p('in.jsonl'), docs.map((d) => JSON.stringify(d)).join('\r\n') + '\r\n')
    expect(await runCli(['import', '--project', p('x.sqlite'), '--annotator', 'alice', p('in.jsonl')], io)).toBe(0)
    expect(out.join('\n')).toMatch(/Imported 3 new document\(s\) and 5 new span\(s\)/)

    expect(await runCli(['export', '--project', p('x.sqlite'), '--annotator', 'alice', '--out', p('out.jsonl')], io)).toBe(0)
    const lines = readJsonl(p('out.jsonl'))
    expect(lines.map((l) => l['id'])).toEqual(['a-html', 'empty', 'k1'])
    for (const line of lines) {
      const src = docs.find((d) => d.id === line['id'])!
      expect(Object.keys(line)).toEqual(['id', 'text', 'annotator', 'meta', 'spans'])
      expect(line['text']).toBe(src.text)
      expect(line['annotator']).toBe('alice')
      expect(line['meta']).toEqual(src.meta)
      const cps = [...src.text]
      const spans = line['spans'] as { start: number; end: number; label: string; text: string }[]
      expect(spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(
        [...src.spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
      )
      for (const s of spans) expect(s.text).toBe(cps.slice(s.start, s.end).join(''))
    }
    const k1 = lines.find((l) => l['id'] === 'k1')!['spans'] as { text: string }[]
    expect(k1.map((s) => s.text)).toEqual(['최태원', 'SK그룹', 'SK그룹 회장', '샘 올트먼'])

    // The export re-imports into a fresh project and exports byte-identically.
    expect(await runCli(['import', '--project', p('y.sqlite'), p('out.jsonl')], io)).toBe(0)
    expect(await runCli(['export', '--project', p('y.sqlite'), '--annotator', 'alice', '--out', p('out2.jsonl')], io)).toBe(0)
    expect(readFileSync(p('out2.jsonl'))).toEqual(readFileSync(p('out.jsonl')))
  })

  it('exports a .txt document byte-identically (BOM dropped), with its file name as id', async () => {
    const text = '제목\r\n\r\n  본문\t끝 😀\n\n'
    writeFileSync(p('기사-1.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))
    expect(await runCli(['import', '--project', p('x.sqlite'), p('기사-1.txt')], io)).toBe(0)
    expect(await runCli(['export', '--project', p('x.sqlite'), '--annotator', 'bob', '--out', p('o.jsonl')], io)).toBe(0)
    const [line] = readJsonl(p('o.jsonl'))
    expect(line).toMatchObject({ id: '기사-1', annotator: 'bob', meta: {}, spans: [] })
    expect(Buffer.from(line!['text'] as string, 'utf8')).toEqual(Buffer.from(text, 'utf8'))
  })

  it('refuses a bad file whole, names file and line, exits non-zero and leaves the project as it was', async () => {
    writeFileSync(p('good.jsonl'), JSON.stringify({ id: 'g', text: 'abc' }) + '\n')
    expect(await runCli(['import', '--project', p('x.sqlite'), p('good.jsonl')], io)).toBe(0)
    writeFileSync(
      p('bad.jsonl'),
      [JSON.stringify({ id: 'n1', text: 'abc' }), JSON.stringify({ id: 'n2', text: 'abc', spans: [{ start: 0, end: 2, label: 'CITY' }] })].join('\n')
    )
    expect(await runCli(['import', '--project', p('x.sqlite'), '--annotator', 'a', p('bad.jsonl')], io)).toBe(1)
    expect(err.join('\n')).toMatch(/bad\.jsonl:2: span 1: unknown label "CITY"/)
    const project = Project.open(p('x.sqlite'))
    expect([...project.documents.iterateIds()]).toEqual(['g'])
    project.close()
  })

  it('says what is wrong with the command line', async () => {
    expect(await runCli(['export', '--project', p('none.sqlite'), '--annotator', 'a', '--out', p('o.jsonl')], io)).toBe(1)
    expect(err.pop()).toMatch(/There is no project at .*none\.sqlite/)
    expect(existsSync(p('none.sqlite'))).toBe(false)
    expect(await runCli(['export', '--project', p('x.sqlite'), '--out', p('o.jsonl')], io)).toBe(2)
    expect(err.pop()).toMatch(/Missing --annotator NAME/)
    expect(await runCli(['import', '--project', p('x.sqlite'), p('missing.txt')], io)).toBe(1)
    expect(err.pop()).toMatch(/Cannot read .*missing\.txt: ENOENT\. Nothing was imported/)
    expect(await runCli(['frobnicate'], io)).toBe(2)
    expect(err.pop()).toMatch(/Unknown command "frobnicate"/)
    expect(await runCli(['import', '--bogus'], io)).toBe(2)
    expect(await runCli(['serve', '--port', 'abc'], io)).toBe(2)
  })

  it('refuses an import file over the size limit before reading it, and prints notes such as a dropped BOM', async () => {
    // A sparse file: 300 MB by stat, nothing on disk, so the refusal must come from the size alone.
    writeFileSync(p('huge.jsonl'), '')
    truncateSync(p('huge.jsonl'), 300 * 1024 * 1024)
    expect(await runCli(['import', '--project', p('x.sqlite'), p('huge.jsonl')], io)).toBe(1)
    expect(err.join('\n')).toMatch(/huge\.jsonl: the file is 314572800 bytes; the limit for one import file is 256 MB/)
    expect(existsSync(p('x.sqlite'))).toBe(false)

    writeFileSync(p('bom.jsonl'), '\uFEFF' + JSON.stringify({ id: 'b1', text: '최태원' }) + '\n')
    expect(await runCli(['import', '--project', p('x.sqlite'), p('bom.jsonl')], io)).toBe(0)
    expect(out.join('\n')).toMatch(/Note: .*bom\.jsonl: the UTF-8 byte order mark at the start of the file was dropped/)
  })
})
