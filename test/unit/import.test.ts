import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/services/import-service'
import { ApiError } from '../../src/shared/errors'
import { dumpProject } from './helpers/dump'
import { tempProject, utf8 } from './helpers/temp-project'
import { detailText } from './helpers/english'
import { english1 } from './helpers/english'

let t: ReturnType<typeof tempProject>
beforeEach(() => {
  t = tempProject()
})
afterEach(() => t.cleanup())

const jsonl = (...lines: unknown[]): Uint8Array => utf8(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n')

function rejection(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected the import to be refused')
}

describe('import', () => {
  it('imports a .txt as one document named by the file, BOM dropped, CRLF and spaces kept', () => {
    const text = '  제목\r\n\r\n본문 😀 끝  \n'
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
    const r = importFiles(t.project, [{ name: '/some/dir/article-7.txt', bytes }])
    expect(r).toMatchObject({ newDocuments: 1, newSpans: 0 })
    const doc = t.project.documents.get('article-7')
    expect(doc?.text).toBe(text)
    expect(doc?.title).toBe('제목')
    expect(doc?.length).toBe([...text].length)
  })

  it('imports .jsonl documents with meta and spans into the given layer, in code points', () => {
    const text = '𠀀👩‍👩‍👧 샘 올트먼'
    const r = importFiles(
      t.project,
      [{ name: 'a.jsonl', bytes: jsonl({ id: 'x', text, meta: { src: 'kbs' }, spans: [{ start: 7, end: 12, label: 'PERSON', text: '샘 올트먼' }] }) }],
      { annotator: 'alice' }
    )
    expect(r).toMatchObject({ newDocuments: 1, newSpans: 1 })
    expect(t.project.spans.layer('x', 'alice')).toMatchObject([{ start: 7, end: 12, label: 'PERSON' }])
    expect(t.project.documents.get('x')?.meta).toEqual({ src: 'kbs' })
  })

  it('imports Prodigy lines answered "reject" or "ignore" without their spans, and says so', () => {
    const line = (id: string, answer: string | undefined) =>
      JSON.stringify({ text: '최태원 회장', meta: { id }, spans: [{ start: 0, end: 3, label: 'PERSON' }], ...(answer ? { answer } : {}) })
    const file = [line('a', 'accept'), line('r', 'reject'), line('i', 'ignore'), line('n', undefined)].join('\n') + '\n'
    const r = importFiles(t.project, [{ name: 'p.jsonl', bytes: utf8(file) }], { annotator: 'minji', format: 'prodigy' })
    expect(r.newDocuments).toBe(4)
    expect(['a', 'r', 'i', 'n'].map((id) => t.project.spans.layer(id, 'minji').length)).toEqual([1, 0, 0, 1])
    expect(r.notes.map(english1)).toEqual([
      'p.jsonl: 2 line(s) answered "reject" or "ignore": their text was imported without their 2 span(s), which the Prodigy annotator did not accept.'
    ])
  })

  it('takes the layer from each line when no annotator is given', () => {
    importFiles(t.project, [{ name: 'a.jsonl', bytes: jsonl({ id: 'x', text: 'abc', annotator: 'bob', spans: [{ start: 0, end: 1, label: 'DATE' }] }) }])
    expect(t.project.spans.layer('x', 'bob')).toHaveLength(1)
  })

  it('adds no duplicate document or span when the same file is imported again', () => {
    const file = { name: 'a.jsonl', bytes: jsonl({ id: 'x', text: 'abc', spans: [{ start: 0, end: 1, label: 'DATE' }] }) }
    importFiles(t.project, [file], { annotator: 'alice' })
    const again = importFiles(t.project, [file, { name: 'x.txt', bytes: utf8('abc') }], { annotator: 'alice' })
    expect(again).toMatchObject({ newDocuments: 0, newSpans: 0 })
    expect(t.project.documents.count()).toBe(1)
    expect(t.project.spans.layer('x', 'alice')).toHaveLength(1)
  })

  it('records imported spans in the history, off the undo stack', () => {
    importFiles(t.project, [{ name: 'a.jsonl', bytes: jsonl({ id: 'x', text: 'abc', spans: [{ start: 0, end: 1, label: 'DATE' }] }) }], {
      annotator: 'alice'
    })
    expect(t.project.history.recent(1)[0]).toMatchObject({ kind: 'import', description: { key: 'changes:importFilesNamed', params: { files: 'a.jsonl' } } })
    expect(t.project.history.topUndo('alice')).toBeUndefined()
  })

  const bad: [string, string, Uint8Array, RegExp][] = [
    ['invalid JSON', 'b.jsonl', jsonl({ id: 'ok', text: 'a' }, '{"id": "x", "text": '), /b\.jsonl:2: not valid JSON/],
    ['a missing field', 'b.jsonl', jsonl({ id: 'ok', text: 'a' }, { id: 'y' }), /b\.jsonl:2: text is missing/],
    ['a wrong type', 'b.jsonl', jsonl({ id: 5, text: 'a' }), /b\.jsonl:1: id has the wrong type/],
    ['an offset past the end', 'b.jsonl', jsonl({ id: 'x', text: '😀ab', spans: [{ start: 1, end: 4, label: 'DATE' }] }), /b\.jsonl:1: span 1: end \(4\) is past the end of the text \(3 code points\)/],
    ['a reversed span', 'b.jsonl', jsonl({ id: 'x', text: 'abc', spans: [{ start: 2, end: 1, label: 'DATE' }] }), /b\.jsonl:1: span 1: end \(1\) must be greater/],
    ['a negative offset', 'b.jsonl', jsonl({ id: 'x', text: 'abc', spans: [{ start: -1, end: 1, label: 'DATE' }] }), /b\.jsonl:1: spans\.0\.start/],
    ['an unknown label', 'b.jsonl', jsonl({ id: 'x', text: 'abc' }, { id: 'y', text: 'abc', spans: [{ start: 0, end: 1, label: 'CITY' }] }), /b\.jsonl:2: span 1: unknown label "CITY"/],
    ['the same id with different text', 'b.jsonl', jsonl({ id: 'x', text: 'abc' }, { id: 'x', text: 'abd' }), /b\.jsonl:2: document "x" appears again with different text \(first at b\.jsonl:1\)/],
    ['UTF-16 offsets (span text mismatch)', 'b.jsonl', jsonl({ id: 'x', text: '😀ab', spans: [{ start: 2, end: 3, label: 'DATE', text: 'a' }] }), /Offsets must be Unicode code points/],
    ['invalid UTF-8', 'b.txt', new Uint8Array([0x61, 0x0a, 0xff, 0xfe]), /b\.txt:2: the file is not valid UTF-8/],
    ['an empty .jsonl', 'b.jsonl', new Uint8Array(), /b\.jsonl: the file has no documents/],
    ['another extension', 'b.csv', utf8('a,b'), /b\.csv: only \.txt/],
    ['spans without an annotator', 'b.jsonl', jsonl({ id: 'x', text: 'abc', spans: [{ start: 0, end: 1, label: 'DATE' }] }), /b\.jsonl:1: the spans need an annotator/]
  ]

  it.each(bad)('refuses a file with %s, naming file and line, and writes nothing from any file', (_what, name, bytes, message) => {
    importFiles(t.project, [{ name: 'first.txt', bytes: utf8('already here') }], { annotator: 'alice' })
    const before = dumpProject(t.project)
    const err = rejection(() => importFiles(t.project, [{ name: 'good.txt', bytes: utf8('fine') }, { name, bytes }]))
    expect(err.code).toBe('rejected')
    expect(err.message).toMatch(/^Nothing was imported/)
    expect(detailText(err).join('\n')).toMatch(message)
    expect(dumpProject(t.project)).toEqual(before)
  })

  it('refuses a document whose id exists in the project with other text', () => {
    importFiles(t.project, [{ name: 'x.txt', bytes: utf8('one') }])
    const err = rejection(() => importFiles(t.project, [{ name: 'x.txt', bytes: utf8('two') }]))
    expect(detailText(err)[0]).toMatch(/x\.txt: the project already has a document "x" with different text/)
  })

  it('lists every problem (up to a limit) so a user can fix a file in one pass', () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, text: 'abc', spans: [{ start: 0, end: 9, label: 'DATE' }] }))
    const err = rejection(() => importFiles(t.project, [{ name: 'many.jsonl', bytes: jsonl(...lines) }], { annotator: 'a' }))
    expect(err.message).toMatch(/30 problems/)
    expect(detailText(err)).toHaveLength(21)
    expect(detailText(err)[20]).toBe('… and 10 more problems.')
  })
})
