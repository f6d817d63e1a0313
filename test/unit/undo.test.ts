import i18next from 'i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MutationResult } from '../../src/shared/api'
import { resources, NAMESPACES } from '../../src/shared/i18n'
import { GOLD } from '../../src/shared/layers'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

/** Issue 15: every project change is an undo step under its own name; what cannot be undone is a barrier. */
const TEXT = '😀 최태원 SK그룹 회장과 샘 올트먼이 4일 회동했다.'
//           0  2     6     11    15  17   21  24  27

let core: ReturnType<typeof tempCore>
beforeEach(async () => {
  core = tempCore({ annotator: 'alice', seeds: false })
  await core.call('importFiles', { annotator: 'alice', files: [{ name: 'd.txt', base64: Buffer.from(TEXT).toString('base64') }] })
})
afterEach(() => core.cleanup())

const docId = () => [...core.project.documents.iterateIds()][0] as string
const undo = (annotator = 'alice') => core.call<MutationResult>('undo', { annotator })
const redo = (annotator = 'alice') => core.call<MutationResult>('redo', { annotator })
const span = async (start: number, end: number, label: string, annotator = 'alice') =>
  (await core.call<MutationResult>('createSpan', { docId: docId(), annotator, start, end, label })).changes[0]!.spanId

describe('undo (issue 15)', () => {
  it('stops at an import, says it cannot be undone, and never undoes anything older past it', async () => {
    // beforeEach imported d.txt: a barrier on alice's stack.
    const r = await undo()
    expect(r).toMatchObject({ applied: false, description: { key: 'changes:cannotUndo', params: { what: 'importFiles', documents: 1, spans: 0 } } })
    expect(english(r.description)).toMatch(/^Cannot undo “Import 1 new document\(s\) and 0 new span\(s\)”: it cannot be undone/)
    await span(2, 5, 'PERSON')
    expect(english((await undo()).description)).toBe('Undo: Label “최태원” as Person')
    expect((await undo()).description.key).toBe('changes:cannotUndo')
    expect(core.project.spans.layer(docId(), 'alice')).toEqual([])
    // Still there after an older action was redone and undone again.
    expect(english((await redo()).description)).toBe('Redo: Label “최태원” as Person')
    expect(core.project.spans.layer(docId(), 'alice')).toHaveLength(1)
  })

  it('stops at a meeting merge (it moves entity links), naming it', async () => {
    const meeting = await span(25, 27, 'MEETING')
    await core.call('mergeMeetings', { annotator: 'alice', spanIds: [meeting], name: '서울 회동' })
    const r = await undo()
    expect(r.applied).toBe(false)
    expect(english(r.description)).toMatch(/^Cannot undo “Merge 1 meeting mention into the event “서울 회동””/)
    expect(core.project.spans.layer(docId(), 'alice')).toHaveLength(1)
  })

  it('a barrier is per person: another annotator still undoes their own last action', async () => {
    await span(2, 5, 'PERSON', 'bob')
    const r = await undo('bob')
    expect(r.applied).toBe(true)
    expect(r.docIds).toEqual([docId()])
  })

  it('reads descriptions stored as English sentences (before issue 15) back as changes:legacy', async () => {
    const id = await span(6, 10, 'ORGANISATION')
    // A group as an older Spanmark wrote it: a sentence, not a message.
    const old = core.project.db
      .prepare("INSERT INTO change_groups (at, actor, kind, description) VALUES ('2026-01-01T00:00:00Z', 'alice', 'delete', 'Delete “SK그룹”')")
      .run()
    const groupId = Number(old.lastInsertRowid)
    core.project.write(() => {
      core.project.spans.delete(id)
      core.project.history.record(groupId, { spanId: id, docId: docId(), annotator: 'alice', before: { start: 6, end: 10, label: 'ORGANISATION' }, after: null })
      core.project.history.pushUndoable('alice', groupId)
    })
    const r = await undo()
    expect(r.description).toEqual({ key: 'changes:undo', params: { what: 'legacy', text: 'Delete “SK그룹”' } })
    expect(english(r.description)).toBe('Undo: Delete “SK그룹”')
    expect(core.project.spans.layer(docId(), 'alice')).toHaveLength(1)
    expect(core.project.history.topRedo('alice')?.description).toEqual({ key: 'changes:legacy', params: { text: 'Delete “SK그룹”' } })
  })

  it('names undone actions in Korean with the same message data', async () => {
    await span(15, 20, 'PERSON')
    const r = await undo()
    const ko = i18next.createInstance()
    await ko.init({ lng: 'ko', resources, ns: NAMESPACES, interpolation: { escapeValue: false } })
    const t = ko.t.bind(ko) as unknown as (key: string, params: object) => string
    expect(t(r.description.key, r.description.params ?? {})).toBe('실행 취소: “샘 올트먼”을(를) Person(으)로 라벨링')
  })

  it('undoes entity creation, rename and merge, each under its own name', async () => {
    const a = await span(2, 5, 'PERSON')
    const b = await span(15, 20, 'PERSON')
    const { entity: one } = await core.call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: 'Chey', type: 'PERSON' })
    const { entity: two } = await core.call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: 'Altman', type: 'PERSON' })
    await core.call('linkSpans', { annotator: 'alice', entityId: one.id, spanIds: [a] })
    await core.call('linkSpans', { annotator: 'alice', entityId: two.id, spanIds: [b] })
    await core.call('renameEntity', { annotator: 'alice', id: two.id, name: 'Sam Altman' })
    await core.call('mergeEntities', { annotator: 'alice', into: one.id, from: two.id })
    expect(core.project.entities.get(two.id)).toBeUndefined()
    expect(english((await undo()).description)).toBe('Undo: Merge Sam Altman into Chey (1 link moved)')
    expect(core.project.entities.get(two.id)?.name).toBe('Sam Altman')
    expect(core.project.entities.entityOf(b)).toBe(two.id)
    expect(english((await undo()).description)).toBe('Undo: Rename entity Altman to Sam Altman')
    expect(core.project.entities.get(two.id)?.name).toBe('Altman')
    await undo() // link b
    await undo() // link a
    expect(english((await undo()).description)).toBe('Undo: Create entity Altman (PERSON)')
    expect(core.project.entities.get(two.id)).toBeUndefined()
    await redo()
    expect(core.project.entities.get(two.id)?.name).toBe('Altman')
  })

  it('undoes review decisions on the reviewer’s own stack', async () => {
    await span(2, 5, 'PERSON', 'minji')
    await span(2, 5, 'PERSON', 'junho')
    const d = docId()
    await core.call('acceptCandidate', { reviewer: 'lead', docId: d, start: 2, end: 5, label: 'PERSON', sources: ['minji', 'junho'] })
    await core.call('rejectCandidate', { reviewer: 'lead', docId: d, start: 2, end: 5, label: 'PERSON' })
    expect(core.project.spans.layer(d, GOLD)).toEqual([])
    expect(english((await undo('lead')).description)).toBe('Undo: Reject “최태원” as Person')
    expect(core.project.spans.layer(d, GOLD)).toHaveLength(1)
    expect(english((await undo('lead')).description)).toBe('Undo: Accept “최태원” as Person (minji, junho)')
    expect(core.project.spans.layer(d, GOLD)).toEqual([])
    expect(core.project.spans.layer(d, 'minji')).toHaveLength(1)
  })

  it('refuses to undo a region someone else unmarked since, changing nothing', async () => {
    const d = docId()
    const { regions } = await core.call<{ regions: { id: number }[] }>('addRegions', { annotator: 'alice', docId: d, regions: [{ start: 0, end: 2, source: 'manual' }] })
    await core.call('removeRegion', { annotator: 'bob', id: regions[0]!.id })
    const r = await core.dispatch('undo', { annotator: 'alice' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(english(r.error).message).toMatch(/^Cannot undo “Mark 1 region of .+ as not article text”: something it changes was changed since/)
    if (!r.ok) expect(english(r.error).details[0]).toMatch(/a region marked as not article text was changed since/)
    expect(core.project.regions.list(d)).toEqual([])
    // bob's own undo brings it back.
    expect(english((await undo('bob')).description)).toMatch(/^Undo: Unmark a region of /)
    expect(core.project.regions.list(d)).toHaveLength(1)
  })
})
