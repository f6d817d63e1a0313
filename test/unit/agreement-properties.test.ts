import { describe, expect, it } from 'vitest'
import {
  MISSING,
  computeAgreement,
  type AgreementDocument,
  type AgreementReport,
  type AgreementSpan,
  type Score
} from '../../src/shared/agreement'

/** mulberry32: a small seeded generator, so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = ['a', 'b', '가', '나', ' ', '😀', '𠀀', '\n', 'Z', '\u200d']
const LABELS = ['PERSON', 'ORG', 'DATE']

/** Random documents; layers with nested, overlapping, touching and duplicated spans. */
function randomDocuments(seed: number, annotators: string[], count = 12): AgreementDocument[] {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const docs: AgreementDocument[] = []
  for (let d = 0; d < count; d++) {
    const length = Math.floor(rnd() * 60)
    const text = Array.from({ length }, () => pick(PIECES)).join('')
    const base: AgreementSpan[] = []
    for (let k = 0; length > 0 && k < Math.floor(rnd() * 10); k++) {
      const start = Math.floor(rnd() * length)
      const end = start + 1 + Math.floor(rnd() * Math.min(12, length - start))
      base.push({ start, end: Math.min(end, length), label: rnd() < 0.05 ? 'EXTRA' : pick(LABELS) })
    }
    const layers: Record<string, AgreementSpan[]> = {}
    for (const who of annotators) {
      if (rnd() < 0.1) continue // a missing layer
      layers[who] = base
        .filter(() => rnd() < 0.8)
        .map((s) => {
          const r = rnd()
          if (r < 0.15) return { ...s, label: pick(LABELS) }
          if (r < 0.3 && s.end < length) return { ...s, end: s.end + 1 }
          return s
        })
      if (rnd() < 0.2 && layers[who].length > 0) layers[who].push(layers[who][0] as AgreementSpan) // duplicate
    }
    docs.push({ id: `doc-${seed}-${d}`, text, layers })
  }
  return docs
}

const metrics = ['exact_f1', 'overlap_f1', 'kappa', 'alpha_u'] as const

function expectSameScore(x: Score | undefined, y: Score | undefined): void {
  if (x === null || y === null || x === undefined || y === undefined) expect(x).toBe(y)
  else expect(x).toBeCloseTo(y, 10)
}

function pairKey(a: string, b: string): string {
  return [a, b].sort().join('|')
}

describe('properties', () => {
  const annotators = ['ann', 'bea', 'cyd']

  it('does not depend on the order of the annotators', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const documents = randomDocuments(seed, annotators)
      const x = computeAgreement({ annotators, labels: LABELS, documents })
      const y = computeAgreement({ annotators: ['cyd', 'bea', 'ann'], labels: LABELS, documents })
      for (const m of metrics) expectSameScore(x.overall[m], y.overall[m])
      for (const [label, s] of Object.entries(x.labels)) for (const m of metrics) expectSameScore(s[m], y.labels[label]?.[m])

      const byId = (r: AgreementReport) => new Map(r.documents.map((d) => [d.id, d]))
      const yd = byId(y)
      for (const d of x.documents) for (const m of metrics) expectSameScore(d[m], yd.get(d.id)?.[m])

      const yPairs = new Map(y.pairs.map((p) => [pairKey(p.a, p.b), p]))
      for (const p of x.pairs) {
        const q = yPairs.get(pairKey(p.a, p.b))
        for (const m of metrics) expectSameScore(p[m], q?.[m])
        expect([q?.exact_matches, q?.overlap_matches]).toEqual([p.exact_matches, p.overlap_matches])
        expect(q?.spans_a).toBe(q?.a === p.a ? p.spans_a : p.spans_b)
      }

      // Confusion: the summed matrix is the same and symmetric; a pair's matrix is transposed.
      expect(y.confusion.counts).toEqual(x.confusion.counts)
      const names = x.confusion.labels
      for (const r of names) for (const c of names) expect(x.confusion.counts[r]?.[c]).toBe(x.confusion.counts[c]?.[r])
      const yConf = new Map(y.confusion.pairs.map((p) => [pairKey(p.a, p.b), p]))
      for (const p of x.confusion.pairs) {
        const q = yConf.get(pairKey(p.a, p.b))
        const transposed = q?.a !== p.a
        for (const r of names) for (const c of names) expect(transposed ? q?.counts[c]?.[r] : q?.counts[r]?.[c]).toBe(p.counts[r]?.[c])
      }
    }
  })

  it('gives 1 for every defined score when all layers are identical', () => {
    for (let seed = 100; seed < 125; seed++) {
      const documents = randomDocuments(seed, ['src']).map((d) => ({ ...d, layers: { ann: d.layers.src ?? [], bea: d.layers.src ?? [], cyd: d.layers.src ?? [] } }))
      const r = computeAgreement({ annotators, labels: LABELS, documents })
      const withSpans = documents.some((d) => d.layers.ann.length > 0)
      const scores: Score[] = []
      for (const m of metrics) {
        scores.push(r.overall[m])
        for (const p of r.pairs) scores.push(p[m])
        for (const s of Object.values(r.labels)) {
          scores.push(s[m])
          for (const p of s.pairs) scores.push(p[m])
        }
        for (const d of r.documents) scores.push(d[m])
      }
      for (const s of scores) if (s !== null) expect(s).toBeCloseTo(1, 12)
      if (withSpans) {
        expect(r.overall.exact_f1).toBe(1)
        expect(r.overall.overlap_f1).toBe(1)
        expect(r.overall.alpha_u).toBeCloseTo(1, 12)
      }
      // No disagreement in the confusion matrix
      for (const row of r.confusion.labels) {
        for (const col of r.confusion.labels) if (row !== col) expect(r.confusion.counts[row]?.[col]).toBe(0)
      }
      expect(r.confusion.counts[MISSING]?.[MISSING]).toBe(0)
    }
  })

  it('keeps overlap F1 at least exact F1, and scores within their ranges', () => {
    for (let seed = 200; seed < 225; seed++) {
      const r = computeAgreement({ annotators, labels: LABELS, documents: randomDocuments(seed, annotators) })
      for (const p of [...r.pairs, ...Object.values(r.labels).flatMap((l) => l.pairs)]) {
        expect(p.overlap_matches).toBeGreaterThanOrEqual(p.exact_matches)
        for (const m of ['exact_f1', 'overlap_f1'] as const) if (p[m] !== null) expect(p[m]).toBeLessThanOrEqual(1)
        if (p.kappa !== null) expect(p.kappa).toBeLessThanOrEqual(1 + 1e-12)
      }
    }
  })

  it('matches a character-by-character kappa', () => {
    // Naive: label every non-whitespace code point by its shortest covering span
    // (then earliest start, then label order), count, and apply the formula.
    const kappaOf = (pairs: Array<[string, string]>, none: string): Score => {
      const n = pairs.length
      if (n === 0) return null
      const rows = new Map<string, number>()
      const cols = new Map<string, number>()
      let agree = 0
      for (const [x, y] of pairs) {
        rows.set(x, (rows.get(x) ?? 0) + 1)
        cols.set(y, (cols.get(y) ?? 0) + 1)
        if (x === y) agree++
      }
      let chance = 0
      for (const [k, r] of rows) chance += r * (cols.get(k) ?? 0)
      if (chance === n * n) return rows.get(none) === n ? null : 1
      return (agree / n - chance / (n * n)) / (1 - chance / (n * n))
    }
    for (let seed = 300; seed < 330; seed++) {
      const documents = randomDocuments(seed, ['ann', 'bea'])
      const r = computeAgreement({ annotators: ['ann', 'bea'], labels: LABELS, documents })
      const order = Object.keys(r.labels)
      const items: Array<[string, string]> = []
      const binary = new Map<string, Array<[string, string]>>(order.map((l) => [l, []]))
      for (const d of documents) {
        const cps = [...d.text]
        const labelAt = (who: string, i: number): string => {
          const covering = (d.layers[who] ?? []).filter((s) => s.start <= i && i < s.end)
          covering.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || order.indexOf(a.label) - order.indexOf(b.label))
          return covering[0]?.label ?? 'O'
        }
        const covers = (who: string, i: number, label: string): string =>
          (d.layers[who] ?? []).some((s) => s.label === label && s.start <= i && i < s.end) ? label : '-'
        cps.forEach((ch, i) => {
          if (/\s/u.test(ch)) return
          items.push([labelAt('ann', i), labelAt('bea', i)])
          for (const l of order) binary.get(l)?.push([covers('ann', i, l), covers('bea', i, l)])
        })
      }
      expectSameScore(r.overall.kappa, kappaOf(items, 'O'))
      for (const l of order) expectSameScore(r.labels[l]?.kappa, kappaOf(binary.get(l) ?? [], '-'))
    }
  })

  it('scores every document of a large corpus (speed is measured by npm run bench, not here)', () => {
    // 2 000 documents, ~100 000 spans in 3 layers
    const documents = Array.from({ length: 20 }, (_, k) => randomDocuments(1000 + k, annotators, 100)).flat()
    for (const d of documents) {
      const extra: AgreementSpan[] = Array.from({ length: 15 }, (_, k) => ({ start: k * 3, end: k * 3 + 2, label: 'DATE' }))
      d.text = d.text + 'x'.repeat(60)
      for (const who of annotators) d.layers[who] = [...(d.layers[who] ?? []), ...extra]
    }
    const r = computeAgreement({ annotators, labels: LABELS, documents })
    expect(r.documents).toHaveLength(2000)
    expect(new Set(r.documents.map((d) => d.id)).size).toBe(2000)
    // every document holds the 15 shared DATE spans in every layer, so each has a defined exact F1 above 0
    for (const d of r.documents) expect(d.exact_f1).toBeGreaterThan(0)
  })
})
