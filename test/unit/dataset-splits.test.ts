import { describe, expect, it } from 'vitest'
import { parseSplits, splitOf } from '../../src/main/dataset/splits'

describe('document-level splits', () => {
  const splits = parseSplits('train=0.8,dev=0.1,test=0.1')

  it('parses and checks the spec', () => {
    expect(splits).toEqual([
      { name: 'train', ratio: 0.8 },
      { name: 'dev', ratio: 0.1 },
      { name: 'test', ratio: 0.1 }
    ])
    expect(() => parseSplits('train=0.8,test=0.1')).toThrow(/add up to 0.9/)
    expect(() => parseSplits('train=0.8,train=0.2')).toThrow(/twice/)
    expect(() => parseSplits('train')).toThrow(/NAME=RATIO/)
  })

  it('depends only on the id and the seed, so growing the corpus moves no document', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `doc-${i}`)
    const before = new Map(ids.slice(0, 1000).map((id) => [id, splitOf(id, 7, splits)]))
    const after = new Map(ids.map((id) => [id, splitOf(id, 7, splits)]))
    for (const [id, split] of before) expect(after.get(id)).toBe(split)
    const counts = { train: 0, dev: 0, test: 0 } as Record<string, number>
    for (const s of after.values()) counts[s] = (counts[s] ?? 0) + 1
    // close to the ratios (binomial: 1600 ± ~54 for train at 3 sigma)
    expect(counts['train']).toBeGreaterThan(1500)
    expect(counts['train']).toBeLessThan(1700)
    expect(counts['dev']).toBeGreaterThan(140)
    expect(counts['test']).toBeGreaterThan(140)
    const other = ids.filter((id) => splitOf(id, 8, splits) !== after.get(id))
    expect(other.length).toBeGreaterThan(100) // another seed gives another split
  })
})
