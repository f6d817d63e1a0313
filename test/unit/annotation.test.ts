import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { tempProject } from './helpers/temp-project'
import { english } from './helpers/english'

let t: ReturnType<typeof tempProject>
let project: Project
let svc: AnnotationService
const TEXT = '👩‍👩‍👧 최태원 SK그룹 회장'

beforeEach(() => {
  t = tempProject()
  project = t.project
  project.write(() => project.documents.insert({ id: 'd1', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  project.write(() => project.documents.insert({ id: 'd2', title: 't', text: 'abc def', meta: {}, length: 7 }, 'now'))
  svc = new AnnotationService(project)
})
afterEach(() => t.cleanup())

const layer = (doc = 'd1', who = 'alice') => project.spans.layer(doc, who).map((s) => [s.start, s.end, s.label])

describe('AnnotationService', () => {
  it('creates a span in code points after a ZWJ sequence, commits it and records history', () => {
    // 👩‍👩‍👧 is 5 code points, then a space: 최태원 is at 6..9
    const r = svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 9, label: 'PERSON' })
    expect(r.applied).toBe(true)
    expect(english(r.description)).toBe('Label “최태원” as Person')
    expect(layer()).toEqual([[6, 9, 'PERSON']])
    const groups = project.history.recent(10)
    expect(groups[0]).toMatchObject({ kind: 'create', actor: 'alice' })
    expect(project.history.changesOf(groups[0]!.id)).toEqual([
      { spanId: r.changes[0]!.spanId, docId: 'd1', annotator: 'alice', before: null, after: { start: 6, end: 9, label: 'PERSON' } }
    ])
  })

  it('does not duplicate an identical span', () => {
    svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 9, label: 'PERSON' })
    const again = svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 9, label: 'PERSON' })
    expect(again.applied).toBe(false)
    expect(layer()).toHaveLength(1)
  })

  it('allows overlapping and nested spans', () => {
    svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 16, label: 'MEETING' })
    svc.createSpan({ docId: 'd1', annotator: 'alice', start: 10, end: 14, label: 'ORGANISATION' })
    svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 16, label: 'PERSON' })
    expect(layer()).toEqual([
      [6, 16, 'MEETING'],
      [6, 16, 'PERSON'],
      [10, 14, 'ORGANISATION']
    ])
  })

  it('rejects out-of-range offsets, unknown labels and documents with messages', () => {
    expect(() => svc.createSpan({ docId: 'd1', annotator: 'a', start: 0, end: 99, label: 'PERSON' })).toThrow(/past the end of "d1" \(17 characters\)/)
    expect(() => svc.createSpan({ docId: 'd1', annotator: 'a', start: 3, end: 3, label: 'PERSON' })).toThrow(/at least one character/)
    expect(() => svc.createSpan({ docId: 'd1', annotator: 'a', start: 0, end: 1, label: 'FOO' })).toThrow(/no label "FOO"/)
    expect(() => svc.createSpan({ docId: 'nope', annotator: 'a', start: 0, end: 1, label: 'PERSON' })).toThrow(/no document "nope"/)
  })

  it('relabels and deletes only spans in the caller’s own layer', () => {
    const { changes } = svc.createSpan({ docId: 'd1', annotator: 'bob', start: 6, end: 9, label: 'PERSON' })
    const id = changes[0]!.spanId
    expect(() => svc.relabelSpan({ annotator: 'alice', spanId: id, label: 'DATE' })).toThrow(ApiError)
    expect(() => svc.deleteSpan({ annotator: 'alice', spanId: id })).toThrow(/bob's layer/)
    expect(layer('d1', 'bob')).toEqual([[6, 9, 'PERSON']])
  })

  it('undoes and redoes create, relabel and delete across documents, newest first', () => {
    const a = svc.createSpan({ docId: 'd1', annotator: 'alice', start: 6, end: 9, label: 'PERSON' }).changes[0]!.spanId
    const b = svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'DATE' }).changes[0]!.spanId
    svc.relabelSpan({ annotator: 'alice', spanId: a, label: 'ORGANISATION' })
    svc.deleteSpan({ annotator: 'alice', spanId: b })
    expect(layer('d2')).toEqual([])

    const u1 = svc.undo({ annotator: 'alice' })
    expect(english(u1.description)).toBe('Undo: Delete “abc”')
    expect(layer('d2')).toEqual([[0, 3, 'DATE']])
    expect(project.spans.get(b)?.id).toBe(b) // restored under its old id

    svc.undo({ annotator: 'alice' })
    expect(layer('d1')).toEqual([[6, 9, 'PERSON']])

    svc.redo({ annotator: 'alice' })
    expect(layer('d1')).toEqual([[6, 9, 'ORGANISATION']])
    svc.redo({ annotator: 'alice' })
    expect(layer('d2')).toEqual([])
    expect(svc.redo({ annotator: 'alice' }).applied).toBe(false)

    svc.undo({ annotator: 'alice' })
    svc.undo({ annotator: 'alice' })
    svc.undo({ annotator: 'alice' })
    svc.undo({ annotator: 'alice' })
    expect(layer('d1')).toEqual([])
    expect(layer('d2')).toEqual([])
    expect(svc.undo({ annotator: 'alice' })).toMatchObject({ applied: false, description: { key: 'changes:nothingToUndo' } })
  })

  it('clears the redo stack on a new action, and keeps undo stacks per annotator', () => {
    svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'DATE' })
    svc.createSpan({ docId: 'd2', annotator: 'bob', start: 4, end: 7, label: 'DATE' })
    svc.undo({ annotator: 'alice' })
    expect(layer('d2', 'bob')).toHaveLength(1)
    svc.createSpan({ docId: 'd2', annotator: 'alice', start: 4, end: 7, label: 'PERSON' })
    expect(svc.redo({ annotator: 'alice' }).applied).toBe(false)
  })

  it('survives reopening: the undo stack lives in the database', () => {
    svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'DATE' })
    const file = t.file
    project.close()
    project = Project.open(file)
    t.project = project
    svc = new AnnotationService(project)
    svc.undo({ annotator: 'alice' })
    expect(layer('d2')).toEqual([])
  })

  it('refuses to undo over a change made elsewhere, and changes nothing', () => {
    const id = svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'DATE' }).changes[0]!.spanId
    // another window of the same annotator deletes it directly
    project.write(() => project.spans.delete(id))
    let refused: unknown
    try {
      svc.undo({ annotator: 'alice' })
    } catch (err) {
      refused = err
    }
    // The headline names the change; the detail says what is in the way.
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).message).toMatch(/^Cannot undo “Label “abc” as Date”: something it changes was changed since/)
    expect((refused as ApiError).details.map((d) => english(d))).toEqual(['“abc”: that span was deleted elsewhere; nothing changed.'])
    expect(project.history.topUndo('alice')).toBeDefined()
  })

  it('refuses a relabel that would duplicate another span', () => {
    svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'DATE' })
    const id = svc.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 3, label: 'PERSON' }).changes[0]!.spanId
    expect(() => svc.relabelSpan({ annotator: 'alice', spanId: id, label: 'DATE' })).toThrow(/already a Date span/)
  })
})
