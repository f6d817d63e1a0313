import { describe, expect, it } from 'vitest'
import { computeAgreement, type AgreementDocument, type AgreementSpan } from '../../src/shared/agreement'

const sp = (start: number, end: number, label: string): AgreementSpan => ({ start, end, label })
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
const doc = (layers: Record<string, AgreementSpan[]>, id = 'd1', text = ALPHABET): AgreementDocument => ({ id, text, layers })
const two = (a: AgreementSpan[], b: AgreementSpan[], labels = ['P', 'L']) =>
  computeAgreement({ annotators: ['a', 'b'], labels, documents: [doc({ a, b })] })

describe('exact-match F1', () => {
  it('is 2|A∩B| / (|A| + |B|) over (start, end, label)', () => {
    // A has 3 spans, B has 2, one identical ([0,3) P) → F1 = 2·1/5 = 0.4
    const r = two([sp(0, 3, 'P'), sp(5, 8, 'P'), sp(10, 12, 'L')], [sp(0, 3, 'P'), sp(5, 9, 'P')])
    expect(r.overall.exact_f1).toBeCloseTo(0.4, 12)
    expect(r.pairs[0]).toMatchObject({ a: 'a', b: 'b', spans_a: 3, spans_b: 2, exact_matches: 1 })
    // P: A has 2, B has 2, 1 identical → 2·1/4 = 0.5; L: A has 1, B has 0 → 0
    expect(r.labels.P?.exact_f1).toBeCloseTo(0.5, 12)
    expect(r.labels.L?.exact_f1).toBe(0)
    expect(r.labels.L?.spans).toEqual({ a: 1, b: 0 })
  })

  it('needs the label to agree too', () => {
    // same boundaries, other label: 0 matches → 2·0/2 = 0
    expect(two([sp(0, 3, 'P')], [sp(0, 3, 'L')]).overall.exact_f1).toBe(0)
  })

  it('counts a duplicated span of one layer once', () => {
    // A = {[0,3) P} after dedup, B = {[0,3) P, [4,6) P} → 2·1/3
    const r = two([sp(0, 3, 'P'), sp(0, 3, 'P')], [sp(0, 3, 'P'), sp(4, 6, 'P')])
    expect(r.overall.exact_f1).toBeCloseTo(2 / 3, 12)
    expect(r.overall.spans).toEqual({ a: 1, b: 2 })
    expect(r.documents[0]?.spans).toEqual({ a: 1, b: 2 })
  })

  it('pools all documents of a pair before dividing (micro over documents)', () => {
    // d1: A 1 span, B 1 span, 1 match; d2: A 3 spans, B 0 → 2·1/(4 + 1) = 0.4 (not the mean 0.5 of 1 and 0)
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [doc({ a: [sp(0, 2, 'P')], b: [sp(0, 2, 'P')] }, 'd1'), doc({ a: [sp(0, 1, 'P'), sp(2, 3, 'P'), sp(4, 5, 'P')] }, 'd2')]
    })
    expect(r.overall.exact_f1).toBeCloseTo(0.4, 12)
    expect(r.documents.map((d) => [d.id, d.exact_f1])).toEqual([
      ['d2', 0],
      ['d1', 1]
    ])
  })
})

describe('overlap F1', () => {
  it('matches overlapping spans with the same label', () => {
    // [5,8) and [5,9) overlap and are both P → 2 matches of 3 + 2 spans: 2·2/5 = 0.8
    const r = two([sp(0, 3, 'P'), sp(5, 8, 'P'), sp(10, 12, 'L')], [sp(0, 3, 'P'), sp(5, 9, 'P')])
    expect(r.overall.overlap_f1).toBeCloseTo(0.8, 12)
    expect(r.pairs[0]?.overlap_matches).toBe(2)
    // P: 2 matches of 2 + 2 → 1; L: 0
    expect(r.labels.P?.overlap_f1).toBe(1)
    expect(r.labels.L?.overlap_f1).toBe(0)
  })

  it('does not match spans that only touch, or overlap with another label', () => {
    // [0,3) and [3,6) share no character; [10,14) P vs [12,16) L differ in label → 0 matches
    expect(two([sp(0, 3, 'P'), sp(10, 14, 'P')], [sp(3, 6, 'P'), sp(12, 16, 'L')]).overall.overlap_f1).toBe(0)
  })

  it('matches each span at most once, largest overlap first', () => {
    // A [0,10) overlaps B [0,4) by 4 and B [3,10) by 7: it takes [3,10); [0,4) stays unmatched
    // → 1 match of 1 + 2 spans: 2·1/3
    const r = two([sp(0, 10, 'P')], [sp(0, 4, 'P'), sp(3, 10, 'P')])
    expect(r.overall.overlap_f1).toBeCloseTo(2 / 3, 12)
    expect(r.pairs[0]?.overlap_matches).toBe(1)
  })

  it('is greedy: the largest overlap wins even when another assignment would match more', () => {
    // A: [0,6) and [6,8); B: [2,8). Overlaps: A0–B0 = 4, A1–B0 = 2 → B0 goes to A0, A1 unmatched.
    // 1 match of 2 + 1 → 2/3
    const r = two([sp(0, 6, 'P'), sp(6, 8, 'P')], [sp(2, 8, 'P')])
    expect(r.overall.overlap_f1).toBeCloseTo(2 / 3, 12)
  })

  it('prefers an identical span, then the larger overlap, so overlap F1 ≥ exact F1', () => {
    // A: [0,4) P, [4,10) P; B: [0,10) P, [0,4) P. [0,4) matches [0,4); [4,10) then takes [0,10) (overlap 6)
    // → 2 matches of 2 + 2 = 1.0; exact: 1 match → 0.5
    const r = two([sp(0, 4, 'P'), sp(4, 10, 'P')], [sp(0, 10, 'P'), sp(0, 4, 'P')])
    expect(r.overall.exact_f1).toBeCloseTo(0.5, 12)
    expect(r.overall.overlap_f1).toBe(1)
  })

  it('handles nested spans in one layer', () => {
    // A: [0,10) P with [2,4) P nested inside; B: [2,4) P and [5,9) P.
    // identical: [2,4)–[2,4). Then [0,10)–[5,9) overlap 4 → 2 matches of 2 + 2 = 1.0
    const r = two([sp(0, 10, 'P'), sp(2, 4, 'P')], [sp(2, 4, 'P'), sp(5, 9, 'P')])
    expect(r.overall.exact_f1).toBeCloseTo(0.5, 12)
    expect(r.overall.overlap_f1).toBe(1)
  })
})

describe('F1 edge cases', () => {
  it('is null when nobody has a span, and 0 when one side is empty', () => {
    const none = two([], [])
    expect(none.overall.exact_f1).toBeNull()
    expect(none.overall.overlap_f1).toBeNull()
    expect(none.labels.P?.exact_f1).toBeNull()
    const one = two([sp(0, 2, 'P')], [])
    expect(one.overall.exact_f1).toBe(0)
    expect(one.overall.overlap_f1).toBe(0)
    expect(one.labels.L?.exact_f1).toBeNull()
  })

  it('treats a missing layer key as an empty layer', () => {
    const r = computeAgreement({ annotators: ['a', 'b'], labels: ['P'], documents: [doc({ a: [sp(0, 2, 'P')] })] })
    expect(r.overall.exact_f1).toBe(0)
    expect(r.overall.spans).toEqual({ a: 1, b: 0 })
  })

  it('uses code point offsets (an emoji ZWJ sequence before the span)', () => {
    // 👩‍👩‍👧 is 5 code points (8 UTF-16 units), then a space: 최태원 is [6,9)
    const text = '👩‍👩‍👧 최태원 회장'
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['PERSON'],
      documents: [doc({ a: [sp(6, 9, 'PERSON'), sp(10, 12, 'PERSON')], b: [sp(6, 9, 'PERSON'), sp(10, 12, 'PERSON')] }, 'e', text)]
    })
    expect(r.overall.exact_f1).toBe(1)
    expect(r.overall.characters).toBe(12)
    expect(r.documents[0]?.characters).toBe([...text].length)
  })
})
