import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { RelationsService } from '../../src/main/services/relations-service'
import type { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { tempProject } from './helpers/temp-project'
import { english } from './helpers/english'

let t: ReturnType<typeof tempProject>
let project: Project
let spans: AnnotationService
let links: RelationsService
const TEXT = '최태원 SK그룹 회장과 샘 올트먼 CEO가 4일 회동했다.'
const at = (word: string): { start: number; end: number } => {
  const start = [...TEXT.slice(0, TEXT.indexOf(word))].length
  return { start, end: start + [...word].length }
}

beforeEach(() => {
  t = tempProject()
  project = t.project
  project.write(() => project.documents.insert({ id: 'd1', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  project.write(() => project.documents.insert({ id: 'd2', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  spans = new AnnotationService(project)
  links = new RelationsService(project)
})
afterEach(() => t.cleanup())

const label = (word: string, key: string, who = 'alice', docId = 'd1'): number =>
  spans.createSpan({ docId, annotator: who, ...at(word), label: key }).changes[0]!.spanId
const rows = (): unknown[] => project.db.prepare('SELECT doc_id, annotator, from_span, to_span, type FROM relations ORDER BY id').all()
const refusal = (fn: () => unknown): ApiError => {
  try {
    fn()
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('relations', () => {
  it('lists the roles of the label schema', () => {
    expect(links.listRoles().map((r) => [r.type, r.hotkey, r.fromLabels, r.toLabels])).toEqual([
      ['participant', 'p', ['MEETING'], ['PERSON', 'ORGANISATION']],
      ['date', 'd', ['MEETING'], ['DATE']],
      ['place', 'l', ['MEETING'], []]
    ])
  })

  it('links a meeting to a participant and a date as one change group each, listed for the layer', () => {
    const meeting = label('회동', 'MEETING')
    const chey = label('최태원', 'PERSON')
    const day = label('4일', 'DATE')
    const r = links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' })
    expect(r.applied).toBe(true)
    expect(english(r.description)).toBe('Link Participant: “회동” → “최태원”')
    expect(r.changes).toEqual([])
    expect(r.relationChanges).toEqual([
      { relationId: expect.any(Number), docId: 'd1', annotator: 'alice', before: null, after: { from: meeting, to: chey, type: 'participant' } }
    ])
    links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' })
    expect(links.listRelations({ docId: 'd1', annotator: 'alice' }).map((x) => [x.from, x.to, x.type])).toEqual([
      [meeting, chey, 'participant'],
      [meeting, day, 'date']
    ])
    expect(links.listRelations({ docId: 'd1', annotator: 'bob' })).toEqual([])
    const group = project.history.recent(1)[0]!
    expect(group).toMatchObject({ kind: 'create', actor: 'alice' })
    expect(project.relations.changesOf(group.id)).toHaveLength(1)
  })

  it('refuses wrong labels, duplicates, other layers, other documents and unknown roles, changing nothing', () => {
    const meeting = label('회동', 'MEETING')
    const chey = label('최태원', 'PERSON')
    const day = label('4일', 'DATE')
    const bobs = label('샘 올트먼', 'PERSON', 'bob')
    const other = label('샘 올트먼', 'PERSON', 'alice', 'd2')
    const wrong = refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'participant' }))
    expect(wrong.code).toBe('rejected')
    expect(wrong.message).toBe('Participant links Meeting to Person / Organisation, but the other span is Date. Pick a Person / Organisation span.')
    const backwards = refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: chey, to: meeting, type: 'place' }))
    expect(backwards.message).toContain('this link starts at a Person span')
    links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' })
    const dup = refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' }))
    expect([dup.code, dup.message]).toEqual(['conflict', '“회동” → “최태원” is already linked as Participant.'])
    expect(refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: bobs, type: 'participant' })).message).toContain(
      "in bob's layer"
    )
    expect(refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: other, type: 'participant' })).message).toContain(
      'another document'
    )
    expect(refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: meeting, type: 'place' })).message).toContain(
      'itself'
    )
    expect(refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'venue' })).code).toBe('invalid_args')
    expect(refusal(() => links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: 9999, type: 'place' })).code).toBe('not_found')
    expect(rows()).toHaveLength(1)
  })

  it('undoes and redoes a link like any change group', () => {
    const meeting = label('회동', 'MEETING')
    const day = label('4일', 'DATE')
    links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' })
    const undone = spans.undo({ annotator: 'alice' })
    expect(english(undone.description)).toBe('Undo: Link Date: “회동” → “4일”')
    expect(undone.relationChanges?.[0]).toMatchObject({ before: { from: meeting, to: day, type: 'date' }, after: null })
    expect(rows()).toEqual([])
    expect(project.spans.layer('d1', 'alice')).toHaveLength(2)
    const redone = spans.redo({ annotator: 'alice' })
    expect(redone.relationChanges?.[0]).toMatchObject({ before: null, after: { from: meeting, to: day, type: 'date' } })
    expect(rows()).toEqual([{ doc_id: 'd1', annotator: 'alice', from_span: meeting, to_span: day, type: 'date' }])
  })

  it('deletes a span with its links in one group; one undo brings back both, redo removes both', () => {
    const meeting = label('회동', 'MEETING')
    const chey = label('최태원', 'PERSON')
    const day = label('4일', 'DATE')
    links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' })
    links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' })
    const before = rows()
    const del = spans.deleteSpan({ annotator: 'alice', spanId: meeting })
    expect(english(del.description)).toBe('Delete “회동” and 2 links')
    expect(del.relationChanges).toHaveLength(2)
    expect(rows()).toEqual([])
    spans.undo({ annotator: 'alice' })
    expect(project.spans.get(meeting)).toMatchObject({ label: 'MEETING' })
    expect(rows()).toEqual(before)
    spans.redo({ annotator: 'alice' })
    expect(project.spans.get(meeting)).toBeUndefined()
    expect(rows()).toEqual([])
  })

  it('refuses to undo a link whose span was deleted since (by another route), changing nothing', () => {
    const meeting = label('회동', 'MEETING')
    const day = label('4일', 'DATE')
    const made = links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' })
    const id = made.relationChanges![0]!.relationId
    links.deleteRelation({ annotator: 'alice', relationId: id })
    expect(rows()).toEqual([])
    // Removed behind the history's back (another program): the undo of the unlink must not bring back a dangling link.
    project.write(() => project.spans.delete(day))
    const err = refusal(() => spans.undo({ annotator: 'alice' }))
    expect([err.code, err.message]).toEqual(['conflict', 'Cannot undo “Unlink Date: “회동” → “4일””: something it changes was changed since (perhaps by someone else or in another window); nothing changed.'])
    expect(err.details.map((d) => english(d))).toEqual(['“회동” → “4일”: a span of its link is gone now; nothing changed.'])
    expect(rows()).toEqual([])
  })

  it('deletes a link only in the caller layer', () => {
    const meeting = label('회동', 'MEETING')
    const day = label('4일', 'DATE')
    const id = links.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' }).relationChanges![0]!.relationId
    expect(refusal(() => links.deleteRelation({ annotator: 'bob', relationId: id })).code).toBe('conflict')
    expect(english(links.deleteRelation({ annotator: 'alice', relationId: id }).description)).toBe('Unlink Date: “회동” → “4일”')
    expect(refusal(() => links.deleteRelation({ annotator: 'alice', relationId: id })).code).toBe('not_found')
  })
})
