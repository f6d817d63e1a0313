import { describe, expect, it } from 'vitest'
import { encodeCanonicalLine } from '../../src/shared/canonical-jsonl'
import { OffsetMap } from '../../src/shared/offsets'
import {
  DatasetEncoder,
  bioToSpans,
  decodeDoccano,
  decodeProdigy,
  hfLineSchema,
  murmurhash3_32,
  tokenize,
  type DatasetDoc,
  type DatasetSpan,
  type ExportOptions
} from '../../src/shared/dataset'

/** Code point offsets of the n-th occurrence of needle. */
function at(text: string, needle: string, label: string, nth = 0): DatasetSpan {
  let u = -1
  for (let k = 0; k <= nth; k++) u = text.indexOf(needle, u + 1)
  if (u < 0) throw new Error(`${needle} not in text`)
  const map = OffsetMap.of(text)
  const start = map.toCodePoint(u)
  return { start, end: start + [...needle].length, label }
}

// An emoji and an astral Hanja before the spans, CRLF between the sentences.
const TEXT = '😀 샘 올트먼의 오픈AI와 삼성전자는 4일 회동했다.\r\n𠀀 최태원 SK그룹 회장과 면담!'
const DOC: DatasetDoc = { id: 'news-1', text: TEXT, meta: { source: '연합뉴스' }, status: 'reviewed' }
const SPANS: DatasetSpan[] = [
  at(TEXT, '샘 올트먼', 'PERSON'),
  at(TEXT, '오픈AI', 'ORGANISATION'),
  at(TEXT, '삼성전자', 'ORGANISATION'),
  at(TEXT, '4일', 'DATE'),
  at(TEXT, '회동', 'MEETING'),
  at(TEXT, '최태원', 'PERSON'),
  at(TEXT, 'SK그룹', 'ORGANISATION'),
  at(TEXT, '최태원 SK그룹 회장', 'PERSON'), // overlaps 최태원 and SK그룹
  at(TEXT, '면담', 'MEETING')
]
const LABELS = ['PERSON', 'ORGANISATION', 'DATE', 'MEETING']

function encode(options: ExportOptions, doc: DatasetDoc = DOC, spans: DatasetSpan[] = SPANS): { out: string; enc: DatasetEncoder; spans: DatasetSpan[] } {
  const enc = new DatasetEncoder(options, LABELS)
  const r = enc.encode(doc, spans)
  return { out: r.output, enc, spans: r.spans }
}

describe('spanmark format', () => {
  it('is the canonical line with "status" between "meta" and "spans"', () => {
    const { out, enc } = encode({ format: 'spanmark', annotator: 'gold' })
    expect(out.endsWith('\n')).toBe(true)
    const line = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(line)).toEqual(['id', 'text', 'annotator', 'meta', 'status', 'spans'])
    expect(line.status).toBe('reviewed')
    const withoutStatus = { ...line }
    delete withoutStatus.status
    expect(JSON.stringify(withoutStatus)).toBe(encodeCanonicalLine(DOC, 'gold', SPANS))
    // overlaps are kept, every span's text is the text at its offsets
    expect((line.spans as unknown[]).length).toBe(SPANS.length)
    expect(line.spans).toContainEqual({ ...at(TEXT, '최태원 SK그룹 회장', 'PERSON'), text: '최태원 SK그룹 회장' })
    expect(enc.report().counts.kept).toBe(SPANS.length)
  })

  it('puts "status" before the top-level "spans" even when meta has a "spans" key', () => {
    const doc: DatasetDoc = { ...DOC, meta: { spans: [1], note: ',"spans":[' } }
    const { out } = encode({ format: 'spanmark' }, doc)
    const line = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(line)).toEqual(['id', 'text', 'annotator', 'meta', 'status', 'spans'])
    expect(line.meta).toEqual(doc.meta)
    expect(line.annotator).toBe('gold')
  })

  it('writes exactly the canonical line when the document has no status', () => {
    const { out } = encode({ format: 'spanmark', annotator: 'alice' }, { ...DOC, status: undefined })
    expect(out).toBe(encodeCanonicalLine(DOC, 'alice', SPANS) + '\n')
  })
})

describe('doccano format', () => {
  it('counts offsets in UTF-16 code units by default (emoji and 𠀀 count 2)', () => {
    const { out } = encode({ format: 'doccano' })
    const line = JSON.parse(out) as { id: string; text: string; label: [number, number, string][] }
    expect(Object.keys(line)).toEqual(['id', 'text', 'label'])
    // 😀 is two UTF-16 units: 샘 올트먼 is [2, 7) in code points, [3, 8) in UTF-16, JavaScript's and doccano's slice
    expect(line.label[0]).toEqual([3, 8, 'PERSON'])
    expect(TEXT.slice(3, 8)).toBe('샘 올트먼')
    for (const [s, e, l] of line.label) {
      const span = SPANS.find((x) => x.label === l && TEXT.slice(s, e) === [...TEXT].slice(x.start, x.end).join(''))
      expect(span).toBeDefined()
    }
    const meeting = line.label.find((x) => x[2] === 'MEETING' && x[0] > 40)
    expect(meeting && TEXT.slice(meeting[0], meeting[1])).toBe('면담')
  })

  it('writes code points with offsets: codepoint, and keeps overlaps', () => {
    const { out, enc } = encode({ format: 'doccano', offsets: 'codepoint' })
    const line = JSON.parse(out) as { label: [number, number, string][] }
    expect(line.label[0]).toEqual([2, 7, 'PERSON'])
    expect(line.label).toContainEqual([at(TEXT, '면담', 'X').start, at(TEXT, '면담', 'X').end, 'MEETING'])
    expect(line.label).toHaveLength(SPANS.length)
    expect(enc.report().lostSpans).toBe(0)
    const back = decodeDoccano(JSON.parse(out), 'codepoint')
    expect(back.ok && back.doc.spans).toHaveLength(SPANS.length)
  })
})

describe('prodigy format', () => {
  it('writes eojeol tokens with ws, expanded spans with inclusive token_end, hashes and accept', () => {
    const { out, enc } = encode({ format: 'prodigy', tokens: 'eojeol' })
    const task = JSON.parse(out) as {
      text: string
      meta: Record<string, unknown>
      tokens: { text: string; start: number; end: number; id: number; ws: boolean }[]
      spans: { start: number; end: number; label: string; token_start: number; token_end: number }[]
      _input_hash: number
      _task_hash: number
      answer: string
    }
    expect(Object.keys(task)).toEqual(['text', 'meta', 'tokens', 'spans', '_input_hash', '_task_hash', 'answer'])
    expect(task.meta).toEqual({ source: '연합뉴스', id: 'news-1' })
    expect(task.tokens.slice(0, 4)).toEqual([
      { text: '😀', start: 0, end: 1, id: 0, ws: true },
      { text: '샘', start: 2, end: 3, id: 1, ws: true },
      { text: '올트먼의', start: 4, end: 8, id: 2, ws: true },
      { text: '오픈AI와', start: 9, end: 14, id: 3, ws: true }
    ])
    expect(task.tokens.at(-1)).toMatchObject({ text: '면담!', ws: false })
    // 샘 올트먼 → 샘 올트먼의 (two tokens, token_end inclusive); 오픈AI → 오픈AI와
    expect(task.spans[0]).toEqual({ start: 2, end: 8, label: 'PERSON', token_start: 1, token_end: 2 })
    expect(task.spans[1]).toEqual({ start: 9, end: 14, label: 'ORGANISATION', token_start: 3, token_end: 3 })
    expect(task.answer).toBe('accept')
    expect(task._input_hash).toBe(murmurhash3_32(TEXT))
    expect(Number.isInteger(task._task_hash) && task._task_hash >= -(2 ** 31) && task._task_hash < 2 ** 31).toBe(true)
    // 최태원 SK그룹 회장 → 최태원 SK그룹 회장과 is the longest; 최태원 and SK그룹 go
    expect(task.spans.map((s) => [...TEXT].slice(s.start, s.end).join(''))).toEqual(['샘 올트먼의', '오픈AI와', '삼성전자는', '4일', '회동했다.', '최태원 SK그룹 회장과', '면담!'])
    const r = enc.report()
    expect(r.counts['dropped-overlap']).toBe(2)
    expect(r.counts['aligned-expanded']).toBe(6)
    expect(r.counts.kept).toBe(1)
    expect(r.inputSpans).toBe(r.writtenSpans + r.lostSpans)
    const back = decodeProdigy(task)
    expect(back.ok && back.doc.id).toBe('news-1')
    expect(back.ok && back.doc.meta).toEqual({ source: '연합뉴스' })
  })

  it('gives the same hashes for the same task and different task hashes for different spans', () => {
    const a = JSON.parse(encode({ format: 'prodigy' }).out) as { _input_hash: number; _task_hash: number }
    const b = JSON.parse(encode({ format: 'prodigy' }).out) as { _input_hash: number; _task_hash: number }
    const c = JSON.parse(encode({ format: 'prodigy' }, DOC, SPANS.slice(1)).out) as { _input_hash: number; _task_hash: number }
    expect(a).toEqual(b)
    expect(c._input_hash).toBe(a._input_hash)
    expect(c._task_hash).not.toBe(a._task_hash)
  })
})

describe('hf format', () => {
  type HfLine = { id: string; tokens: string[]; ner_tags: string[] }

  it('tags eojeol tokens with BIO (expanded over particles), valid against a datasets-style schema', () => {
    const { out, enc } = encode({ format: 'hf', tokens: 'eojeol' })
    const line = hfLineSchema.parse(JSON.parse(out)) as HfLine
    expect(line.tokens.slice(0, 6)).toEqual(['😀', '샘', '올트먼의', '오픈AI와', '삼성전자는', '4일'])
    expect(line.ner_tags.slice(0, 6)).toEqual(['O', 'B-PERSON', 'I-PERSON', 'B-ORGANISATION', 'B-ORGANISATION', 'B-DATE'])
    expect(enc.classLabels).toEqual(['O', 'B-PERSON', 'I-PERSON', 'B-ORGANISATION', 'I-ORGANISATION', 'B-DATE', 'I-DATE', 'B-MEETING', 'I-MEETING'])
    for (const t of line.ner_tags) expect(enc.classLabels).toContain(t)
    expect(line.tokens).toHaveLength(line.ner_tags.length)
  })

  it('with char tokens every code point is a token, spaces and CR/LF included, and nothing moves', () => {
    const { out, enc, spans } = encode({ format: 'hf', tokens: 'char' })
    const line = hfLineSchema.parse(JSON.parse(out)) as HfLine
    expect(line.tokens).toEqual([...TEXT])
    expect(line.tokens).toContain('\r')
    expect(line.ner_tags.slice(0, 8)).toEqual(['O', 'O', 'B-PERSON', 'I-PERSON', 'I-PERSON', 'I-PERSON', 'I-PERSON', 'O'])
    expect(bioToSpans(tokenize(TEXT, 'char'), line.ner_tags)).toEqual(spans)
    const r = enc.report()
    expect(r.counts['aligned-expanded'] + r.counts['aligned-contracted'] + r.counts['dropped-align']).toBe(0)
    expect(r.counts['dropped-overlap']).toBe(2)
  })

  it('renames with --map and keeps only --labels, in the ClassLabel list too', () => {
    const { out, enc } = encode({ format: 'hf', labels: { map: { ORGANISATION: 'ORG' }, keep: ['PERSON', 'ORG'] } })
    const line = JSON.parse(out) as HfLine
    expect(enc.classLabels).toEqual(['O', 'B-PERSON', 'I-PERSON', 'B-ORG', 'I-ORG'])
    expect(line.ner_tags).not.toContain('B-DATE')
    expect(line.ner_tags).toContain('B-ORG')
    const r = enc.report()
    expect(r.byLabel['removed-label']).toEqual({ DATE: 1, MEETING: 2 })
  })
})
