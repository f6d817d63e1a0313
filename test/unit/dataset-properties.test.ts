import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSpans } from '../../src/shared/canonical-jsonl'
import {
  DatasetEncoder,
  KLUE_DEFAULT_TAGS,
  SPAN_OUTCOMES,
  bioToSpans,
  decodeJsonl,
  decodeKlue,
  splitSentences,
  tokenize,
  type AlignMode,
  type DatasetDoc,
  type DatasetSpan,
  type ExportOptions,
  type LabelOptions,
  type ReviewStatus,
  type SpanOutcome
} from '../../src/shared/dataset'

// Hangul (with particles), ASCII, spaces, tabs, CRLF, sentence ends, emoji (a ZWJ family), astral Hanja.
const PIECES = ['가', '나', '한', '국', '의', '는', '과', ' ', ' ', 'a', 'Z', '1', '.', '!', '?', '\r\n', '\n', '\t', '\u3000', '😀', '👩‍👩‍👧', '𠀀', '𪚥', '\u200d']
const LABELS = ['PERSON', 'ORGANISATION', 'DATE', 'MEETING']
const RUNS = { numRuns: 300 }

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''))

/** Random spans anywhere: overlapping, nested, duplicated, on whitespace. */
function spansArb(text: string): fc.Arbitrary<DatasetSpan[]> {
  const n = [...text].length
  if (n === 0) return fc.constant([])
  const span = fc
    .record({ start: fc.nat(n - 1), len: fc.integer({ min: 1, max: Math.min(n, 12) }), label: fc.constantFrom(...LABELS) })
    .map(({ start, len, label }) => ({ start, end: Math.min(n, start + len), label }))
  return fc.array(span, { maxLength: 10 })
}

const docArb = fc
  .record({
    n: fc.nat(999),
    text: textArb,
    meta: fc.dictionary(fc.constantFrom('source', 'url', '제목'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 2 }),
    status: fc.constantFrom<ReviewStatus | undefined>(undefined, 'unreviewed', 'in_review', 'reviewed')
  })
  .chain(({ n, text, meta, status }) => fc.tuple(fc.constant<DatasetDoc>({ id: `news-${n}`, text, meta, status }), spansArb(text)))

/** Token-aligned, pairwise disjoint spans over eojeol tokens. */
const alignedDocArb = textArb.chain((text) => {
  const tokens = tokenize(text, 'eojeol')
  const plan = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...LABELS)), { minLength: tokens.length, maxLength: tokens.length })
  return plan.map((steps) => {
    const spans: DatasetSpan[] = []
    let open: DatasetSpan | null = null
    steps.forEach(([step, label], i) => {
      const t = tokens[i] as { start: number; end: number }
      if (step === 2 && open) open.end = t.end
      else if (step >= 1) spans.push((open = { start: t.start, end: t.end, label }))
      else open = null
    })
    return { doc: { id: 'doc', text, meta: {} } as DatasetDoc, spans }
  })
})

const labelOptionsArb = fc.constantFrom<LabelOptions | undefined>(undefined, { map: { ORGANISATION: 'ORG' } }, { keep: ['PERSON', 'DATE'] }, { map: { MEETING: 'DATE' }, keep: ['DATE', 'ORGANISATION'] })

const sorted = (spans: readonly DatasetSpan[]): DatasetSpan[] => spans.map((s) => ({ start: s.start, end: s.end, label: s.label })).sort(compareSpans)

function decodeOne(output: string, options?: ExportOptions): ReturnType<typeof decodeJsonl>['docs'][number] {
  const r = decodeJsonl(output, options?.format === 'doccano' ? { format: 'doccano', offsets: options.offsets } : {})
  expect(r.problems).toEqual([])
  expect(r.docs).toHaveLength(1)
  return r.docs[0] as ReturnType<typeof decodeJsonl>['docs'][number]
}

describe('round trips (property-based)', () => {
  it('spanmark gives back the same document, meta, status and spans, overlaps included', () => {
    fc.assert(
      fc.property(docArb, ([doc, spans]) => {
        const enc = new DatasetEncoder({ format: 'spanmark', annotator: 'gold' }, LABELS)
        const back = decodeOne(enc.encode(doc, spans).output)
        expect(back).toEqual({ id: doc.id, text: doc.text, meta: doc.meta, annotator: 'gold', status: doc.status, spans: sorted(spans) })
        expect(enc.report().counts.kept).toBe(spans.length)
      }),
      RUNS
    )
  })

  it('doccano gives back the same document and spans with UTF-16 and with code point offsets', () => {
    fc.assert(
      fc.property(docArb, fc.constantFrom('utf16' as const, 'codepoint' as const), ([doc, spans], offsets) => {
        const options: ExportOptions = { format: 'doccano', offsets }
        const back = decodeOne(new DatasetEncoder(options).encode(doc, spans).output, options)
        expect(back).toEqual({ id: doc.id, text: doc.text, meta: {}, spans: sorted(spans) })
      }),
      RUNS
    )
  })

  it('prodigy and hf (eojeol) give back token-aligned, disjoint spans exactly', () => {
    fc.assert(
      fc.property(alignedDocArb, ({ doc, spans }) => {
        const prodigy = new DatasetEncoder({ format: 'prodigy' })
        const back = decodeOne(prodigy.encode(doc, spans).output)
        expect(back).toMatchObject({ id: doc.id, text: doc.text, meta: {}, answer: 'accept', spans: sorted(spans) })
        expect(prodigy.report().lostSpans + prodigy.report().counts['aligned-expanded']).toBe(0)
        const hf = new DatasetEncoder({ format: 'hf', tokens: 'eojeol' })
        const line = JSON.parse(hf.encode(doc, spans).output) as { ner_tags: string[] }
        expect(bioToSpans(tokenize(doc.text, 'eojeol'), line.ner_tags)).toEqual(sorted(spans))
      }),
      RUNS
    )
  })

  for (const format of ['prodigy', 'hf-eojeol', 'hf-char', 'hf-morph', 'klue'] as const) {
    it(`${format}: what is read back equals the aligned, overlap-resolved spans, and the losses account for every difference`, () => {
      fc.assert(
        fc.property(docArb, fc.constantFrom<AlignMode>('expand', 'contract', 'drop'), labelOptionsArb, ([doc, spans], align, labels) => {
          const options: ExportOptions =
            format === 'hf-eojeol' || format === 'hf-char' || format === 'hf-morph'
              ? { format: 'hf', tokens: format === 'hf-char' ? 'char' : format === 'hf-morph' ? 'morph' : 'eojeol', align, labels }
              : format === 'prodigy'
                ? { format, tokens: 'eojeol', align, labels }
                : { format, align, labels }
          const enc = new DatasetEncoder(options, LABELS)
          const { output, spans: written } = enc.encode(doc, spans)
          const want = reference(doc.text, spans, options)
          expect(written).toEqual(want.spans)
          expect(readBack(doc, output, options)).toEqual(want.spans)
          const report = enc.report()
          for (const o of SPAN_OUTCOMES) expect(report.counts[o]).toBe(want.counts[o] ?? 0)
          expect(report.inputSpans).toBe(spans.length)
          expect(report.writtenSpans).toBe(written.length)
          expect(report.inputSpans).toBe(report.writtenSpans + report.lostSpans)
        }),
        RUNS
      )
    })
  }
})

/** Spans read back from an encoded token-format document, in code points. */
function readBack(doc: DatasetDoc, output: string, options: ExportOptions): DatasetSpan[] {
  if (options.format === 'prodigy') return decodeOne(output).spans
  if (options.format === 'hf') {
    const line = JSON.parse(output) as { tokens: string[]; ner_tags: string[] }
    return bioToSpans(tokenize(doc.text, options.tokens ?? 'eojeol'), line.ner_tags)
  }
  const sentences = splitSentences(doc.text)
  return decodeKlue(output).flatMap((s, i) => s.spans.map((x) => ({ start: x.start + (sentences[i]?.start ?? NaN), end: x.end + (sentences[i]?.start ?? NaN), label: x.label })))
}

/**
 * An independent, per-code-point model of the token formats: label options,
 * alignment, KLUE sentences, keep-the-longest. Deliberately naive.
 */
function reference(text: string, spans: readonly DatasetSpan[], options: ExportOptions): { spans: DatasetSpan[]; counts: Partial<Record<SpanOutcome, number>> } {
  const cps = [...text]
  const counts: Partial<Record<SpanOutcome, number>> = {}
  const count = (o: SpanOutcome): void => void (counts[o] = (counts[o] ?? 0) + 1)
  // token id of every code point, -1 outside tokens; sentence id for klue
  const tokenId: number[] = []
  const sentenceId: number[] = cps.map(() => -1)
  if (options.format === 'klue') {
    splitSentences(text).forEach((r, k) => {
      for (let i = r.start; i < r.end; i++) sentenceId[i] = k
    })
    cps.forEach((_, i) => tokenId.push(sentenceId[i] === -1 ? -1 : i))
  } else if (options.format === 'hf' && options.tokens === 'char') cps.forEach((_, i) => tokenId.push(i))
  else if (options.tokens === 'morph') {
    // The morph split itself is tokenize's (tested on its own); the alignment below stays independent.
    cps.forEach(() => tokenId.push(-1))
    tokenize(text, 'morph').forEach((t, k) => {
      for (let i = t.start; i < t.end; i++) tokenId[i] = k
    })
  } else {
    let t = -1
    cps.forEach((c, i) => {
      const ws = /^\s$/u.test(c)
      if (!ws && (i === 0 || tokenId[i - 1] === -1)) t++
      tokenId.push(ws ? -1 : t)
    })
  }
  const tokStart = (i: number): number => (i > 0 && tokenId[i - 1] === tokenId[i] ? tokStart(i - 1) : i)
  const tokEnd = (i: number): number => (i + 1 < cps.length && tokenId[i + 1] === tokenId[i] ? tokEnd(i + 1) : i + 1)
  const rename: Readonly<Record<string, string>> = options.format === 'klue' ? KLUE_DEFAULT_TAGS : {}
  const mode = options.align ?? 'expand'
  const candidates: { start: number; end: number; label: string; order: number; moved: boolean }[] = []
  spans.forEach((s, order) => {
    const mapped = options.labels?.map?.[s.label] ?? s.label
    if (options.labels?.keep && !options.labels.keep.includes(mapped)) return count('removed-label')
    const label = rename[mapped] ?? mapped
    const inSpan = cps.map((_, i) => i).filter((i) => i >= s.start && i < s.end && tokenId[i] !== -1)
    const picked = mode === 'contract' ? inSpan.filter((i) => tokStart(i) >= s.start && tokEnd(i) <= s.end) : inSpan
    if (picked.length === 0) return count('dropped-align')
    const start = tokStart(picked[0] as number)
    const end = tokEnd(picked[picked.length - 1] as number)
    if (mode === 'drop' && (start !== s.start || end !== s.end)) return count('dropped-align')
    if (options.format === 'klue' && sentenceId[start] !== sentenceId[end - 1]) return count('dropped-sentence')
    candidates.push({ start, end, label, order, moved: start !== s.start || end !== s.end })
  })
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || Number(a.moved) - Number(b.moved) || a.order - b.order)
  const taken = cps.map(() => false)
  const out: DatasetSpan[] = []
  for (const c of candidates) {
    if (taken.slice(c.start, c.end).some(Boolean)) {
      count('dropped-overlap')
      continue
    }
    for (let i = c.start; i < c.end; i++) taken[i] = true
    count(!c.moved ? 'kept' : mode === 'contract' ? 'aligned-contracted' : 'aligned-expanded')
    out.push({ start: c.start, end: c.end, label: c.label })
  }
  return { spans: out.sort(compareSpans), counts }
}
