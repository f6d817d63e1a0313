import { describe, expect, it } from 'vitest'
import { OffsetMap } from '../../src/shared/offsets'
import {
  LossLedger,
  alignToTokens,
  checkLabelOptions,
  formatLossReport,
  murmurhash3_32,
  outputLabels,
  parseLabelList,
  parseLabelMap,
  prepareDocument,
  resolveOverlaps,
  tokenize,
  utf8Bytes,
  validateBio,
  type AlignMode,
  type DatasetSpan,
  type ExportOptions
} from '../../src/shared/dataset'

function at(text: string, needle: string, label = 'PERSON'): DatasetSpan {
  const u = text.indexOf(needle)
  if (u < 0) throw new Error(`${needle} not in text`)
  const start = OffsetMap.of(text).toCodePoint(u)
  return { start, end: start + [...needle].length, label }
}

const slice = (text: string, s: { start: number; end: number }): string => [...text].slice(s.start, s.end).join('')

describe('tokenize', () => {
  it('eojeol: maximal runs of non-whitespace, code point offsets; ZWJ sequences stay whole', () => {
    const text = '👩‍👩‍👧 올트먼의\r\n회장과\u3000𠀀'
    expect(tokenize(text, 'eojeol')).toEqual([
      { start: 0, end: 5, text: '👩‍👩‍👧' },
      { start: 6, end: 10, text: '올트먼의' },
      { start: 12, end: 15, text: '회장과' },
      { start: 16, end: 17, text: '𠀀' }
    ])
  })

  it('char: every code point, whitespace included', () => {
    expect(tokenize('가 😀', 'char').map((t) => t.text)).toEqual(['가', ' ', '😀'])
    expect(tokenize('', 'eojeol')).toEqual([])
  })
})

describe('alignment', () => {
  const text = '😀 샘 올트먼의 오픈AI와 삼성전자는 회장과'
  const tokens = tokenize(text, 'eojeol')
  const align = (needle: string, mode: AlignMode): string | null => {
    const a = alignToTokens(at(text, needle), tokens, mode)
    return a && slice(text, a)
  }

  it('expand takes the whole eojeol, particles included (NAVER NER convention)', () => {
    expect(align('올트먼', 'expand')).toBe('올트먼의')
    expect(align('삼성전자', 'expand')).toBe('삼성전자는')
    expect(align('장', 'expand')).toBe('회장과')
    expect(align('샘 올트먼', 'expand')).toBe('샘 올트먼의')
    expect(align(' 올트먼의 ', 'expand')).toBe('올트먼의')
    expect(align(' ', 'expand')).toBeNull()
  })

  it('contract keeps the tokens wholly inside, or nothing', () => {
    expect(align('올트먼의 오픈', 'contract')).toBe('올트먼의')
    expect(align('올트먼', 'contract')).toBeNull()
    expect(align('샘 올트먼', 'contract')).toBe('샘')
  })

  it('drop keeps only spans already on token boundaries', () => {
    expect(align('올트먼', 'drop')).toBeNull()
    expect(align('올트먼의', 'drop')).toBe('올트먼의')
    expect(align('샘 올트먼의', 'drop')).toBe('샘 올트먼의')
    expect(align(' 올트먼의', 'drop')).toBeNull()
  })

  it('reports token ranges with an inclusive end', () => {
    expect(alignToTokens(at(text, '샘 올트먼'), tokens, 'expand')).toEqual({ start: 2, end: 8, tokenStart: 1, tokenEnd: 2 })
  })

  it('counts each case in the ledger for prodigy', () => {
    const spans = [at(text, '올트먼'), at(text, '삼성전자', 'ORGANISATION'), at(text, '오픈AI와', 'ORGANISATION'), { start: 1, end: 2, label: 'DATE' }]
    for (const [mode, expected] of [
      ['expand', { kept: 1, 'aligned-expanded': 2, 'dropped-align': 1 }],
      ['contract', { kept: 1, 'dropped-align': 3 }],
      ['drop', { kept: 1, 'dropped-align': 3 }]
    ] as const) {
      const ledger = new LossLedger()
      const p = prepareDocument({ id: 'd', text, meta: {} }, spans, { format: 'prodigy', tokens: 'eojeol', align: mode }, ledger)
      const r = ledger.report()
      expect(r.inputSpans).toBe(4)
      expect(Object.fromEntries(Object.entries(r.counts).filter(([, n]) => n > 0))).toEqual(expected)
      expect(p.spans).toHaveLength(r.writtenSpans)
    }
  })
})

describe('overlaps', () => {
  const r = (start: number, end: number, label: string, order: number) => ({ start, end, label, order })

  it('keeps the longest, then the earlier start, then the smaller label, then input order', () => {
    expect(resolveOverlaps([r(0, 2, 'A', 0), r(1, 5, 'B', 1)]).kept).toEqual([r(1, 5, 'B', 1)])
    expect(resolveOverlaps([r(2, 6, 'A', 0), r(0, 4, 'B', 1)]).kept).toEqual([r(0, 4, 'B', 1)])
    expect(resolveOverlaps([r(0, 4, 'ORG', 0), r(0, 4, 'DATE', 1)]).kept).toEqual([r(0, 4, 'DATE', 1)])
    const dup = resolveOverlaps([r(0, 4, 'A', 0), r(0, 4, 'A', 1)])
    expect(dup.kept).toEqual([r(0, 4, 'A', 0)])
    expect(dup.dropped).toEqual([{ span: r(0, 4, 'A', 1), by: r(0, 4, 'A', 0) }])
  })

  it('keeps touching spans and returns kept spans in input order', () => {
    const res = resolveOverlaps([r(4, 6, 'B', 0), r(0, 4, 'A', 1), r(3, 5, 'C', 2)])
    expect(res.kept).toEqual([r(4, 6, 'B', 0), r(0, 4, 'A', 1)])
    expect(res.dropped.map((d) => d.span.label)).toEqual(['C'])
  })

  it('drops spans that become the same after expansion, with the span kept instead', () => {
    const text = '최태원 SK그룹 회장과'
    const ledger = new LossLedger()
    const p = prepareDocument({ id: 'd', text, meta: {} }, [at(text, '회장', 'PERSON'), at(text, '회장과', 'PERSON')], { format: 'hf', tokens: 'eojeol' }, ledger)
    expect(p.spans).toEqual([{ start: 9, end: 12, label: 'PERSON', tokenStart: 2, tokenEnd: 2 }])
    const rep = ledger.report()
    expect(rep.counts).toMatchObject({ kept: 1, 'dropped-overlap': 1 })
    expect(rep.examples[0]).toMatchObject({ outcome: 'dropped-overlap', text: '회장', keptInstead: { start: 9, end: 12, label: 'PERSON' } })
  })
})

describe('label options', () => {
  it('parses --map and --labels and refuses malformed values', () => {
    expect(parseLabelMap('ORGANISATION=ORG, MEETING=EVENT')).toEqual({ ORGANISATION: 'ORG', MEETING: 'EVENT' })
    expect(() => parseLabelMap('ORGANISATION')).toThrow(/FROM=TO/)
    expect(() => parseLabelMap('=ORG')).toThrow(/FROM=TO/)
    expect(() => parseLabelMap('A=B,A=C')).toThrow(/twice/)
    expect(parseLabelList('PERSON, ORG,PERSON')).toEqual(['PERSON', 'ORG'])
    expect(() => parseLabelList(' , ')).toThrow(/at least one/)
  })

  it('lists output labels in project order, merged by --map, filtered by --labels, as KLUE tags for klue', () => {
    const project = ['PERSON', 'ORGANISATION', 'DATE', 'MEETING']
    const opts = (format: ExportOptions['format'], labels?: ExportOptions['labels']): ExportOptions => ({ format, labels })
    expect(outputLabels(project, opts('hf', { map: { MEETING: 'EVENT', DATE: 'EVENT' } }))).toEqual(['PERSON', 'ORGANISATION', 'EVENT'])
    expect(outputLabels(project, opts('hf', { keep: ['DATE', 'PERSON'] }))).toEqual(['PERSON', 'DATE'])
    expect(outputLabels(project, opts('klue'))).toEqual(['PS', 'OG', 'DT', 'EV'])
    expect(outputLabels(project, opts('klue', { keep: ['PERSON'] }))).toEqual(['PS'])
    expect(checkLabelOptions(project, { map: { ORG: 'X' }, keep: ['ORGANISATION', 'NOPE'] })).toHaveLength(2)
    expect(checkLabelOptions(project, { map: { ORGANISATION: 'ORG' }, keep: ['ORG'] })).toEqual([])
  })

  it('counts removed spans per label in every format, doccano included', () => {
    const text = '샘 올트먼 4일 회동'
    const ledger = new LossLedger()
    const spans = [at(text, '샘 올트먼'), at(text, '4일', 'DATE'), at(text, '회동', 'MEETING')]
    const p = prepareDocument({ id: 'd', text, meta: {} }, spans, { format: 'doccano', labels: { map: { PERSON: 'PER' }, keep: ['PER'] } }, ledger)
    expect(p.spans).toEqual([{ ...at(text, '샘 올트먼'), label: 'PER' }])
    const r = ledger.report()
    expect(r.byLabel['removed-label']).toEqual({ DATE: 1, MEETING: 1 })
    expect(r.byLabel.kept).toEqual({ PER: 1 })
  })
})

describe('loss ledger', () => {
  it('balances input against outcomes and prints every case with examples', () => {
    const text = '😀 샘 올트먼의 오픈AI와'
    const ledger = new LossLedger({ examplesPerOutcome: 1 })
    const spans = [at(text, '올트먼'), at(text, '트먼의'), at(text, '오픈AI', 'DATE'), at(text, '오픈', 'ORGANISATION')]
    prepareDocument({ id: 'news-9', text, meta: {} }, spans, { format: 'prodigy', tokens: 'eojeol', labels: { keep: ['PERSON', 'ORGANISATION'] } }, ledger)
    const r = ledger.report()
    expect(r).toMatchObject({ inputSpans: 4, writtenSpans: 2, lostSpans: 2 })
    expect(r.counts).toMatchObject({ 'aligned-expanded': 2, 'dropped-overlap': 1, 'removed-label': 1 })
    expect(r.examples.filter((e) => e.outcome === 'aligned-expanded')).toHaveLength(1)
    const lines = formatLossReport(r)
    expect(lines[0]).toBe('4 spans in, 2 written, 2 not written.')
    expect(lines.join('\n')).toMatch(/dropped-overlap: 1 .*PERSON 1/)
    expect(lines.join('\n')).toContain('news-9 9..13 DATE "오픈AI": DATE is not in --labels (PERSON,ORGANISATION)')
  })

  it('throws when a span has no outcome', () => {
    const ledger = new LossLedger()
    ledger.addInput(1)
    expect(() => ledger.report()).toThrow(/accounting is broken/)
  })
})

describe('BIO validation', () => {
  it('accepts valid sequences and names the bad tag otherwise', () => {
    expect(() => validateBio(['O', 'B-PS', 'I-PS', 'B-PS', 'B-OG', 'I-OG', 'O'])).not.toThrow()
    expect(() => validateBio(['I-PS'], 'doc 1')).toThrow('doc 1: tag 1 I-PS follows the start; an I-PS must continue a B-PS or I-PS.')
    expect(() => validateBio(['B-PS', 'I-OG'])).toThrow(/tag 2 I-OG follows B-PS/)
    expect(() => validateBio(['B-PS', 'O', 'I-PS'])).toThrow(/follows O/)
    expect(() => validateBio(['PS'])).toThrow(/not O, B-X or I-X/)
    expect(() => validateBio(['B-'])).toThrow(/not O, B-X or I-X/)
  })
})

describe('MurmurHash3 x86_32', () => {
  it('matches the reference vectors (signed, like Python mmh3.hash)', () => {
    expect(murmurhash3_32('')).toBe(0)
    expect(murmurhash3_32('', 1)).toBe(0x514e28b7)
    expect(murmurhash3_32('hello')).toBe(0x248bfa47)
    expect(murmurhash3_32('Hello, world!')).toBe(0xc0363e43 | 0)
    expect(murmurhash3_32('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723)
    expect(murmurhash3_32('foo')).toBe(-156908512)
  })

  it('hashes UTF-8: Hangul, astral characters, a lone surrogate as U+FFFD', () => {
    expect([...utf8Bytes('가😀')]).toEqual([0xea, 0xb0, 0x80, 0xf0, 0x9f, 0x98, 0x80])
    expect([...utf8Bytes('\ud800x')]).toEqual([0xef, 0xbf, 0xbd, 0x78])
    expect(murmurhash3_32('가😀')).toBe(murmurhash3_32(utf8Bytes('가😀')))
  })
})
