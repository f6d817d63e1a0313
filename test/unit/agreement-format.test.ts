import { describe, expect, it } from 'vitest'
import { computeAgreement, formatAgreementTable, formatScore, type AgreementSpan } from '../../src/shared/agreement'

const sp = (start: number, end: number, label: string): AgreementSpan => ({ start, end, label })
const TEXT = 'abcdefghijklmnopqrstuvwxyz'

// A has 3 spans, B has 2, one identical → exact F1 = 2·1/5 = 0.4; overlap F1 = 2·2/5 = 0.8
const report = computeAgreement({
  annotators: ['alice', 'bob'],
  labels: ['PERSON', 'DATE', 'MEETING'],
  documents: [
    { id: 'news-1', text: TEXT, layers: { alice: [sp(0, 3, 'PERSON'), sp(5, 8, 'PERSON'), sp(10, 12, 'DATE')], bob: [sp(0, 3, 'PERSON'), sp(5, 9, 'PERSON')] } },
    { id: '기사-2', text: TEXT, layers: {} }
  ]
})

describe('formatAgreementTable', () => {
  const table = formatAgreementTable(report)
  const line = (start: string): string => table.split('\n').find((l) => l.startsWith(start)) ?? ''

  it('names the annotators, labels and documents', () => {
    expect(table).toContain('2 annotators (alice, bob), 2 documents, 52 characters (52 non-whitespace)')
    for (const name of ['PERSON', 'DATE', 'MEETING', 'alice / bob', 'news-1', '기사-2', '∅']) expect(table).toContain(name)
  })

  it('shows the scores rounded to 3 decimals', () => {
    const overall = line('(all labels)')
    expect(overall).toContain('0.400')
    expect(overall).toContain('0.800')
    expect(overall).toContain((report.overall.kappa ?? NaN).toFixed(3))
    expect(overall).toContain((report.overall.alpha_u ?? NaN).toFixed(3))
    expect(overall).toMatch(/3\/2$/)
    // PERSON: 2·1/4 = 0.5 exact, 2·2/4 = 1 overlap
    expect(line('PERSON')).toMatch(/^PERSON\s+0\.500\s+1\.000\s/)
    expect(line('alice / bob')).toMatch(/0\.400\s+0\.800\s.*3\/2\s+1\s+2$/)
  })

  it('says "no spans" where nobody made a span', () => {
    expect(line('MEETING')).toMatch(/^MEETING\s+no spans\s+no spans\s+no spans\s+no spans\s+0\/0$/)
    expect(line('기사-2')).toContain('no spans')
  })

  it('lists documents worst first and can limit them', () => {
    const lines = table.split('\n')
    expect(lines.findIndex((l) => l.startsWith('news-1'))).toBeLessThan(lines.findIndex((l) => l.startsWith('기사-2')))
    const short = formatAgreementTable(report, { maxDocuments: 1 })
    expect(short).toContain('news-1')
    expect(short).not.toContain('기사-2 ')
    expect(short).toContain('… 1 more documents')
  })

  it('aligns columns, counting Hangul as two columns wide', () => {
    const header = line('document')
    const row = line('기사-2')
    // '기사-2' is 6 columns wide, like 'news-1': the next column starts at the same place
    expect(header.indexOf('exact_f1')).toBe(row.indexOf('no spans') + 2)
  })
})

describe('formatScore', () => {
  it('rounds to 3 decimals and renders null', () => {
    expect(formatScore(2 / 3, 1)).toBe('0.667')
    expect(formatScore(-0.0001, 1)).toBe('0.000')
    expect(formatScore(-0.84, 1)).toBe('-0.840')
    expect(formatScore(null, 0)).toBe('no spans')
    expect(formatScore(null, 3)).toBe('n/a')
  })
})
