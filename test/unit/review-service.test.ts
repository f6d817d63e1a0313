import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { ReviewService } from '../../src/main/services/review-service'
import { GOLD, REJECTED } from '../../src/shared/layers'
import { tempProject } from './helpers/temp-project'
import { english } from './helpers/english'

let t: ReturnType<typeof tempProject>
let review: ReviewService
let annotate: AnnotationService
const TEXT = '😀 최태원 SK그룹 회장과 샘 올트먼이 4일 회동했다.'
//           0  2     6     11    14  16   20  23  26

beforeEach(() => {
  t = tempProject()
  t.project.write(() => t.project.documents.insert({ id: 'd', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  t.project.write(() => t.project.documents.insert({ id: 'e', title: 't', text: 'abc def', meta: {}, length: 7 }, 'now'))
  review = new ReviewService(t.project)
  annotate = new AnnotationService(t.project)
  const add = (who: string, start: number, end: number, label: string) => annotate.createSpan({ docId: 'd', annotator: who, start, end, label })
  add('minji', 2, 5, 'PERSON') // 최태원, agreed
  add('junho', 2, 5, 'PERSON')
  add('minji', 6, 10, 'ORGANISATION') // SK그룹, agreed
  add('junho', 6, 10, 'ORGANISATION')
  add('minji', 14, 19, 'PERSON') // 샘 올트먼 vs 올트먼: boundary conflict
  add('junho', 16, 19, 'PERSON')
  add('minji', 21, 23, 'DATE') // 4일, only minji
  add('junho', 24, 26, 'MEETING') // 회동 vs 회동 as DATE: label conflict
  add('minji', 24, 26, 'DATE')
})
afterEach(() => t.cleanup())

const gold = (doc = 'd') => t.project.spans.layer(doc, GOLD).map((s) => [s.start, s.end, s.label])

describe('ReviewService', () => {
  it('shows candidates classified, none decided, the document unreviewed', () => {
    const v = review.view('d', ['minji', 'junho'])
    expect(v.status).toBe('unreviewed')
    expect(v.candidates.map((c) => [c.key, c.kind, c.decision])).toEqual([
      ['2:5:PERSON', 'agreed', null],
      ['6:10:ORGANISATION', 'agreed', null],
      ['14:19:PERSON', 'boundary_conflict', null],
      ['16:19:PERSON', 'boundary_conflict', null],
      ['21:23:DATE', 'only_one', null],
      ['24:26:DATE', 'label_conflict', null],
      ['24:26:MEETING', 'label_conflict', null]
    ])
  })

  it('accepts all agreed spans in one undoable step, with provenance, and starts the review', () => {
    const r = review.acceptAgreed({ reviewer: 'lead', docId: 'd', annotators: ['minji', 'junho'] })
    expect(english(r.description)).toBe('Accept 2 agreed spans in d')
    expect(gold()).toEqual([
      [2, 5, 'PERSON'],
      [6, 10, 'ORGANISATION']
    ])
    const v = review.view('d', ['minji', 'junho'])
    expect(v.status).toBe('in_review')
    expect(v.gold.map((g) => [g.sources, g.acceptedBy])).toEqual([
      [['minji', 'junho'], 'lead'],
      [['minji', 'junho'], 'lead']
    ])
    expect(v.candidates.filter((c) => c.decision === 'accepted')).toHaveLength(2)
    annotate.undo({ annotator: 'lead' })
    expect(gold()).toEqual([])
    annotate.redo({ annotator: 'lead' })
    expect(gold()).toHaveLength(2)
    // redo restores the same span ids, so provenance is still there
    expect(review.view('d', ['minji', 'junho']).gold.every((g) => g.acceptedBy === 'lead')).toBe(true)
    expect(review.acceptAgreed({ reviewer: 'lead', docId: 'd', annotators: ['minji', 'junho'] }).applied).toBe(false)
  })

  it('accepts an edited span, rejects another, and switching a decision moves the span between layers', () => {
    review.accept({ reviewer: 'lead', docId: 'd', state: { start: 15, end: 19, label: 'PERSON' }, sources: ['minji', 'junho'] })
    review.reject({ reviewer: 'lead', docId: 'd', state: { start: 24, end: 26, label: 'DATE' } })
    expect(gold()).toEqual([[15, 19, 'PERSON']])
    expect(t.project.spans.layer('d', REJECTED).map((s) => s.label)).toEqual(['DATE'])
    const r = review.accept({ reviewer: 'lead', docId: 'd', state: { start: 24, end: 26, label: 'DATE' }, sources: ['minji'] })
    // Accepting one side of the label conflict settles it: junho's MEETING for the same range is rejected.
    expect(r.changes.map((c) => [c.annotator, c.before ? 'out' : 'in'])).toEqual([
      [REJECTED, 'out'],
      [GOLD, 'in'],
      [REJECTED, 'in']
    ])
    expect(t.project.spans.layer('d', REJECTED).map((s) => s.label)).toEqual(['MEETING'])
    const decisions = Object.fromEntries(review.view('d', ['minji', 'junho']).candidates.map((c) => [c.key, c.decision]))
    expect(decisions['24:26:DATE']).toBe('accepted')
    expect(decisions['24:26:MEETING']).toBe('rejected')
    // every decision is in the history
    expect(t.project.history.recent(3).map((g) => g.kind)).toEqual(['accept', 'reject', 'accept'])
  })

  it('refuses spans outside the document or with unknown labels', () => {
    expect(() => review.accept({ reviewer: 'r', docId: 'd', state: { start: 0, end: 99, label: 'DATE' }, sources: [] })).toThrow(/not inside "d"/)
    expect(() => review.reject({ reviewer: 'r', docId: 'd', state: { start: 0, end: 1, label: 'X' } })).toThrow(/no label "X"/)
    expect(() => review.view('zz', ['a', 'b'])).toThrow(/no document "zz"/)
  })

  it('adjudicates documents not yet reviewed: exact agreement of K annotators goes to gold', () => {
    annotate.createSpan({ docId: 'e', annotator: 'minji', start: 0, end: 3, label: 'DATE' })
    annotate.createSpan({ docId: 'e', annotator: 'junho', start: 0, end: 3, label: 'DATE' })
    review.setStatus({ reviewer: 'lead', docId: 'e', status: 'reviewed' })
    const r = review.adjudicate({ reviewer: 'lead', annotators: ['minji', 'junho'], minAgree: 2 })
    expect(r).toEqual({ documents: 1, accepted: 2, remaining: 5, skippedReviewed: 1, linksAccepted: 0, linksRemaining: 0 })
    expect(gold()).toEqual([
      [2, 5, 'PERSON'],
      [6, 10, 'ORGANISATION']
    ])
    expect(gold('e')).toEqual([])
    expect(review.view('d', ['minji', 'junho']).status).toBe('unreviewed')
    const loose = review.adjudicate({ reviewer: 'lead', annotators: ['minji', 'junho'], minAgree: 1 })
    // 샘 올트먼, 올트먼 and 4일; the label conflict on 회동 (DATE vs MEETING, one vote each) waits for the reviewer.
    expect(loose).toMatchObject({ accepted: 3, remaining: 2 })
    expect(gold().filter(([s]) => s === 24)).toEqual([])
  })
})
