import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { RelationsService } from '../../src/main/services/relations-service'
import { ReviewService } from '../../src/main/services/review-service'
import { GOLD } from '../../src/shared/layers'
import { tempProject } from './helpers/temp-project'
import { english } from './helpers/english'

let t: ReturnType<typeof tempProject>
let review: ReviewService
let annotate: AnnotationService
let relations: RelationsService
const TEXT = '최태원 SK그룹 회장과 샘 올트먼이 4일 회동했다.'
//           0   4     9    13 15   20 23
const WHO = ['minji', 'junho']
const CHEY = { start: 0, end: 3, label: 'PERSON' }
const ALTMAN = { start: 13, end: 18, label: 'PERSON' }
const ALTMAN_SHORT = { start: 15, end: 18, label: 'PERSON' }
const DAY = { start: 20, end: 22, label: 'DATE' }
const MEETING = { start: 23, end: 25, label: 'MEETING' }

function span(who: string, s: { start: number; end: number; label: string }): number {
  const r = annotate.createSpan({ docId: 'd', annotator: who, ...s })
  return r.changes[0]?.spanId as number
}

function link(who: string, from: number, to: number, type: string): void {
  relations.createRelation({ annotator: who, docId: 'd', from, to, type })
}

beforeEach(() => {
  t = tempProject()
  t.project.write(() => t.project.documents.insert({ id: 'd', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  review = new ReviewService(t.project)
  annotate = new AnnotationService(t.project)
  relations = new RelationsService(t.project)
  for (const who of WHO) {
    const m = span(who, MEETING)
    link(who, m, span(who, CHEY), 'participant') // agreed
    link(who, m, span(who, DAY), 'date') // agreed
  }
  // minji: 샘 올트먼 participant; junho: 올트먼 participant → a conflict on the argument's boundaries.
  link('minji', t.project.spans.findIdentical('d', 'minji', MEETING)?.id as number, span('minji', ALTMAN), 'participant')
  link('junho', t.project.spans.findIdentical('d', 'junho', MEETING)?.id as number, span('junho', ALTMAN_SHORT), 'participant')
})
afterEach(() => t.cleanup())

const goldLinks = () =>
  t.project.relations.layer('d', GOLD).map((r) => {
    const from = t.project.spans.get(r.from)
    const to = t.project.spans.get(r.to)
    return `${from?.label}>${r.type}>${to?.start}:${to?.end}`
  })

describe('review of links', () => {
  it('lists link candidates: agreed by everyone, conflicting where the other links the meeting in that role elsewhere', () => {
    const v = review.view('d', WHO)
    expect(v.links.map((l) => [l.key, l.kind, l.annotators, l.decision])).toEqual([
      ['23:25:MEETING|date|20:22:DATE', 'agreed', WHO, null],
      ['23:25:MEETING|participant|0:3:PERSON', 'agreed', WHO, null],
      ['23:25:MEETING|participant|13:18:PERSON', 'conflict', ['minji'], null],
      ['23:25:MEETING|participant|15:18:PERSON', 'conflict', ['junho'], null]
    ])
  })

  it('a link only some have is only_some; the same two spans in another role, or another argument in the role, is a conflict', () => {
    const meeting = (who: string) => t.project.spans.findIdentical('d', who, MEETING)?.id as number
    const sk = { start: 4, end: 8, label: 'ORGANISATION' }
    link('minji', meeting('minji'), span('minji', { start: 9, end: 11, label: 'PERSON' }), 'place') // junho has no place at all
    link('minji', meeting('minji'), span('minji', sk), 'place') // junho links SK그룹 as a participant instead
    link('junho', meeting('junho'), span('junho', sk), 'participant')
    const kinds = Object.fromEntries(review.view('d', WHO).links.map((l) => [l.key, l.kind]))
    expect(kinds['23:25:MEETING|place|9:11:PERSON']).toBe('only_some')
    expect(kinds['23:25:MEETING|place|4:8:ORGANISATION']).toBe('conflict')
    expect(kinds['23:25:MEETING|participant|4:8:ORGANISATION']).toBe('conflict')
    expect(kinds['23:25:MEETING|date|20:22:DATE']).toBe('agreed')
  })

  it('refuses to accept a link before its spans are in gold, and accepts it after; undo takes the link back', () => {
    const args = { reviewer: 'lead', docId: 'd', link: { from: MEETING, to: CHEY, type: 'participant' } }
    expect(() => review.acceptLink(args)).toThrow(/“회동” \(Meeting\) and “최태원” \(Person\) are not in gold yet\. Accept the spans first/)
    review.accept({ reviewer: 'lead', docId: 'd', state: MEETING, sources: WHO })
    expect(() => review.acceptLink(args)).toThrow(/“최태원” \(Person\) is not in gold yet/)
    expect(goldLinks()).toEqual([])

    review.accept({ reviewer: 'lead', docId: 'd', state: CHEY, sources: WHO })
    const r = review.acceptLink(args)
    expect(r.applied).toBe(true)
    expect(english(r.description)).toBe('Accept link Participant: “회동” → “최태원”')
    expect(goldLinks()).toEqual(['MEETING>participant>0:3'])
    expect(review.view('d', WHO).links.find((l) => l.key === '23:25:MEETING|participant|0:3:PERSON')?.decision).toBe('accepted')
    expect(review.acceptLink(args).applied).toBe(false)

    annotate.undo({ annotator: 'lead' })
    expect(goldLinks()).toEqual([])
    expect(t.project.spans.layer('d', GOLD)).toHaveLength(2)
    annotate.redo({ annotator: 'lead' })
    expect(goldLinks()).toEqual(['MEETING>participant>0:3'])
  })

  it('accept all agreed takes the agreed spans and then the agreed links between them, in one undo step', () => {
    const r = review.acceptAgreed({ reviewer: 'lead', docId: 'd', annotators: WHO })
    expect(english(r.description)).toBe('Accept 3 agreed span(s) and 2 agreed link(s) in d')
    expect(goldLinks().sort()).toEqual(['MEETING>date>20:22', 'MEETING>participant>0:3'])
    // The conflicting link stays a candidate; its argument is not in gold, so it cannot be accepted yet.
    expect(() => review.acceptLink({ reviewer: 'lead', docId: 'd', link: { from: MEETING, to: ALTMAN, type: 'participant' } })).toThrow(
      /“샘 올트먼” \(Person\) is not in gold yet/
    )
    annotate.undo({ annotator: 'lead' })
    expect(goldLinks()).toEqual([])
    expect(t.project.spans.layer('d', GOLD)).toEqual([])
  })

  it('rejecting a gold span takes its gold links with it, and undo brings both back', () => {
    review.acceptAgreed({ reviewer: 'lead', docId: 'd', annotators: WHO })
    const r = review.reject({ reviewer: 'lead', docId: 'd', state: DAY })
    expect(english(r.description)).toBe('Reject “4일” as Date (and its gold link)')
    expect(goldLinks()).toEqual(['MEETING>participant>0:3'])
    annotate.undo({ annotator: 'lead' })
    expect(goldLinks().sort()).toEqual(['MEETING>date>20:22', 'MEETING>participant>0:3'])
  })

  it('refuses a link whose labels the role does not connect', () => {
    expect(() => review.acceptLink({ reviewer: 'lead', docId: 'd', link: { from: MEETING, to: CHEY, type: 'date' } })).toThrow(/Date links Meeting to Date/)
  })
})

describe('classifyLinks', () => {
  it('an extra participant one annotator added beside agreed ones is only_some, not a conflict', async () => {
    const { classifyLinks } = await import('../../src/shared/review/links')
    const m = { start: 9, end: 11, label: 'MEETING' }
    const a = { start: 0, end: 3, label: 'PERSON' }
    const b = { start: 4, end: 6, label: 'PERSON' }
    const links = {
      x: [{ from: m, to: a, type: 'participant' }, { from: m, to: b, type: 'participant' }],
      y: [{ from: m, to: a, type: 'participant' }]
    }
    expect(classifyLinks(['x', 'y'], links).map((l) => [l.key, l.kind, l.annotators])).toEqual([
      ['9:11:MEETING|participant|0:3:PERSON', 'agreed', ['x', 'y']],
      ['9:11:MEETING|participant|4:6:PERSON', 'only_some', ['x']]
    ])
  })
})
