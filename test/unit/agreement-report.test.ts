import { describe, expect, it } from 'vitest'
import { MISSING, computeAgreement, type AgreementDocument, type AgreementSpan } from '../../src/shared/agreement'

const sp = (start: number, end: number, label: string): AgreementSpan => ({ start, end, label })
const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789'

describe('report shape', () => {
  it('serialises as the documented JSON', () => {
    const r = computeAgreement({
      annotators: ['alice', 'bob'],
      labels: ['PERSON', 'DATE'],
      documents: [{ id: 'd1', text: TEXT, layers: { alice: [sp(0, 3, 'PERSON')], bob: [sp(0, 3, 'PERSON')] } }]
    })
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(['annotators', 'pairs', 'overall', 'labels', 'confusion', 'documents'])
    expect(json.overall).toEqual({
      exact_f1: 1,
      overlap_f1: 1,
      kappa: 1,
      alpha_u: 1,
      spans: { alice: 1, bob: 1 },
      documents: 1,
      characters: 36,
      non_whitespace: 36
    })
    expect(json.pairs).toEqual([
      { a: 'alice', b: 'bob', exact_f1: 1, overlap_f1: 1, kappa: 1, alpha_u: 1, spans_a: 1, spans_b: 1, exact_matches: 1, overlap_matches: 1 }
    ])
    expect(Object.keys(r.labels)).toEqual(['PERSON', 'DATE'])
    expect(r.labels.DATE).toMatchObject({ exact_f1: null, overlap_f1: null, kappa: null, alpha_u: null, spans: { alice: 0, bob: 0 } })
    expect(r.confusion.labels).toEqual(['PERSON', 'DATE', MISSING])
    expect(r.documents).toEqual([{ id: 'd1', exact_f1: 1, overlap_f1: 1, kappa: 1, alpha_u: 1, characters: 36, spans: { alice: 1, bob: 1 } }])
  })

  it('adds labels found in spans but not listed, sorted, after the listed ones', () => {
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['PERSON'],
      documents: [{ id: 'd', text: TEXT, layers: { a: [sp(0, 2, 'ZED'), sp(3, 4, 'ALPHA')], b: [sp(0, 2, 'ZED')] } }]
    })
    expect(Object.keys(r.labels)).toEqual(['PERSON', 'ALPHA', 'ZED'])
    expect(r.labels.ZED?.exact_f1).toBe(1)
  })
})

describe('three annotators', () => {
  it('averages F1 over the pairs', () => {
    // A: [0,3) P, [5,8) P; B: [0,3) P; C: [10,12) P
    // A–B: 2·1/3; A–C: 0; B–C: 0 → mean (2/3 + 0 + 0)/3 = 2/9
    const r = computeAgreement({
      annotators: ['A', 'B', 'C'],
      labels: ['P', 'L'],
      documents: [{ id: 'd', text: TEXT, layers: { A: [sp(0, 3, 'P'), sp(5, 8, 'P')], B: [sp(0, 3, 'P')], C: [sp(10, 12, 'P')] } }]
    })
    expect(r.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['A-B', 'A-C', 'B-C'])
    expect(r.pairs.map((p) => p.exact_f1)).toEqual([2 / 3, 0, 0])
    expect(r.overall.exact_f1).toBeCloseTo(2 / 9, 12)
    expect(r.labels.P?.pairs).toHaveLength(3)
    expect(r.documents[0]?.exact_f1).toBeCloseTo(2 / 9, 12)
    // kappa: mean of the three pairs' kappas
    const mean = ((r.pairs[0]?.kappa ?? 0) + (r.pairs[1]?.kappa ?? 0) + (r.pairs[2]?.kappa ?? 0)) / 3
    expect(r.overall.kappa).toBeCloseTo(mean, 12)
  })

  it('leaves undefined pairs out of the mean', () => {
    // Label L: only C has a span. A–B: null (nobody); A–C: 0; B–C: 0 → mean of defined = 0
    const r = computeAgreement({
      annotators: ['A', 'B', 'C'],
      labels: ['L'],
      documents: [{ id: 'd', text: TEXT, layers: { C: [sp(0, 3, 'L')] } }]
    })
    expect(r.labels.L?.pairs.map((p) => p.exact_f1)).toEqual([null, 0, 0])
    expect(r.labels.L?.exact_f1).toBe(0)
  })
})

describe('confusion matrix', () => {
  it('matches identical spans, then identical boundaries, then overlaps; the rest against ∅', () => {
    // A: [0,4) PERSON, [10,14) ORG, [20,24) DATE
    // B: [0,4) ORG (same boundaries), [11,15) ORG (overlap 3), [30,33) PERSON (no partner)
    // → (PERSON, ORG), (ORG, ORG), (DATE, ∅), (∅, PERSON)
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['PERSON', 'ORG', 'DATE'],
      documents: [
        {
          id: 'd',
          text: TEXT,
          layers: {
            a: [sp(0, 4, 'PERSON'), sp(10, 14, 'ORG'), sp(20, 24, 'DATE')],
            b: [sp(0, 4, 'ORG'), sp(11, 15, 'ORG'), sp(30, 33, 'PERSON')]
          }
        }
      ]
    })
    const directed = r.confusion.pairs[0]?.counts
    expect(directed?.PERSON).toEqual({ PERSON: 0, ORG: 1, DATE: 0, [MISSING]: 0 })
    expect(directed?.ORG).toEqual({ PERSON: 0, ORG: 1, DATE: 0, [MISSING]: 0 })
    expect(directed?.DATE).toEqual({ PERSON: 0, ORG: 0, DATE: 0, [MISSING]: 1 })
    expect(directed?.[MISSING]).toEqual({ PERSON: 1, ORG: 0, DATE: 0, [MISSING]: 0 })
    // The summed matrix is symmetric: the PERSON/ORG swap shows in both cells
    expect(r.confusion.counts.PERSON?.ORG).toBe(1)
    expect(r.confusion.counts.ORG?.PERSON).toBe(1)
    expect(r.confusion.counts.ORG?.ORG).toBe(1)
    expect(r.confusion.counts.DATE?.[MISSING]).toBe(1)
    expect(r.confusion.counts[MISSING]?.DATE).toBe(1)
    expect(r.confusion.counts[MISSING]?.PERSON).toBe(1)
  })

  it('prefers identical boundaries over a larger same-label overlap', () => {
    // A: [0,10) P; B: [0,10) L, [0,9) P → (P, L) by boundaries; B's [0,9) P is left: (∅, P).
    // Overlap F1 still matches [0,10) P with [0,9) P: 2·1/3.
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P', 'L'],
      documents: [{ id: 'd', text: TEXT, layers: { a: [sp(0, 10, 'P')], b: [sp(0, 10, 'L'), sp(0, 9, 'P')] } }]
    })
    expect(r.confusion.pairs[0]?.counts.P?.L).toBe(1)
    expect(r.confusion.pairs[0]?.counts[MISSING]?.P).toBe(1)
    expect(r.overall.overlap_f1).toBeCloseTo(2 / 3, 12)
  })

  it('breaks overlap ties the same way whichever annotator comes first', () => {
    // A: [2,6) ORG overlaps B's [0,4) PERSON and [4,8) DATE by 2 each. Tie → the pair whose
    // smaller span comes first ([0,4) before [2,6)) wins: (ORG, PERSON), and DATE is unmatched.
    const layers = { a: [sp(2, 6, 'ORG')], b: [sp(0, 4, 'PERSON'), sp(4, 8, 'DATE')] }
    const input = (annotators: string[]) => ({ annotators, labels: ['PERSON', 'ORG', 'DATE'], documents: [{ id: 'd', text: TEXT, layers }] })
    const ab = computeAgreement(input(['a', 'b'])).confusion.pairs[0]?.counts
    const ba = computeAgreement(input(['b', 'a'])).confusion.pairs[0]?.counts
    expect(ab?.ORG?.PERSON).toBe(1)
    expect(ab?.[MISSING]?.DATE).toBe(1)
    expect(ba?.PERSON?.ORG).toBe(1)
    expect(ba?.DATE?.[MISSING]).toBe(1)
  })
})

describe('documents', () => {
  it('come worst first by exact F1, documents without spans last', () => {
    const d = (id: string, a: AgreementSpan[], b: AgreementSpan[]): AgreementDocument => ({ id, text: TEXT, layers: { a, b } })
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [
        d('perfect', [sp(0, 2, 'P')], [sp(0, 2, 'P')]),
        d('nothing', [], []),
        d('half', [sp(0, 2, 'P'), sp(3, 4, 'P')], [sp(0, 2, 'P'), sp(5, 6, 'P')]),
        d('zero-b', [sp(0, 2, 'P')], [sp(0, 3, 'P')]),
        d('zero-a', [sp(0, 2, 'P')], [])
      ]
    })
    // zero-a and zero-b tie at exact F1 0; overlap F1 0 (zero-a) < 1 (zero-b)
    expect(r.documents.map((x) => [x.id, x.exact_f1])).toEqual([
      ['zero-a', 0],
      ['zero-b', 0],
      ['half', 0.5],
      ['perfect', 1],
      ['nothing', null]
    ])
    expect(r.documents.find((x) => x.id === 'half')?.spans).toEqual({ a: 2, b: 2 })
  })

  it('handles empty and whitespace-only documents', () => {
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [
        { id: 'empty', text: '', layers: {} },
        { id: 'blank', text: ' \n\t\u3000', layers: {} }
      ]
    })
    for (const d of r.documents) expect(d).toMatchObject({ exact_f1: null, overlap_f1: null, kappa: null, alpha_u: null })
    expect(r.overall).toMatchObject({ exact_f1: null, overlap_f1: null, kappa: null, alpha_u: null, characters: 4, non_whitespace: 0 })
    const none = computeAgreement({ annotators: ['a', 'b'], labels: [], documents: [] })
    expect(none.overall).toMatchObject({ exact_f1: null, kappa: null, alpha_u: null, documents: 0 })
    expect(none.documents).toEqual([])
    expect(none.confusion.labels).toEqual([MISSING])
  })
})

describe('input validation', () => {
  const one = (spans: AgreementSpan[], text = TEXT) => () =>
    computeAgreement({ annotators: ['a', 'b'], labels: ['P'], documents: [{ id: 'doc-7', text, layers: { a: spans } }] })

  it('rejects fewer than two or repeated annotators', () => {
    expect(() => computeAgreement({ annotators: ['a'], labels: [], documents: [] })).toThrow(/at least 2/)
    expect(() => computeAgreement({ annotators: ['a', 'a'], labels: [], documents: [] })).toThrow(/not distinct/)
  })

  it('rejects empty spans and spans outside the text, in code points', () => {
    expect(one([sp(3, 3, 'P')])).toThrow(/doc-7, annotator a/)
    expect(one([sp(-1, 2, 'P')])).toThrow(RangeError)
    expect(one([sp(30, 37, 'P')])).toThrow(/0\.\.36/)
    expect(one([sp(1.5, 3, 'P')])).toThrow(RangeError)
    // '😀😀' is 2 code points but 4 UTF-16 units: [0,2) is fine, [0,3) is outside
    expect(one([sp(0, 2, 'P')], '😀😀')).not.toThrow()
    expect(one([sp(0, 3, 'P')], '😀😀')).toThrow(/0\.\.2 code points/)
  })

  it('accepts annotator names that are also Object.prototype keys', () => {
    const layers = Object.fromEntries([
      ['__proto__', [sp(0, 2, 'P')]],
      ['constructor', [sp(0, 2, 'P')]]
    ]) as Record<string, AgreementSpan[]>
    const r = computeAgreement({ annotators: ['__proto__', 'constructor', 'toString'], labels: ['P'], documents: [{ id: 'd', text: TEXT, layers }] })
    expect(r.pairs.map((p) => p.exact_f1)).toEqual([1, 0, 0])
    expect(Object.entries(r.overall.spans)).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
      ['toString', 0]
    ])
    expect(JSON.parse(JSON.stringify(r.documents[0]?.spans))).toEqual(r.overall.spans)
  })

  it('ignores layers of people who are not among the annotators', () => {
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [{ id: 'd', text: TEXT, layers: { a: [sp(0, 2, 'P')], b: [sp(0, 2, 'P')], eve: [sp(5, 9, 'P')] } }]
    })
    expect(r.overall.exact_f1).toBe(1)
    expect(Object.keys(r.overall.spans)).toEqual(['a', 'b'])
  })
})
