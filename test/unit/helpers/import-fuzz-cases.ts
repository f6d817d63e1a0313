/**
 * Malformed import files for the importer fuzz test: a few good lines in one
 * format with exactly one defect injected at a known line, so the test can
 * demand that the refusal names that file and that line.
 */

export type FuzzFormat = 'auto' | 'spanmark' | 'doccano' | 'prodigy'
type LineFormat = 'spanmark' | 'doccano' | 'prodigy'

export const DEFECTS = [
  'invalid-utf8',
  'nul-byte',
  'truncated-line',
  'truncated-file',
  'wrong-type',
  'missing-field',
  'negative-offset',
  'reversed-offsets',
  'empty-span',
  'offset-past-end',
  'fractional-offset',
  'unknown-label',
  'empty-label',
  'duplicate-id-in-file',
  'duplicate-id-in-project',
  'empty-id',
  'huge-id',
  'enormous-garbage-line',
  'bom-later-line',
  'span-text-mismatch',
  'non-object-line',
  'trailing-garbage',
  'lone-surrogate',
  'escaped-nul',
  'bad-annotator',
  'other-format-line'
] as const
export type Defect = (typeof DEFECTS)[number] | 'empty-file'

export interface FuzzCase {
  bytes: Uint8Array
  /** The 1-based line the refusal must name; null: the file as a whole (an empty file). */
  line: number | null
  /** What the case is, for failure messages. */
  label: string
}

/** A small seeded generator (mulberry32), so every case is reproducible from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T
  return { next, int, pick }
}
type Rng = ReturnType<typeof rng>

const SENTENCES = [
  '최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자가 4일 서울에서 만났다.',
  '삼성전자는 3월 15일 정기 주주총회를 열었다 😀 회의는 두 시간 걸렸다.',
  '𠀀𠀁 한자 확장 문자와 👩‍👩‍👧 가족 이모지가 섞인 문장.',
  'KBS 뉴스: 국회 본회의가 12월 2일 오후 열린다.\r\n둘째 줄.',
  'Plain ASCII line about the Bank of Korea meeting on Monday.'
]
export const LABELS = ['PERSON', 'ORGANISATION', 'DATE', 'MEETING'] as const

interface GoodDoc {
  id: string
  text: string
  /** Code point spans. */
  spans: { start: number; end: number; label: string }[]
}

function goodDoc(r: Rng, id: string): GoodDoc {
  const text = `${r.pick(SENTENCES)} ${id}`
  const cps = [...text]
  const spans = Array.from({ length: r.int(0, 3) }, () => {
    const start = r.int(0, cps.length - 2)
    return { start, end: r.int(start + 1, Math.min(cps.length, start + 12)), label: r.pick(LABELS) }
  })
  return { id, text, spans }
}

const utf16 = (text: string, cp: number): number => [...text].slice(0, cp).join('').length
const cpSlice = (text: string, s: number, e: number): string => [...text].slice(s, e).join('')

/** One good line of `format`, as an object (so defects can edit it). */
function encode(doc: GoodDoc, format: LineFormat): Record<string, unknown> {
  if (format === 'doccano') {
    return { id: doc.id, text: doc.text, label: doc.spans.map((s) => [utf16(doc.text, s.start), utf16(doc.text, s.end), s.label]) }
  }
  const spans = doc.spans.map((s) => ({ ...s, text: cpSlice(doc.text, s.start, s.end) }))
  if (format === 'prodigy') return { text: doc.text, meta: { id: doc.id, source: 'fuzz' }, spans, answer: 'accept' }
  return { id: doc.id, text: doc.text, meta: { source: 'fuzz' }, spans }
}

/** A good file: `n` lines of one format, each ending in \n (or \r\n). */
export function goodFile(r: Rng, format: LineFormat, n: number, prefix: string): { lines: Record<string, unknown>[]; docs: GoodDoc[] } {
  const docs = Array.from({ length: n }, (_, i) => goodDoc(r, `${prefix}-${i}`))
  return { docs, lines: docs.map((d) => encode(d, format)) }
}

const enc = new TextEncoder()

function spansKey(format: LineFormat): 'spans' | 'label' {
  return format === 'doccano' ? 'label' : 'spans'
}

/** Makes sure line `obj` has at least one span and returns it (as stored in the line). */
function firstSpan(obj: Record<string, unknown>, format: LineFormat, r: Rng): unknown[] | Record<string, unknown> {
  const key = spansKey(format)
  let spans = obj[key] as unknown[]
  if (spans.length === 0) {
    const text = obj.text as string
    const cps = [...text]
    const start = r.int(0, cps.length - 2)
    const s = { start, end: start + 1, label: r.pick(LABELS) }
    spans = [format === 'doccano' ? [utf16(text, s.start), utf16(text, s.end), s.label] : { ...s, text: cpSlice(text, s.start, s.end) }]
    obj[key] = spans
  }
  return spans[r.int(0, spans.length - 1)] as unknown[] | Record<string, unknown>
}

function setOffsets(span: unknown[] | Record<string, unknown>, start: unknown, end: unknown): void {
  if (Array.isArray(span)) {
    span[0] = start
    span[1] = end
  } else {
    span.start = start
    span.end = end
    delete span.text
  }
}

function setLabel(span: unknown[] | Record<string, unknown>, label: unknown): void {
  if (Array.isArray(span)) span[2] = label
  else span.label = label
}

function setId(obj: Record<string, unknown>, format: LineFormat, id: unknown): void {
  if (format === 'prodigy') (obj.meta as Record<string, unknown>).id = id
  else obj.id = id
}

/** Edits one line object in place for a defect that can be written as JSON; returns raw text for the others. */
function breakLine(defect: Defect, obj: Record<string, unknown>, format: LineFormat, r: Rng, ctx: { earlier: GoodDoc | undefined; existing: { id: string; text: string } }): string | Uint8Array | null {
  const json = JSON.stringify(obj)
  const len = [...(obj.text as string)].length
  const u16 = (obj.text as string).length
  switch (defect) {
    case 'invalid-utf8': {
      const bytes = enc.encode(json)
      const at = r.int(0, bytes.length)
      const bad = r.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xea, 0xb0], [0xf4, 0x90, 0x80, 0x80], [0x80]])
      return new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)])
    }
    case 'nul-byte': {
      const bytes = enc.encode(json)
      const at = r.int(0, bytes.length)
      return new Uint8Array([...bytes.subarray(0, at), 0, ...bytes.subarray(at)])
    }
    case 'truncated-line':
    case 'truncated-file':
      return json.slice(0, r.int(1, json.length - 1))
    case 'wrong-type': {
      const choices: (() => void)[] = [
        () => (obj.text = r.pick([42, null, ['a'], { t: 1 }, true])),
        () => (obj[spansKey(format)] = r.pick(['PERSON', 7, { 0: 1 }])),
        () => setLabel(firstSpan(obj, format, r), r.pick([5, null, ['PERSON'], { k: 'PERSON' }])),
        () => setOffsets(firstSpan(obj, format, r), r.pick(['0', null, true, [1]]), 1),
      ]
      if (format !== 'doccano') choices.push(() => (obj.meta = r.pick([[1, 2], 'meta', 3])))
      if (format !== 'prodigy') choices.push(() => setId(obj, format, r.pick([1.5, true, null, ['x'], { id: 'x' }])))
      if (format === 'prodigy') choices.push(() => (obj._input_hash = r.pick(['h', 1.5])))
      if (format === 'doccano') choices.push(() => (obj.label = [r.pick([[0, 1], [0, 1, 'PERSON', 4], 'x', [0, '1', 'DATE']])]))
      r.pick(choices)()
      return null
    }
    case 'missing-field':
      if (format === 'prodigy' || r.next() < 0.5) delete obj.text
      else delete obj.id
      return null
    case 'negative-offset':
      setOffsets(firstSpan(obj, format, r), -r.int(1, 5), r.int(0, 3))
      return null
    case 'reversed-offsets': {
      const s = r.int(1, Math.min(len, u16) - 1)
      setOffsets(firstSpan(obj, format, r), s, r.int(0, s - 1))
      return null
    }
    case 'empty-span': {
      const s = r.int(0, len - 1)
      setOffsets(firstSpan(obj, format, r), s, s)
      return null
    }
    case 'offset-past-end': {
      const max = format === 'doccano' ? u16 : len
      setOffsets(firstSpan(obj, format, r), r.int(0, max - 1), r.pick([max + 1, max + r.int(2, 1000), 2 ** 40, Number.MAX_SAFE_INTEGER]))
      return null
    }
    case 'fractional-offset':
      setOffsets(firstSpan(obj, format, r), r.pick([0.5, 1.25]), 3)
      return null
    case 'unknown-label':
      setLabel(firstSpan(obj, format, r), r.pick(['NOT_A_LABEL', 'person', 'PER', 'LOC', '사람']))
      return null
    case 'empty-label':
      setLabel(firstSpan(obj, format, r), '')
      return null
    case 'duplicate-id-in-file':
      setId(obj, format, ctx.earlier?.id)
      obj.text = `${obj.text as string} (다른 판)`
      return null
    case 'duplicate-id-in-project':
      setId(obj, format, ctx.existing.id)
      obj.text = `${ctx.existing.text}!`
      obj[spansKey(format)] = []
      return null
    case 'empty-id':
      setId(obj, format, format === 'prodigy' ? r.pick(['', true, { id: 1 }, [7]]) : '')
      return null
    case 'huge-id':
      setId(obj, format, 'x'.repeat(r.int(513, 5000)))
      return null
    case 'enormous-garbage-line':
      return `{"id":"big","text":"${'가'.repeat(r.int(100_000, 300_000))}`
    case 'bom-later-line':
      return '\ufeff' + json
    case 'span-text-mismatch': {
      if (format === 'doccano') {
        // doccano spans carry no text; the nearest defect is a UTF-16 offset inside an emoji.
        obj.text = `😀${obj.text as string}`
        obj.label = [[1, 3, 'PERSON']]
        return null
      }
      const span = firstSpan(obj, format, r) as Record<string, unknown>
      span.text = `${String(span.text ?? '')}X`
      return null
    }
    case 'non-object-line':
      return r.pick(['5', '"a string"', 'null', 'true', '[]', `[${json}]`, '-0', '{}'])
    case 'trailing-garbage':
      return r.pick([`${json} x`, `${json}${json}`, `${json},`, `${json}]`])
    case 'lone-surrogate':
      return json.replace(/"text":"/, `"text":"${r.pick(['\\ud800', '\\udfff', 'a\\ud83d'])}`)
    case 'escaped-nul':
      return json.replace(/"text":"/, '"text":"\\u0000')
    case 'bad-annotator':
      obj.annotator = r.pick(['', '   ', 'a\u0001b', 'x'.repeat(65), 7])
      return null
    case 'other-format-line': {
      const other: LineFormat = format === 'doccano' ? 'spanmark' : 'doccano'
      const doc = goodDoc(r, `other-${r.int(0, 1e6)}`)
      doc.spans = [{ start: 0, end: 1, label: 'PERSON' }]
      return JSON.stringify(encode(doc, other))
    }
    case 'empty-file':
      return null
  }
}

/** Formats whose lines can hold the defect; `other-format-line` only makes sense when the format is told from the file. */
export function applies(defect: Defect, format: FuzzFormat): boolean {
  if (defect === 'other-format-line') return format === 'auto'
  if (defect === 'bad-annotator') return format === 'spanmark'
  return true
}

/**
 * A file of 1–6 good lines with `defect` at a random line. Line endings are
 * \n or \r\n; blank lines may sit between lines (they count for line numbers).
 */
export function makeCase(format: FuzzFormat, defect: Defect, seed: number, existing: { id: string; text: string }): FuzzCase {
  const r = rng(seed)
  if (defect === 'empty-file') {
    const bytes = r.pick([[], [0x0a], [0x20, 0x0a, 0x0d, 0x0a], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x0a, 0x0a]])
    return { bytes: new Uint8Array(bytes), line: null, label: `${format}/${defect}/${seed}` }
  }
  const lineFormat: LineFormat = format === 'auto' ? r.pick(['spanmark', 'doccano', 'prodigy'] as const) : format
  const needsEarlier = defect === 'duplicate-id-in-file' || defect === 'bom-later-line' || defect === 'other-format-line'
  const n = r.int(needsEarlier ? 2 : 1, 6)
  const { lines, docs } = goodFile(r, lineFormat, n, `fz${seed}`)
  const k = defect === 'truncated-file' ? n : r.int(needsEarlier ? 2 : 1, n)
  const raw = breakLine(defect, lines[k - 1] as Record<string, unknown>, lineFormat, r, { earlier: docs[r.int(0, k - 2)], existing })
  const eol = r.next() < 0.3 ? '\r\n' : '\n'
  const parts: Uint8Array[] = []
  let line = 0
  let badLine = 0
  lines.forEach((obj, i) => {
    if (i > 0 && r.next() < 0.15) {
      parts.push(enc.encode(eol))
      line++
    }
    line++
    if (i === k - 1) badLine = line
    const body = i === k - 1 && raw !== null ? raw : JSON.stringify(obj)
    parts.push(typeof body === 'string' ? enc.encode(body) : body)
    if (!(defect === 'truncated-file' && i === n - 1)) parts.push(enc.encode(eol))
  })
  const bytes = new Uint8Array(Buffer.concat(parts))
  return { bytes, line: badLine, label: `${format}(${lineFormat})/${defect}/${seed} at line ${badLine}` }
}
