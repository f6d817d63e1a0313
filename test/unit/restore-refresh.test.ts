import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MutationResult } from '../../src/shared/api'
import { tempCore } from './helpers/core'

/**
 * Restoring a backup replaces the project's content under the running core. Every
 * service must then serve the restored content, not what it read or cached before:
 * links, meetings, labels, entities, suggestions, search, review and documents.
 */

const D0 = '000_2f535eeb48f059c6'
const D1 = '001_2d6efb4355ea70ef'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const spanId = (r: MutationResult): number => r.changes[0]!.spanId

describe('restoring a backup under a running core', () => {
  it('every service serves the restored content afterwards', async () => {
    // The backed-up state: alice's PERSON 최태원 and MEETING 회동 linked as participant, one event, label PLACE, an entity.
    const person = spanId(await core.call('createSpan', { docId: D0, annotator: 'alice', start: 9, end: 12, label: 'PERSON' }))
    const meeting = spanId(await core.call('createSpan', { docId: D0, annotator: 'alice', start: 70, end: 72, label: 'MEETING' }))
    await core.call('createRelation', { annotator: 'alice', docId: D0, from: meeting, to: person, type: 'participant' })
    await core.call('mergeMeetings', { annotator: 'alice', spanIds: [meeting], name: '회동 A' })
    await core.call('addLabel', { key: 'PLACE', name: 'Place', hotkey: '9', color: '#1971c2' })
    const { entity } = await core.call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: '최태원', type: 'PERSON' })
    // Warm every cache of the running core on the backed-up state.
    const read = async () => ({
      relations: await core.call('listRelations', { docId: D0, annotator: 'alice' }),
      meetings: await core.call('listMeetings', { annotator: 'alice' }),
      labels: await core.call('listLabels', {}),
      session: ((await core.call('getSession', {})) as { labels: unknown }).labels,
      entities: await core.call('listEntities', {}),
      suggestions: await core.call('listSuggestions', { docId: D1, annotator: 'alice' }),
      search: ((await core.call('searchCorpus', { query: '백업 뒤 새 기사', mode: 'text' })) as { total: number }).total,
      documents: ((await core.call('listDocuments', { annotator: 'alice' })) as unknown[]).length,
      review: ((await core.call('getReview', { docId: D0, annotators: ['alice', 'bob'] })) as { candidates: unknown[] }).candidates.length
    })
    const backedUp = await read()
    const { name } = await core.call<{ name: string }>('backupNow', {})

    // Changes after the backup, each read once so that any cache holds them.
    await core.call('deleteRelation', {
      annotator: 'alice',
      relationId: ((await core.call('listRelations', { docId: D0, annotator: 'alice' })) as { id: number }[])[0]!.id
    })
    await core.call('splitMeeting', { annotator: 'alice', spanIds: [meeting] })
    await core.call('addLabel', { key: 'VENUE', name: 'Venue', hotkey: '8', color: '#2f9e44' })
    await core.call('renameEntity', { annotator: 'alice', id: entity.id, name: '최태원 회장' })
    await core.call('createSpan', { docId: D0, annotator: 'alice', start: 22, end: 27, label: 'PERSON' })
    await core.call('createSpan', { docId: D0, annotator: 'bob', start: 13, end: 17, label: 'ORGANISATION' })
    const text = '백업 뒤 새 기사입니다. 샘 올트먼이 왔다.\n'
    await core.call('importFiles', { annotator: 'alice', files: [{ name: 'later.txt', base64: Buffer.from(text).toString('base64') }] })
    const before = new Set(((await core.call('listDocuments', { annotator: 'alice' })) as { id: string }[]).map((d) => d.id))
    const later = [...before].find((id) => id !== D0 && id.includes('later'))
    if (!later) throw new Error(`the imported document is not listed: ${[...before].join(', ')}`)
    // Labelling and reviewing the new document reads (and caches) its text.
    await core.call('createSpan', { docId: later, annotator: 'alice', start: 14, end: 19, label: 'PERSON' })
    await core.call('getReview', { docId: later, annotators: ['alice', 'bob'] })
    const changed = await read()
    expect(changed).not.toEqual(backedUp)

    await core.call('restoreBackup', { name })
    const restored = await read()
    expect(restored.relations).toEqual(backedUp.relations)
    expect(restored.meetings).toEqual(backedUp.meetings)
    expect(restored.labels).toEqual(backedUp.labels)
    expect(restored.session).toEqual(backedUp.session)
    expect(restored.entities).toEqual(backedUp.entities)
    expect(restored.suggestions).toEqual(backedUp.suggestions)
    expect(restored.search).toBe(0)
    expect(restored.documents).toBe(backedUp.documents)
    expect(restored).toEqual(backedUp)
    // The document imported after the backup is gone for the write path too: nothing can be labelled in it.
    const refused = await core.dispatch('createSpan', { docId: later, annotator: 'alice', start: 14, end: 19, label: 'PERSON' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await core.dispatch('getReview', { docId: later, annotators: ['alice', 'bob'] })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(core.project.db.prepare('SELECT COUNT(*) AS n FROM spans WHERE doc_id = ?').get(later)).toEqual({ n: 0 })
  })
})
