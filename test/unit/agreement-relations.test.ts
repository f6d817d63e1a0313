import { afterEach, describe, expect, it } from 'vitest'
import { projectAgreement } from '../../src/main/services/agreement-service'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { RelationsService } from '../../src/main/services/relations-service'
import { computeAgreement, formatAgreementTable, type AgreementDocument, type AgreementLink } from '../../src/shared/agreement'
import { agreementReportSchema } from '../../src/shared/agreement-schema'
import { tempProject } from './helpers/temp-project'

const TEXT = '최태원 SK그룹 회장과 샘 올트먼이 4일 회동했다.'
const M = { start: 23, end: 25, label: 'MEETING' }
const CHEY = { start: 0, end: 3, label: 'PERSON' }
const ALTMAN = { start: 13, end: 18, label: 'PERSON' }
const DAY = { start: 20, end: 22, label: 'DATE' }
const spans = [M, CHEY, ALTMAN, DAY]
const p = (to: typeof CHEY): AgreementLink => ({ from: M, to, type: 'participant' })
const d = (to: typeof CHEY): AgreementLink => ({ from: M, to, type: 'date' })

function report(a: AgreementLink[], b: AgreementLink[], extraB: (typeof CHEY)[] = []) {
  const doc: AgreementDocument = { id: 'n1', text: TEXT, layers: { a: spans, b: [...spans, ...extraB] }, links: { a, b } }
  return computeAgreement({ annotators: ['a', 'b'], labels: ['PERSON', 'DATE', 'MEETING'], documents: [doc] })
}

describe('agreement over links: exact F1 of (meeting, role, argument) triples', () => {
  it('identical links agree completely, overall and per role', () => {
    const r = report([p(CHEY), p(ALTMAN), d(DAY)], [p(CHEY), p(ALTMAN), d(DAY)])
    expect(r.relations?.exact_f1).toBe(1)
    expect(r.relations?.links).toEqual({ a: 3, b: 3 })
    expect(r.relations?.pairs).toEqual([{ a: 'a', b: 'b', exact_f1: 1, links_a: 3, links_b: 3, matched: 3 }])
    expect(Object.keys(r.relations?.roles ?? {})).toEqual(['date', 'participant'])
    expect(r.relations?.roles['participant']).toMatchObject({ exact_f1: 1, links: { a: 2, b: 2 } })
  })

  it('a missing link lowers F1: 2·2 / (3 + 2)', () => {
    const r = report([p(CHEY), p(ALTMAN), d(DAY)], [p(CHEY), d(DAY)])
    expect(r.relations?.exact_f1).toBeCloseTo(0.8, 10)
    expect(r.relations?.roles['participant']?.exact_f1).toBeCloseTo((2 * 1) / 3, 10)
    expect(r.relations?.roles['date']?.exact_f1).toBe(1)
  })

  it('the same two spans in another role do not match', () => {
    const r = report([d(DAY)], [{ from: M, to: DAY, type: 'place' }])
    expect(r.relations?.exact_f1).toBe(0)
    expect(r.relations?.roles['date']).toMatchObject({ exact_f1: 0, links: { a: 1, b: 0 } })
    expect(r.relations?.roles['place']).toMatchObject({ exact_f1: 0, links: { a: 0, b: 1 } })
  })

  it('an argument with other boundaries does not match (올트먼 vs 샘 올트먼)', () => {
    const short = { start: 15, end: 18, label: 'PERSON' }
    const r = report([p(ALTMAN)], [p(short)], [short])
    expect(r.relations?.exact_f1).toBe(0)
    expect(r.relations?.pairs[0]?.matched).toBe(0)
  })

  it('without links the report has no relations section and the table is unchanged', () => {
    const doc: AgreementDocument = { id: 'n1', text: TEXT, layers: { a: spans, b: spans } }
    const plain = computeAgreement({ annotators: ['a', 'b'], labels: [], documents: [doc] })
    const empty = computeAgreement({ annotators: ['a', 'b'], labels: [], documents: [{ ...doc, links: { a: [], b: [] } }] })
    expect('relations' in plain).toBe(false)
    expect(JSON.stringify(empty)).toBe(JSON.stringify(plain))
    expect(formatAgreementTable(plain)).not.toContain('Links')
  })

  it('prints links as their own table and validates against the transport schema', () => {
    const r = report([p(CHEY), p(ALTMAN), d(DAY)], [p(CHEY), d(DAY)])
    const text = formatAgreementTable(r)
    expect(text).toContain('Links: exact F1 over (meeting, role, argument) triples')
    expect(text).toMatch(/\(all roles\)\s+0\.800\s+3\/2\s+2\n/)
    expect(text).toMatch(/participant\s+0\.667\s+2\/1\s+1/)
    expect(agreementReportSchema.parse(r).relations).toEqual(r.relations)
  })
})

describe('agreement over a project with links', () => {
  let t: ReturnType<typeof tempProject> | undefined
  afterEach(() => t?.cleanup())

  it('reads each layer’s links from the store, their ends by (start, end, label)', () => {
    t = tempProject()
    const { project } = t
    project.write(() => project.documents.insert({ id: 'n1', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
    const annotate = new AnnotationService(project)
    const relations = new RelationsService(project)
    const make = (who: string, s: typeof CHEY) => annotate.createSpan({ docId: 'n1', annotator: who, ...s }).changes[0]?.spanId as number
    for (const who of ['minji', 'junho']) {
      const m = make(who, M)
      relations.createRelation({ annotator: who, docId: 'n1', from: m, to: make(who, CHEY), type: 'participant' })
      if (who === 'minji') relations.createRelation({ annotator: who, docId: 'n1', from: m, to: make(who, DAY), type: 'date' })
    }
    const r = projectAgreement(project, ['minji', 'junho'])
    expect(r.relations?.links).toEqual({ minji: 2, junho: 1 })
    expect(r.relations?.exact_f1).toBeCloseTo((2 * 1) / 3, 10)
    expect(projectAgreement(project, ['minji', 'junho'], 'n1').relations).toEqual(r.relations)
  })
})
