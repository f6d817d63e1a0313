import { describe, expect, it } from 'vitest'
import { computeAgreement, unitizingDisagreement, type AgreementSpan, type Interval } from '../../src/shared/agreement'

const sp = (start: number, end: number, label: string): AgreementSpan => ({ start, end, label })
const iv = (start: number, length: number): Interval => ({ start, end: start + length })

/**
 * Krippendorff, K. (2004). Content Analysis, 2nd ed., p. 254: continuum [150, 450), two
 * observers, categories c and k (units given as begin, length). Here shifted by −150.
 * Reproduced in DKPro Statistics, Krippendorff2004Test.createExample().
 */
const K2004 = {
  c: [
    [iv(225 - 150, 70), iv(370 - 150, 30)],
    [iv(220 - 150, 80), iv(355 - 150, 20), iv(400 - 150, 20)]
  ],
  k: [
    [iv(180 - 150, 60), iv(300 - 150, 50)],
    [iv(180 - 150, 60), iv(300 - 150, 50)]
  ]
}

describe('alpha_u against published values', () => {
  it('reproduces Krippendorff (2004, p. 254) per category', () => {
    // Published (and asserted by DKPro's Krippendorff2004Test to 4 decimals):
    // c: uD_o = 0.0144, uD_e = 0.0532, alpha = 0.7286; k: uD_o = 0, uD_e = 0.0490, alpha = 1
    const c = unitizingDisagreement(K2004.c, 300)
    const k = unitizingDisagreement(K2004.k, 300)
    expect(c.observed).toBeCloseTo(0.0144, 4)
    expect(c.expected).toBeCloseTo(0.0532, 4)
    expect(1 - c.observed / c.expected).toBeCloseTo(0.7286, 4)
    expect(k.observed).toBe(0)
    expect(k.expected).toBeCloseTo(0.049, 4)
  })

  it('reproduces the 2004 example through computeAgreement, overall included', () => {
    const layers: Record<string, AgreementSpan[]> = { i: [], j: [] }
    for (const label of ['c', 'k'] as const) {
      K2004[label].forEach((units, coder) => layers[coder === 0 ? 'i' : 'j']?.push(...units.map((u) => sp(u.start, u.end, label))))
    }
    const r = computeAgreement({ annotators: ['i', 'j'], labels: ['c', 'k'], documents: [{ id: 'k2004', text: 'x'.repeat(300), layers }] })
    expect(r.labels.c?.alpha_u).toBeCloseTo(0.7286, 4)
    expect(r.labels.k?.alpha_u).toBe(1)
    // The book's overall 0.8591 = 1 − 0.0144/(0.0532 + 0.0490) uses the rounded disagreements;
    // unrounded it is 1 − 0.014444/(0.053222 + 0.048979) = 0.85867. DKPro asserts 0.8591 ± 0.0005.
    expect(Math.abs((r.overall.alpha_u ?? 0) - 0.8591)).toBeLessThan(0.0005)
    expect(r.overall.alpha_u).toBeCloseTo(0.85867, 5)
    // Units of different categories overlap within one coder (k [30,90) and c [75,145)): fine.
    expect(r.pairs[0]?.alpha_u).toBeCloseTo(r.overall.alpha_u ?? 0, 12)
    expect(r.documents[0]?.alpha_u).toBeCloseTo(r.overall.alpha_u ?? 0, 12)
  })

  /**
   * Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
   * Methodology 25, p. 57: four pairs of observers on a continuum of 24, as encoded in DKPro
   * Statistics' Krippendorff1995Test.createExample(stretch) (offset, length per unit).
   */
  const k1995 = (s: number): Record<string, Interval[][]> => {
    const u = (b: number, l: number): Interval => iv(Math.trunc(b * s), Math.trunc(l * s))
    return {
      A: [
        [u(2, 8), u(14, 6)],
        [u(4, 4), u(15, 2)]
      ],
      B: [[u(0, 18)], [u(0, 2), u(2, 1), u(3, 1), u(4, 1), u(5, 1), u(6, 3), u(9, 1)]],
      C: [
        [u(2, 6), u(10, 2), u(14, 4), u(20, 2)],
        [u(0, 2), u(4, 4), u(10, 4), u(16, 2), u(20, 2)]
      ],
      D: [
        [u(0, 2), u(2, 8), u(10, 4), u(14, 6), u(20, 4)],
        [u(0, 4), u(4, 4), u(8, 7), u(15, 2), u(17, 7)]
      ]
    }
  }

  it('reproduces the observed disagreements of the Krippendorff (1995) example', () => {
    // DKPro Krippendorff1995Test.testAgreement: D_o A 0.03125, B 2.26736, C 0.02777, D 0.38715
    // (B: John's one unit [0,18) against Jill's seven touching units — touching units stay separate)
    const study = k1995(1)
    const observed = Object.fromEntries(Object.entries(study).map(([c, coders]) => [c, unitizingDisagreement(coders, 24).observed]))
    expect(observed.A).toBeCloseTo(0.03125, 5)
    expect(observed.B).toBeCloseTo(2.26736, 5)
    expect(observed.C).toBeCloseTo(0.02777, 4)
    expect(observed.D).toBeCloseTo(0.38715, 5)
  })

  it('approaches the 1995 alphas as the continuum becomes fine-grained', () => {
    // DKPro: at stretch 50000 (L = 1 200 000), alpha A 0.553, B −0.926, C 0.679, D 0.066 (± 0.02);
    // D_e C 0.08642 (± 0.005). The 1995 paper's D_e has a small error (see DKPro's comment).
    const L = 1200000
    const study = k1995(L / 24)
    const alpha = (c: string): number => {
      const d = unitizingDisagreement(study[c] ?? [], L)
      return 1 - d.observed / d.expected
    }
    expect(Math.abs(alpha('A') - 0.553)).toBeLessThan(0.02)
    expect(Math.abs(alpha('B') - -0.926)).toBeLessThan(0.02)
    expect(Math.abs(alpha('C') - 0.679)).toBeLessThan(0.02)
    expect(Math.abs(alpha('D') - 0.066)).toBeLessThan(0.02)
    expect(Math.abs(unitizingDisagreement(study.C ?? [], L).expected - 0.08642)).toBeLessThan(0.005)
  })

  it("agrees with DKPro's own unit tests", () => {
    // UnitizingAgreementTest: r0 -11111111-, r1 --1-1-1--- on 10 → D_o 0.9100, D_e 0.5351, alpha −0.7003
    const d = unitizingDisagreement([[iv(1, 8)], [iv(2, 1), iv(4, 1), iv(6, 1)]], 10)
    // (DKPro's tolerance: ± 0.0001)
    expect(Math.abs(d.observed - 0.91)).toBeLessThan(0.0001)
    expect(Math.abs(d.expected - 0.5351)).toBeLessThan(0.0001)
    expect(Math.abs(1 - d.observed / d.expected - -0.7003)).toBeLessThan(0.0001)
    // testSingleAnnotationUnit: 3 coders, L = 20, one unit [0,1) → 0
    const r = computeAgreement({
      annotators: ['x', 'y', 'z'],
      labels: ['X'],
      documents: [{ id: 'd', text: 'a'.repeat(20), layers: { x: [sp(0, 1, 'X')] } }]
    })
    expect(r.overall.alpha_u).toBeCloseTo(0, 12)
  })
})

describe('alpha_u hand computations', () => {
  it('matches a small example', () => {
    // L = 10, one label. A: [0,4); B: [2,4).
    // Segments A: U[0,4) G[4,10); B: G[0,2) U[2,4) G[4,10).
    // Intersecting pairs: U[0,4)–G[0,2): the gap does not contain the unit → 0;
    //   U[0,4)–U[2,4): (0 − 2)² + (4 − 4)² = 4; U[0,4)–G[4,10) and G–G → 0.
    //   D_o = 2·4 / (2·1·10²) = 0.04
    // D_e: units 4 and 2 (N = 2); gaps A: [4,10) = 6; B: [0,2) = 2, [4,10) = 6.
    //   l = 4: (N − 1)·4·3·7/3 = 28, gaps ≥ 4: (6 − 3) + (6 − 3) = 6 → 28 + 4²·6 = 124
    //   l = 2: (N − 1)·2·1·3/3 = 2, gaps ≥ 2: (2 − 1) + (6 − 1) + (6 − 1) = 11 → 2 + 2²·11 = 46
    //   D_e = (2/10)·(124 + 46) / (20·19 − (4·3 + 2·1)) = 34/366
    //   alpha_u = 1 − 0.04/(34/366) = 1 − 14.64/34 = 0.569411…
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [{ id: 'd', text: 'abcdefghij', layers: { a: [sp(0, 4, 'P')], b: [sp(2, 4, 'P')] } }]
    })
    expect(r.overall.alpha_u).toBeCloseTo(1 - 0.04 / (34 / 366), 12)
    expect(r.labels.P?.alpha_u).toBeCloseTo(1 - 0.04 / (34 / 366), 12)
  })

  it('splits gaps at document boundaries and pools the documents', () => {
    // The example above plus a second document of 5 characters without units: L = 15.
    // D_o = 2·4 / (2·15²) = 8/450. Gaps A: 6, 5; B: 2, 6, 5 (not 6 + 5: no gap spans documents).
    //   l = 4: 28 + 16·(3 + 2 + 3 + 2) = 188;  l = 2: 2 + 4·(1 + 5 + 4 + 5 + 4) = 78
    //   D_e = (2/15)·266 / (30·29 − 14)
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [
        { id: 'd1', text: 'abcdefghij', layers: { a: [sp(0, 4, 'P')], b: [sp(2, 4, 'P')] } },
        { id: 'd2', text: 'klmno', layers: {} }
      ]
    })
    expect(r.overall.alpha_u).toBeCloseTo(1 - 8 / 450 / (((2 / 15) * 266) / 856), 12)
    expect(r.documents.find((d) => d.id === 'd2')?.alpha_u).toBeNull()
  })

  it('is negative when one annotator has nothing', () => {
    // L = 10, A: [0,4), B: nothing. D_o: A's unit lies in B's gap [0,10) → 4² = 16 → 2·16/200 = 0.16
    // D_e: N = 1 → first term 0; gaps A: 6, B: 10 → 16·((6 − 3) + (10 − 3)) = 160
    //   → (2/10)·160 / (20·19 − 12) = 32/368; alpha_u = 1 − 0.16·368/32 = 1 − 1.84 = −0.84
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [{ id: 'd', text: 'abcdefghij', layers: { a: [sp(0, 4, 'P')] } }]
    })
    expect(r.overall.alpha_u).toBeCloseTo(-0.84, 12)
  })

  it('merges overlapping spans of one label in one layer into one unit', () => {
    // A: [0,4) P and [2,6) P → unit [0,6); B: [0,6) P → identical unitizations → 1
    // (exact F1 is 0 and overlap F1 2·1/3: the layers differ as span sets)
    const r = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [{ id: 'd', text: 'abcdefghij', layers: { a: [sp(0, 4, 'P'), sp(2, 6, 'P')], b: [sp(0, 6, 'P')] } }]
    })
    expect(r.overall.alpha_u).toBe(1)
    expect(r.overall.exact_f1).toBe(0)
  })

  it('is null without units and 1 when everything is one agreed unit', () => {
    const none = computeAgreement({ annotators: ['a', 'b'], labels: ['P'], documents: [{ id: 'd', text: 'abc', layers: {} }] })
    expect(none.overall.alpha_u).toBeNull()
    expect(none.labels.P?.alpha_u).toBeNull()
    // A one-character document fully marked by both: D_e = 0 (degenerate), D_o = 0 → 1
    const one = computeAgreement({
      annotators: ['a', 'b'],
      labels: ['P'],
      documents: [{ id: 'd', text: 'x', layers: { a: [sp(0, 1, 'P')], b: [sp(0, 1, 'P')] } }]
    })
    expect(one.overall.alpha_u).toBe(1)
  })
})

/** The definition written out naively: every pair of segments, every gap for every unit. */
function naive(coders: Interval[][], L: number): { observed: number; expected: number } {
  const segs = coders.map((units) => {
    const out: Array<Interval & { unit: boolean }> = []
    let pos = 0
    for (const u of units) {
      if (u.start > pos) out.push({ start: pos, end: u.start, unit: false })
      out.push({ ...u, unit: true })
      pos = u.end
    }
    if (pos < L) out.push({ start: pos, end: L, unit: false })
    return out
  })
  const m = coders.length
  let sum = 0
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue
      for (const g of segs[i] ?? []) {
        for (const h of segs[j] ?? []) {
          const lg = g.end - g.start
          const lh = h.end - h.start
          if (g.unit && h.unit && -lg < g.start - h.start && g.start - h.start < lh) sum += (g.start - h.start) ** 2 + (g.end - h.end) ** 2
          else if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) sum += lg * lg
          else if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) sum += lh * lh
        }
      }
    }
  }
  const units = segs.flat().filter((x) => x.unit)
  const gaps = segs.flat().filter((x) => !x.unit)
  let num = 0
  let self = 0
  for (const u of units) {
    const l = u.end - u.start
    num += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3
    for (const g of gaps) if (g.end - g.start >= l) num += l * l * (g.end - g.start - l + 1)
    self += l * (l - 1)
  }
  return { observed: sum / (m * (m - 1) * L * L), expected: ((2 / L) * num) / (m * L * (m * L - 1) - self) }
}

describe('alpha_u against the naive definition', () => {
  it('agrees on random unitizations with many units and gaps', () => {
    let seed = 7
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    for (let round = 0; round < 20; round++) {
      const L = 200 + Math.floor(rnd() * 400)
      const coders = Array.from({ length: 2 + (round % 3) }, () => {
        const units: Interval[] = []
        let pos = Math.floor(rnd() * 5)
        while (pos < L) {
          const end = Math.min(L, pos + 1 + Math.floor(rnd() * 12))
          if (rnd() < 0.6) units.push({ start: pos, end })
          pos = end + (rnd() < 0.3 ? 0 : Math.floor(rnd() * 10))
        }
        return units
      })
      const fast = unitizingDisagreement(coders, L)
      const slow = naive(coders, L)
      expect(fast.observed).toBeCloseTo(slow.observed, 12)
      expect(fast.expected).toBeCloseTo(slow.expected, 12)
    }
  })
})
