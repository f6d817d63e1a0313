import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { ChangeFeed } from '../../src/main/services/change-feed'
import type { Project } from '../../src/main/store/project'
import type { MutationResult } from '../../src/shared/api'
import type { Envelope } from '../../src/shared/errors'
import { liveEventSchema, type LiveEvent } from '../../src/shared/live-events'
import type { Relation } from '../../src/shared/relations-schema'
import { tempDir } from './helpers/temp-project'
import { english } from './helpers/english'

const DOC = '000_2f535eeb48f059c6'
const SEEDS = join(__dirname, '..', '..', 'seeds')

let t: ReturnType<typeof tempDir>
let project: Project
let events: LiveEvent[]
let dispatch: (method: string, args: unknown) => Promise<Envelope>

beforeEach(() => {
  t = tempDir()
  project = openOrCreateProject(join(t.dir, 'p.sqlite'), SEEDS)
  const feed = new ChangeFeed()
  dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed }), () => {})
  events = []
  feed.subscribe((e) => events.push(liveEventSchema.parse(e)))
})
afterEach(() => {
  project.close()
  t.cleanup()
})

async function call<T>(method: string, args: unknown): Promise<T> {
  const e = await dispatch(method, args)
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`)
  return e.result as T
}

/** A span on the first occurrence of word in the seed article (code points). */
async function label(word: string, key: string): Promise<number> {
  const text = project.documents.text(DOC)!.text
  const start = [...text.slice(0, text.indexOf(word))].length
  const r = await call<MutationResult>('createSpan', { docId: DOC, annotator: 'alice', start, end: start + [...word].length, label: key })
  return r.changes[0]!.spanId
}

describe('relations through the API', () => {
  it('creates, lists, undoes and deletes links through the validated contract, announcing each change', async () => {
    const meeting = await label('회동', 'MEETING')
    const day = await label('4일', 'DATE')
    expect((await call<{ type: string }[]>('listRelationRoles', {})).map((r) => r.type)).toEqual(['participant', 'date', 'place'])
    events.length = 0
    const made = await call<MutationResult>('createRelation', { annotator: 'alice', docId: DOC, from: meeting, to: day, type: 'date' })
    expect(events.map((e) => [e.kind, 'description' in e ? e.description : ''])).toEqual([['documents', made.description]])
    expect(await call<Relation[]>('listRelations', { docId: DOC, annotator: 'alice' })).toEqual([
      { id: made.relationChanges![0]!.relationId, docId: DOC, annotator: 'alice', from: meeting, to: day, type: 'date' }
    ])
    // An undo that changes only a link is announced too (other tabs refetch their links).
    events.length = 0
    await call('undo', { annotator: 'alice' })
    expect(events.map((e) => e.kind)).toEqual(['documents'])
    expect(await call<Relation[]>('listRelations', { docId: DOC, annotator: 'alice' })).toEqual([])
    const bad = await dispatch('createRelation', { annotator: 'alice', docId: DOC, from: meeting, to: day, type: 'Date!' })
    expect(bad.ok ? null : bad.error.code).toBe('invalid_args')
  })

  it('refuses to relabel a span so that its link would no longer fit the role', async () => {
    const meeting = await label('회동', 'MEETING')
    const chey = await label('최태원', 'PERSON')
    await call('createRelation', { annotator: 'alice', docId: DOC, from: meeting, to: chey, type: 'participant' })
    const r = await dispatch('relabelSpan', { annotator: 'alice', spanId: chey, label: 'DATE' })
    expect(r.ok ? null : [r.error.code, english(r.error).message]).toEqual([
      'rejected',
      'This span is linked as Participant (to), which needs Person / Organisation; delete that link first, then relabel.'
    ])
    // Person → Organisation still fits the participant role.
    expect((await call<MutationResult>('relabelSpan', { annotator: 'alice', spanId: chey, label: 'ORGANISATION' })).applied).toBe(true)
  })
})
