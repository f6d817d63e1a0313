import { describe, expect, it } from 'vitest'
import {
  LossLedger,
  decodeDoccano,
  decodeJsonl,
  decodeProdigy,
  decodeSpanmark,
  detectFormat,
  encodePrepared,
  murmurhash3_32,
  prepareDocument,
  validateEncoded,
  type DatasetDoc,
  type DatasetSpan,
  type ExportOptions
} from '../../src/shared/dataset'

const TEXT = '😀 샘 올트먼의 𠀀 회장과\r\n면담'

describe('detectFormat', () => {
  it('tells spanmark, doccano and prodigy apart by their keys', () => {
    expect(detectFormat({ id: 'a', text: 't', annotator: 'gold', meta: {}, spans: [] })).toBe('spanmark')
    expect(detectFormat({ id: 'a', text: 't' })).toBe('spanmark')
    expect(detectFormat({ id: 1, text: 't', label: [[0, 1, 'PERSON']] })).toBe('doccano')
    expect(detectFormat({ id: 1, text: 't', label: [] })).toBe('doccano')
    expect(detectFormat({ text: 't', labels: [[0, 1, 'PERSON']] })).toBe('doccano')
    expect(detectFormat({ text: 't', tokens: [], spans: [] })).toBe('prodigy')
    expect(detectFormat({ text: 't', spans: [], _input_hash: 1 })).toBe('prodigy')
    expect(detectFormat({ text: 't', spans: [] })).toBe('prodigy')
  })

  it('gives null for what it cannot place', () => {
    expect(detectFormat([1, 2])).toBeNull()
    expect(detectFormat({ id: 'a' })).toBeNull()
    expect(detectFormat({ id: 1, text: 't', label: ['positive'] })).toBeNull()
    expect(detectFormat({ text: 't' })).toBeNull()
    expect(detectFormat(null)).toBeNull()
  })
})

describe('decoders', () => {
  it('doccano: UTF-16 offsets by default, code points on request', () => {
    // 샘 올트먼의: code points 2..8, UTF-16 3..9
    const u = decodeDoccano({ id: 7, text: TEXT, label: [[3, 9, 'PERSON']], Comments: [] })
    expect(u).toEqual({ ok: true, doc: { id: '7', text: TEXT, meta: { Comments: [] }, spans: [{ start: 2, end: 8, label: 'PERSON' }] } })
    const c = decodeDoccano({ id: 'x', text: TEXT, label: [[2, 8, 'PERSON']] }, 'codepoint')
    expect(c.ok && c.doc.spans).toEqual([{ start: 2, end: 8, label: 'PERSON' }])
  })

  it('doccano: reports an offset inside an astral character, past the end, or empty', () => {
    const r = decodeDoccano({ id: 'x', text: TEXT, label: [[1, 3, 'PERSON'], [0, 99, 'DATE'], [4, 4, 'DATE']] })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems[0]).toMatch(/span 1: UTF-16 offset 1 falls inside an astral character.*--offsets codepoint/)
    expect(r.problems[1]).toMatch(/span 2: end \(99\) is past the end of the text/)
    expect(r.problems.some((p) => /end \(4\) must be greater than start \(4\)/.test(p))).toBe(true)
    expect(decodeDoccano({ text: TEXT, label: [] }).ok).toBe(false)
  })

  it('prodigy: id from meta.id or the input hash; tokens and token ranges checked', () => {
    const good = decodeProdigy({
      text: '샘 올트먼의',
      meta: { id: 'news-1', source: 'x' },
      tokens: [
        { text: '샘', start: 0, end: 1, id: 0, ws: true },
        { text: '올트먼의', start: 2, end: 6, id: 1, ws: false }
      ],
      spans: [{ start: 0, end: 6, label: 'PERSON', token_start: 0, token_end: 1 }],
      answer: 'accept'
    })
    expect(good).toEqual({ ok: true, doc: { id: 'news-1', text: '샘 올트먼의', meta: { source: 'x' }, spans: [{ start: 0, end: 6, label: 'PERSON' }], answer: 'accept' } })
    const noId = decodeProdigy({ text: '가', _input_hash: -5, spans: [] })
    expect(noId.ok && noId.doc.id).toBe('prodigy--5')
    const hashed = decodeProdigy({ text: '가' })
    expect(hashed.ok && hashed.doc.id).toBe(`prodigy-${murmurhash3_32('가')}`)
    const bad = decodeProdigy({
      text: '샘 올트먼의',
      tokens: [{ text: '샘', start: 0, end: 2 }],
      spans: [{ start: 0, end: 1, label: 'PERSON', token_start: 0, token_end: 0, text: '올' }]
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.problems).toHaveLength(3)
    expect(bad.problems[0]).toMatch(/token 1: "샘" at 0..2 does not match the text/)
    expect(bad.problems[1]).toMatch(/span 1: its "text" "올" differs from the text at 0..1 \("샘"\)/)
    expect(bad.problems[2]).toMatch(/token_start 0 \/ token_end 0/)
  })

  it('spanmark: checks each span text against the code point offsets', () => {
    const r = decodeSpanmark({ id: 'a', text: TEXT, status: 'reviewed', spans: [{ start: 3, end: 6, label: 'PERSON', text: '올트먼' }] })
    expect(r.ok).toBe(false)
    const ok = decodeSpanmark({ id: 'a', text: TEXT, annotator: 'gold', status: 'reviewed', spans: [{ start: 4, end: 7, label: 'PERSON', text: '올트먼' }] })
    expect(ok).toEqual({ ok: true, doc: { id: 'a', text: TEXT, meta: {}, annotator: 'gold', status: 'reviewed', spans: [{ start: 4, end: 7, label: 'PERSON' }] } })
    const wrong = decodeSpanmark({ id: 'a', text: 3 })
    expect(!wrong.ok && wrong.problems[0]).toMatch(/^text: /)
  })
})

describe('decodeJsonl', () => {
  const line = (v: unknown): string => JSON.stringify(v)

  it('detects the format from the first line; BOM, CRLF and blank lines are fine', () => {
    const content = '\ufeff' + [line({ id: 1, text: TEXT, label: [[3, 9, 'PERSON']] }), '', line({ id: 2, text: '가', label: [] })].join('\r\n') + '\r\n'
    const r = decodeJsonl(content)
    expect(r.format).toBe('doccano')
    expect(r.problems).toEqual([])
    expect(r.docs.map((d) => [d.id, d.spans])).toEqual([
      ['1', [{ start: 2, end: 8, label: 'PERSON' }]],
      ['2', []]
    ])
    expect(decodeJsonl(line({ id: 1, text: TEXT, label: [[2, 8, 'PERSON']] }), { offsets: 'codepoint' }).docs[0]?.spans).toEqual([{ start: 2, end: 8, label: 'PERSON' }])
  })

  it('reports every bad line by number (all or nothing), repeated ids and undetectable files', () => {
    const content = [line({ id: 'a', text: '가', spans: [] }), '{oops', line({ id: 'a', text: '나', spans: [] }), line({ id: 'b', text: '가', spans: [{ start: 0, end: 2, label: 'X' }] })].join('\n')
    const r = decodeJsonl(content)
    expect(r.format).toBe('spanmark')
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4])
    expect(r.problems[1]?.message).toMatch(/already appears on line 1/)
    expect(r.problems[2]?.message).toMatch(/span 1: end \(2\) is past the end/)
    expect(decodeJsonl(line({ foo: 1 })).problems[0]?.message).toMatch(/cannot tell the format.*--format/)
    const mixed = decodeJsonl([line({ id: 'a', text: '가' }), line({ id: 'b', text: '가', label: [[0, 1, 'PERSON']] })].join('\n'))
    expect(mixed.problems).toEqual([{ line: 2, message: 'looks like doccano but the file is spanmark (from its first line); one format per file.' }])
    // a forced format reads every line as that format
    expect(decodeJsonl(line({ id: 'a', text: '가', spans: [] }), { format: 'doccano' }).docs[0]).toMatchObject({ id: 'a', spans: [] })
  })
})

describe('validateEncoded fails loudly', () => {
  const doc: DatasetDoc = { id: 'news-1', text: TEXT, meta: {}, status: 'in_review' }
  const spans: DatasetSpan[] = [
    { start: 2, end: 7, label: 'PERSON' },
    { start: 10, end: 13, label: 'PERSON' }
  ]
  const run = (options: ExportOptions, tamper: (out: string) => string): (() => void) => {
    const prepared = prepareDocument(doc, spans, options, new LossLedger())
    const out = encodePrepared(prepared, options)
    validateEncoded(prepared, out, options)
    return () => validateEncoded(prepared, tamper(out), options, options.format === 'hf' ? ['O', 'B-PERSON', 'I-PERSON'] : undefined)
  }

  it('when offsets or texts read back differently', () => {
    expect(run({ format: 'doccano' }, (o) => o.replace('[3,8,', '[3,9,'))).toThrow(/Dataset validation failed \(doccano, document news-1\): wrote spans/)
    expect(run({ format: 'spanmark' }, (o) => o.replace('"text":"샘 올트먼"', '"text":"샘 올트"'))).toThrow(/differs from the text at 2..7/)
    expect(run({ format: 'spanmark' }, (o) => o.replace('"in_review"', '"reviewed"'))).toThrow(/status/)
    expect(run({ format: 'prodigy' }, (o) => o.replace('"id":"news-1"', '"id":"news-2"'))).toThrow(/reading it back gives "news-2"/)
    expect(run({ format: 'doccano' }, (o) => o.slice(0, -1))).toThrow(/newline/)
  })

  it('when BIO is invalid, tags are not ClassLabels, or KLUE rows disagree', () => {
    expect(run({ format: 'hf' }, (o) => o.replace('"B-PERSON"', '"I-PERSON"'))).toThrow(/an I-PERSON must continue/)
    expect(run({ format: 'hf' }, (o) => o.replace('"B-PERSON"', '"B-PER"'))).toThrow(/not in the ClassLabel names/)
    expect(run({ format: 'hf' }, (o) => o.replace('"ner_tags":["O",', '"ner_tags":['))).toThrow(/differ in length/)
    expect(run({ format: 'klue' }, (o) => o.replace('샘\tB-PS', '샘\tO'))).toThrow(/does not match the rows|I-PS must continue/)
    expect(run({ format: 'klue' }, (o) => o.replace('## news-1_00001', '## news-1_00009'))).toThrow(/sentence 2 has id/)
  })
})
