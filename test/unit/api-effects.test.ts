import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher, type Dispatch } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { ChangeFeed } from '../../src/main/services/change-feed'
import type { Project } from '../../src/main/store/project'
import { apiContract, apiMethods, type ApiArgs, type ApiMethod, type MutationResult } from '../../src/shared/api'
import { effects, readMethods, type ReadMethod } from '../../src/shared/api-effects'
import type { LiveEvent } from '../../src/shared/live-events'
import { dumpProject } from './helpers/dump'
import { tempDir } from './helpers/temp-project'

/**
 * The registry's effects (src/shared/api-effects.ts) are what the change feed, the fuzz test
 * and later authorisation trust: every method has one, a method declared read-only changes
 * nothing when it succeeds, and a write declared announcing announces.
 */

const D0 = '000_2f535eeb48f059c6'
const D1 = '001_2d6efb4355ea70ef'
const SEEDS = join(__dirname, '..', '..', 'seeds')

let t: ReturnType<typeof tempDir>
let project: Project
let feed: ChangeFeed
let events: LiveEvent[]
let dispatch: Dispatch

async function call<T = unknown>(method: ApiMethod, args: unknown): Promise<T> {
  const r = await dispatch(method, args)
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
  return r.result as T
}

beforeEach(() => {
  t = tempDir()
  project = openOrCreateProject(join(t.dir, 'p.sqlite'), SEEDS)
  feed = new ChangeFeed()
  dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed }), () => {})
  events = []
  feed.subscribe((e) => events.push(e))
})
afterEach(() => {
  project.close()
  t.cleanup()
})

/** alice's 최태원 (PERSON) and 회동 (MEETING) in D0, linked as participant and to an entity; a region; bob's span. */
async function seedAnnotations(): Promise<{ person: number; meeting: number; entity: number }> {
  const span = async (annotator: string, start: number, end: number, label: string) =>
    (await call<MutationResult>('createSpan', { docId: D0, annotator, start, end, label })).changes[0]!.spanId
  const person = await span('alice', 9, 12, 'PERSON')
  const meeting = await span('alice', 70, 72, 'MEETING')
  await span('bob', 9, 12, 'PERSON')
  await call('createRelation', { annotator: 'alice', docId: D0, from: meeting, to: person, type: 'participant' })
  const { entity } = await call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: '최태원', type: 'PERSON' })
  await call('linkSpans', { annotator: 'alice', entityId: entity.id, spanIds: [person] })
  await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 0, end: 8, source: 'manual' }] })
  return { person, meeting, entity: entity.id }
}

describe('the registry of effects', () => {
  it('declares an effect for every API method and no other', () => {
    expect(Object.keys(effects).sort()).toEqual([...apiMethods].sort())
    for (const m of apiMethods) {
      const e = effects[m]
      if (e.kind === 'write') expect(e.changes.length, m).toBeGreaterThan(0)
      if (e.kind === 'write') expect(e.scope.length, m).toBeGreaterThan(0)
      // An undoable write is on someone's undo stack: it names who acts.
      if (e.kind === 'write' && e.undoable) expect(e.actor, m).not.toBeNull()
    }
  })

  it('names, for every write, the argument an authoriser checks the caller against', () => {
    for (const m of apiMethods) {
      const e = effects[m]
      if (e.kind !== 'write') continue
      const keys = Object.keys((apiContract[m].args as unknown as { shape: Record<string, unknown> }).shape)
      if (e.actor) expect(keys, `${m}: its actor argument`).toContain(e.actor)
      // A write of the caller's own layer says which argument is the caller; gold is written by a reviewer.
      if (e.scope.includes('own')) expect(e.actor, m).toBe('annotator')
      if (e.scope.includes('gold')) expect(e.actor, m).toBe('reviewer')
      // A method that takes a person acting but declares no actor would escape an authoriser.
      if (e.actor === null) expect(keys.filter((k) => k === 'reviewer' || (k === 'annotator' && e.scope.includes('own'))), m).toEqual([])
    }
  })

  it('a method declared read-only succeeds on a seeded project and leaves every table as it was', async () => {
    const ids = await seedAnnotations()
    // TypeScript requires valid arguments for every read method here, so a new one cannot be forgotten.
    const args: { [M in ReadMethod]: ApiArgs<M> } = {
      getSession: {},
      listDocuments: { annotator: 'alice' },
      getDocument: { id: D0 },
      listSpans: { docId: D0, annotator: 'alice' },
      exportJsonl: { annotator: 'alice' },
      getReview: { docId: D0, annotators: ['alice', 'bob'] },
      getAgreement: { annotators: ['alice', 'bob'] },
      listBackups: {},
      findOccurrences: { annotator: 'alice', text: '최태원', scope: 'corpus' },
      searchCorpus: { query: '회동', mode: 'text' },
      listRegions: { docId: D0 },
      suggestRegions: { docId: D1 },
      listSuggestions: { docId: D1, annotator: 'alice' },
      listEntities: {},
      getEntity: { id: ids.entity },
      listSpanEntities: { docId: D0 },
      listRelationRoles: {},
      listRelations: { docId: D0, annotator: 'alice' },
      listMeetings: { annotator: 'alice' },
      exportMeetings: { annotator: 'alice' },
      getProjectInfo: {},
      listLabels: {},
      exportLabelSchema: {},
      getBackupLocation: {}
    }
    expect(Object.keys(args).sort()).toEqual([...readMethods].sort())
    events.length = 0
    for (const method of readMethods) {
      const before = dumpProject(project)
      await call(method, args[method])
      expect(dumpProject(project), `${method} changed the project`).toEqual(before)
    }
    expect(events, 'reads announce nothing').toEqual([])
  })

  it('every write declared announcing announces its kind when it commits a change', async () => {
    const ids = await seedAnnotations()
    const announced = new Map<string, LiveEvent['kind'][]>()
    let current = ''
    feed.subscribe((e) => {
      if (current) announced.set(current, [...(announced.get(current) ?? []), e.kind])
    })
    async function step<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<unknown> {
      current = method
      try {
        return await call(method, args)
      } finally {
        current = ''
      }
    }
    const mutation = (r: unknown) => r as MutationResult
    const spanId = mutation(await step('createSpan', { docId: D0, annotator: 'alice', start: 13, end: 17, label: 'ORGANISATION' })).changes[0]!.spanId
    await step('relabelSpan', { annotator: 'alice', spanId, label: 'PERSON' })
    await step('deleteSpan', { annotator: 'alice', spanId })
    await step('undo', { annotator: 'alice' })
    await step('redo', { annotator: 'alice' })
    await step('labelOccurrences', { annotator: 'alice', label: 'DATE', text: '4일', occurrences: [{ docId: D0, start: 45, end: 47 }] })
    await step('acceptCandidate', { reviewer: 'carol', docId: D0, start: 9, end: 12, label: 'PERSON', sources: ['alice', 'bob'] })
    await step('rejectCandidate', { reviewer: 'carol', docId: D0, start: 9, end: 12, label: 'PERSON' })
    await step('acceptAgreed', { reviewer: 'carol', docId: D0, annotators: ['alice', 'bob'] })
    const meetingGold = mutation(await call('acceptCandidate', { reviewer: 'carol', docId: D0, start: 70, end: 72, label: 'MEETING', sources: ['alice'] }))
    expect(meetingGold.applied).toBe(true)
    await step('acceptLink', {
      reviewer: 'carol',
      docId: D0,
      from: { start: 70, end: 72, label: 'MEETING' },
      to: { start: 9, end: 12, label: 'PERSON' },
      type: 'participant'
    })
    await step('setReviewStatus', { reviewer: 'carol', docId: D0, status: 'in_review' })
    await step('setRestricted', { docId: D1, restricted: true })
    const suggestions = await call<{ start: number; end: number; label: string }[]>('listSuggestions', { docId: D1, annotator: 'alice' })
    const s = suggestions[0]
    if (!s) throw new Error('the seeds give no suggestion in D1 for alice')
    await step('rejectSuggestion', { annotator: 'alice', docId: D1, start: s.start, end: s.end, label: s.label })
    const other = suggestions.find((x) => x.label !== s.label) ?? suggestions.find((x) => x.start !== s.start)!
    await step('acceptSuggestions', { annotator: 'alice', docId: D1, label: other.label })
    const regions = await step('addRegions', { annotator: 'alice', docId: D1, regions: [{ start: 0, end: 3, source: 'manual' }] })
    await step('removeRegion', { annotator: 'alice', id: (regions as { regions: { id: number }[] }).regions[0]!.id })
    const date = mutation(await call('createSpan', { docId: D0, annotator: 'alice', start: 45, end: 47, label: 'DATE' }))
    const dateId = date.applied ? date.changes[0]!.spanId : (await call<{ id: number; start: number }[]>('listSpans', { docId: D0, annotator: 'alice' })).find((x) => x.start === 45)!.id
    const link = mutation(await step('createRelation', { annotator: 'alice', docId: D0, from: ids.meeting, to: dateId, type: 'date' }))
    await step('deleteRelation', { annotator: 'alice', relationId: link.relationChanges![0]!.relationId })
    const { entity } = (await step('createEntity', { annotator: 'alice', name: '샘 올트먼', type: 'PERSON' })) as { entity: { id: number } }
    await step('renameEntity', { annotator: 'alice', id: entity.id, name: '샘 올트먼 CEO' })
    await step('mergeEntities', { annotator: 'alice', into: ids.entity, from: entity.id })
    await step('unlinkSpan', { annotator: 'alice', spanId: ids.person })
    await step('linkSpans', { annotator: 'alice', entityId: ids.entity, spanIds: [ids.person] })
    await step('mergeMeetings', { annotator: 'alice', spanIds: [ids.meeting], name: '최태원·올트먼 회동' })
    await step('splitMeeting', { annotator: 'alice', spanIds: [ids.meeting] })
    await step('addLabel', { key: 'PLACE', name: 'Place', hotkey: '9', color: '#1971c2' })
    await step('editLabel', { key: 'PLACE', name: 'Location' })
    await step('renameLabelKey', { key: 'PLACE', newKey: 'LOCATION' })
    const keys = (await call<{ key: string }[]>('listLabels', {})).map((l) => l.key)
    await step('reorderLabels', { keys: [...keys].reverse() })
    await step('setLabelRetired', { key: 'LOCATION', retired: true })
    const schema = await call<{ content: string }>('exportLabelSchema', {})
    const edited = schema.content.replace('"Location"', '"Venue"')
    expect(edited).not.toBe(schema.content)
    await step('importLabelSchema', { name: 'x.schema.json', content: edited })
    await step('importFiles', { annotator: 'alice', files: [{ name: 'new.txt', base64: Buffer.from('새 기사 본문입니다.\n').toString('base64') }] })
    await step('saveLayout', { layout: { panes: [{ docId: D0 }], sizes: [100], active: 0 } })
    await step('setAnnotator', { name: 'alice' })
    const backup = (await step('backupNow', {})) as { name: string }
    const { folder } = await call<{ folder: string }>('getBackupLocation', {})
    await step('mergeProject', { name: 'backup.sqlite', base64: readFileSync(join(folder, backup.name)).toString('base64') })
    await step('restoreBackup', { name: backup.name })

    const announcing = apiMethods.filter((m) => {
      const e = effects[m]
      return e.kind === 'write' && e.announce !== null
    })
    for (const m of announcing) {
      const e = effects[m]
      if (e.kind !== 'write' || e.announce === null) continue
      expect(announced.get(m), `${m} announced nothing`).toBeDefined()
      expect(announced.get(m), m).toContain(e.announce)
    }
    // Writes that do not announce stay silent.
    for (const [m, kinds] of announced) {
      expect(announcing, `${m} announced ${kinds.join(', ')} but its effect says it does not`).toContain(m)
    }
  })
})
