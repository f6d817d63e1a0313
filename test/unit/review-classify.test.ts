import { describe, expect, it } from 'vitest'
import { classifyCandidates } from '../../src/shared/review/classify'

const s = (start: number, end: number, label: string) => ({ start, end, label })
const kinds = (c: ReturnType<typeof classifyCandidates>) => c.map((x) => [x.key, x.kind, x.annotators.join('+')])

describe('classifyCandidates', () => {
  it('classifies agreed, label, boundary, mixed and only-one spans between two annotators', () => {
    const layers = {
      a: [s(0, 3, 'PERSON'), s(5, 9, 'ORGANISATION'), s(10, 15, 'PERSON'), s(20, 24, 'DATE'), s(30, 33, 'MEETING')],
      b: [s(0, 3, 'PERSON'), s(5, 9, 'MEETING'), s(12, 15, 'PERSON'), s(21, 26, 'MEETING'), s(40, 42, 'DATE')]
    }
    expect(kinds(classifyCandidates(['a', 'b'], layers))).toEqual([
      ['0:3:PERSON', 'agreed', 'a+b'],
      ['5:9:MEETING', 'label_conflict', 'b'],
      ['5:9:ORGANISATION', 'label_conflict', 'a'],
      ['10:15:PERSON', 'boundary_conflict', 'a'],
      ['12:15:PERSON', 'boundary_conflict', 'b'],
      ['20:24:DATE', 'mixed_conflict', 'a'],
      ['21:26:MEETING', 'mixed_conflict', 'b'],
      ['30:33:MEETING', 'only_one', 'a'],
      ['40:42:DATE', 'only_one', 'b']
    ])
  })

  it('lists the related spans a conflict is about', () => {
    const c = classifyCandidates(['a', 'b'], { a: [s(0, 10, 'MEETING')], b: [s(0, 4, 'MEETING'), s(5, 8, 'ORGANISATION')] })
    expect(c.find((x) => x.key === '0:10:MEETING')?.related).toEqual(['0:4:MEETING', '5:8:ORGANISATION'])
  })

  it('does not count a nested span both annotators agree on as a conflict of the outer one', () => {
    const c = classifyCandidates(['a', 'b'], { a: [s(0, 10, 'MEETING'), s(2, 5, 'ORGANISATION')], b: [s(2, 5, 'ORGANISATION')] })
    expect(kinds(c)).toEqual([
      ['0:10:MEETING', 'only_one', 'a'],
      ['2:5:ORGANISATION', 'agreed', 'a+b']
    ])
  })

  it('with three annotators, tells partial agreement from agreement', () => {
    const c = classifyCandidates(['a', 'b', 'c'], { a: [s(0, 2, 'DATE'), s(4, 6, 'DATE')], b: [s(0, 2, 'DATE'), s(4, 6, 'DATE')], c: [s(0, 2, 'DATE')] })
    expect(kinds(c)).toEqual([
      ['0:2:DATE', 'agreed', 'a+b+c'],
      ['4:6:DATE', 'partial', 'a+b']
    ])
  })

  it('ignores layers that were not chosen, and handles empty layers', () => {
    expect(classifyCandidates(['a', 'b'], { c: [s(0, 1, 'DATE')] })).toEqual([])
    expect(kinds(classifyCandidates(['a', 'b'], { a: [s(0, 1, 'DATE')] }))).toEqual([['0:1:DATE', 'only_one', 'a']])
  })
})
