import { describe, expect, it } from 'vitest'
import { computeAgreement, type AgreementSpan } from '../../src/shared/agreement'

const sp = (start: number, end: number, label: string): AgreementSpan => ({ start, end, label })
const two = (text: string, a: AgreementSpan[], b: AgreementSpan[], labels = ['P', 'L']) =>
  computeAgreement({ annotators: ['a', 'b'], labels, documents: [{ id: 'd', text, layers: { a, b } }] })

describe("Cohen's kappa over characters", () => {
  it('matches a hand computation', () => {
    // 10 characters. A: PPPP OOOOOO   B: PP OOOO LL OO
    // agreements: 2 (P,P) + 4 (O,O) → p_o = 6/10
    // marginals A: P 4, O 6, L 0; B: P 2, O 6, L 2 → p_e = (4·2 + 6·6 + 0·2)/100 = 0.44
    // kappa = (0.6 − 0.44)/(1 − 0.44) = 0.16/0.56 = 2/7
    const r = two('abcdefghij', [sp(0, 4, 'P')], [sp(0, 2, 'P'), sp(6, 8, 'L')])
    expect(r.overall.kappa).toBeCloseTo(2 / 7, 12)
    expect(r.pairs[0]?.kappa).toBeCloseTo(2 / 7, 12)
    expect(r.documents[0]?.kappa).toBeCloseTo(2 / 7, 12)
    // per label P (binary): A 4 P, B 2 P, both 2 → p_o = (2 + 6)/10 = 0.8,
    // p_e = (4·2 + 6·8)/100 = 0.56 → (0.8 − 0.56)/0.44 = 6/11
    expect(r.labels.P?.kappa).toBeCloseTo(6 / 11, 12)
    // per label L: A 0, B 2 → p_o = 8/10, p_e = (0·2 + 10·8)/100 = 0.8 → 0
    expect(r.labels.L?.kappa).toBeCloseTo(0, 12)
  })

  it('skips whitespace characters', () => {
    // "ab cd ef": 6 non-whitespace characters a b c d e f.
    // A: [0,5) P covers a b c d; B: [0,2) P covers a b.
    // p_o = 4/6 (a, b, e, f); A: P 4, O 2; B: P 2, O 4 → p_e = (4·2 + 2·4)/36 = 16/36
    // kappa = (24/36 − 16/36)/(20/36) = 8/20 = 0.4
    const r = two('ab cd ef', [sp(0, 5, 'P')], [sp(0, 2, 'P')])
    expect(r.overall.kappa).toBeCloseTo(0.4, 12)
    expect(r.overall.non_whitespace).toBe(6)
    expect(r.overall.characters).toBe(8)
  })

  it('gives a nested character the label of the shortest covering span', () => {
    // A: [0,10) L with [0,3) P inside → characters PPP LLLLLLL; B: [0,10) L → LLLLLLLLLL
    // p_o = 7/10; p_e = (3·0 + 7·10)/100 = 0.7 → kappa 0
    const r = two('abcdefghij', [sp(0, 10, 'L'), sp(0, 3, 'P')], [sp(0, 10, 'L')])
    expect(r.overall.kappa).toBeCloseTo(0, 12)
    // With the same nesting on both sides, the flattened characters agree: 1
    expect(two('abcdefghij', [sp(0, 10, 'L'), sp(0, 3, 'P')], [sp(0, 3, 'P'), sp(0, 10, 'L')]).overall.kappa).toBe(1)
    // Per label, coverage counts, not the flattened label: L covers all 10 characters on both sides
    // (p_e = 1 with a real label → 1); P: A 3, B 0 → p_o = 0.7, p_e = 0.7 → 0
    expect(r.labels.L?.kappa).toBe(1)
    expect(r.labels.P?.kappa).toBeCloseTo(0, 12)
  })

  it('breaks ties between equally short spans by earlier start, then label order', () => {
    // A: [0,4) P and [2,6) L are both 4 long; characters 2–3 go to the earlier [0,4) P:
    // PPPP LL OOOO — the same characters as B's [0,4) P + [4,6) L → kappa 1 (exact F1 only 1/2)
    const r = two('abcdefghij', [sp(0, 4, 'P'), sp(2, 6, 'L')], [sp(0, 4, 'P'), sp(4, 6, 'L')])
    expect(r.overall.kappa).toBe(1)
    expect(r.overall.exact_f1).toBeCloseTo(0.5, 12)
    // Same boundaries, two labels: the label listed first (P) labels the characters
    expect(two('abcdefghij', [sp(0, 4, 'L'), sp(0, 4, 'P')], [sp(0, 4, 'P')]).overall.kappa).toBe(1)
    expect(two('abcdefghij', [sp(0, 4, 'L'), sp(0, 4, 'P')], [sp(0, 4, 'P')], ['L', 'P']).overall.kappa).toBeLessThan(1)
  })

  it('counts code points: an astral character is one item', () => {
    // '𠀀😀 ab': 𠀀 😀 space a b → 4 non-whitespace items. A: [0,2) P; B: [0,1) P.
    // p_o = 3/4; A: P 2, O 2; B: P 1, O 3 → p_e = (2·1 + 2·3)/16 = 0.5 → (0.75 − 0.5)/0.5 = 0.5
    const r = two('𠀀😀 ab', [sp(0, 2, 'P')], [sp(0, 1, 'P')])
    expect(r.overall.non_whitespace).toBe(4)
    expect(r.overall.kappa).toBeCloseTo(0.5, 12)
  })

  it('treats Unicode whitespace (/\\s/u) as whitespace and ZWJ as a character', () => {
    // "a\u00a0b\u3000c\u200dd": a NBSP b IDEOGRAPHIC-SPACE c ZWJ d → 5 non-whitespace (a b c ZWJ d)
    const r = two('a\u00a0b\u3000c\u200dd', [sp(0, 1, 'P')], [sp(0, 1, 'P')])
    expect(r.overall.non_whitespace).toBe(5)
  })

  it('is null without spans or without non-whitespace characters, 1 when p_e = 1 on a real label', () => {
    // Nobody marked anything: both annotators put every character in "O" → p_e = 1 → null
    expect(two('abc', [], []).overall.kappa).toBeNull()
    // A whitespace-only document has no items → null, though the spans agree
    const ws = two(' \n\t ', [sp(0, 2, 'P')], [sp(0, 2, 'P')])
    expect(ws.overall.kappa).toBeNull()
    expect(ws.overall.exact_f1).toBe(1)
    // Both label every character P: p_o = p_e = 1 → 1 (perfect agreement)
    expect(two('abc', [sp(0, 3, 'P')], [sp(0, 3, 'P')]).overall.kappa).toBe(1)
    // One side empty: A P on 2 of 3, B nothing → p_o = 1/3 = p_e → 0
    expect(two('abc', [sp(0, 2, 'P')], []).overall.kappa).toBeCloseTo(0, 12)
  })

  it('pools the characters of all documents for a pair', () => {
    // d1 "ab": A P P, B P P; d2 "cd": A O O, B P O
    // pooled 4 items: p_o = 3/4; A: P 2, O 2; B: P 3, O 1 → p_e = (2·3 + 2·1)/16 = 0.5 → 0.5
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [
        { id: 'd1', text: 'ab', layers: { a: [sp(0, 2, 'P')], b: [sp(0, 2, 'P')] } },
        { id: 'd2', text: 'cd', layers: { b: [sp(0, 1, 'P')] } }
      ]
    })
    expect(r.overall.kappa).toBeCloseTo(0.5, 12)
    // per document: d1 is p_e = 1 on P → 1; d2 p_o = 1/2, p_e = (2·1)/4 = 0.5 → 0
    expect(Object.fromEntries(r.documents.map((d) => [d.id, d.kappa]))).toEqual({ d1: 1, d2: 0 })
  })
})
