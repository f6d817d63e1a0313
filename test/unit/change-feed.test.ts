import { join } from 'node:path'
import { msg } from '../../src/shared/message'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { asClient, ChangeFeed, otherWriterCheck, watchOtherWriters } from '../../src/main/services/change-feed'
import { Project } from '../../src/main/store/project'
import type { Envelope } from '../../src/shared/errors'
import { liveEventSchema, type LiveEvent } from '../../src/shared/live-events'
import { tempDir } from './helpers/temp-project'
import { english } from './helpers/english'

const DOC = '000_2f535eeb48f059c6'
const SEEDS = join(__dirname, '..', '..', 'seeds')

let t: ReturnType<typeof tempDir>
let project: Project
let feed: ChangeFeed
let events: LiveEvent[]
let call: (method: string, args: unknown, client?: string | null) => Promise<Envelope>

beforeEach(() => {
  t = tempDir()
  project = openOrCreateProject(join(t.dir, 'p.sqlite'), SEEDS)
  feed = new ChangeFeed()
  const handlers = createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed })
  const dispatch = createDispatcher(handlers, () => {})
  call = (method, args, client = null) => asClient(client, () => dispatch(method, args))
  events = []
  feed.subscribe((e) => events.push(liveEventSchema.parse(e)))
})
afterEach(() => {
  project.close()
  t.cleanup()
})

const ok = async (p: Promise<Envelope>): Promise<unknown> => {
  const e = await p
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`)
  return e.result
}

describe('change feed', () => {
  it('announces a created span once it is committed, with the calling client and a growing sequence number', async () => {
    let committedWhenAnnounced = -1
    feed.subscribe(() => (committedWhenAnnounced = project.spans.layer(DOC, 'alice').length))
    await ok(call('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }, 'tab-a'))
    expect(events).toHaveLength(1)
    const [e] = events
    expect(e).toMatchObject({ seq: 1, kind: 'spans', origin: 'tab-a', description: { key: 'changes:labelSpan' } })
    expect(english(e?.description ?? '')).toMatch(/^Label “.+” as Date$/)
    if (e?.kind !== 'spans') throw new Error('not a spans event')
    expect(e.changes).toEqual([{ spanId: expect.any(Number), docId: DOC, annotator: 'alice', before: null, after: { start: 0, end: 2, label: 'DATE' } }])
    expect(committedWhenAnnounced).toBe(1)

    const spanId = e.changes[0]?.spanId
    await ok(call('relabelSpan', { annotator: 'alice', spanId, label: 'PERSON' }, 'tab-b'))
    await ok(call('undo', { annotator: 'alice' }))
    expect(events.map((x) => [x.seq, x.kind, x.origin])).toEqual([
      [1, 'spans', 'tab-a'],
      [2, 'spans', 'tab-b'],
      [3, 'spans', null]
    ])
    expect(events[2]).toMatchObject({ changes: [{ spanId, before: { label: 'PERSON' }, after: { label: 'DATE' } }] })
    expect(feed.lastSeq).toBe(3)
  })

  it('announces nothing for refused calls, calls that change nothing, and reads', async () => {
    await ok(call('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }))
    events.length = 0
    expect((await call('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' })) as { ok: boolean }).toMatchObject({
      ok: true,
      result: { applied: false }
    })
    expect(await call('createSpan', { docId: DOC, annotator: 'alice', start: 5, end: 2, label: 'DATE' })).toMatchObject({ ok: false })
    expect(await call('relabelSpan', { annotator: 'alice', spanId: 99999, label: 'DATE' })).toMatchObject({ ok: false })
    await ok(call('listSpans', { docId: DOC, annotator: 'alice' }))
    await ok(call('listDocuments', { annotator: 'alice' }))
    await ok(call('redo', { annotator: 'alice' }))
    expect(events).toEqual([])
  })

  it('announces imports, review status and restricted flags as "documents changed", and review decisions as span changes', async () => {
    const base64 = Buffer.from('새 기사 본문입니다.', 'utf8').toString('base64')
    await ok(call('importFiles', { annotator: 'alice', files: [{ name: 'new.txt', base64 }] }, 'tab-a'))
    expect(events).toEqual([
      expect.objectContaining({ kind: 'documents', origin: 'tab-a', description: msg('changes:importFiles', { documents: 1, spans: 0 }) })
    ])
    // Importing the same file again adds nothing and announces nothing.
    await ok(call('importFiles', { annotator: 'alice', files: [{ name: 'new.txt', base64 }] }))
    expect(events).toHaveLength(1)

    await ok(call('setRestricted', { docId: DOC, restricted: true }))
    await ok(call('setReviewStatus', { reviewer: 'rev', docId: DOC, status: 'reviewed' }))
    await ok(call('acceptCandidate', { reviewer: 'rev', docId: DOC, start: 0, end: 2, label: 'DATE', sources: ['alice'] }))
    expect(events.slice(1).map((e) => [e.kind, english(e.description)])).toEqual([
      ['documents', `Mark ${DOC} as not for AI training`],
      ['documents', `${DOC}: Reviewed`],
      ['spans', expect.stringMatching(/^Accept “.+” as Date \(alice\)$/)]
    ])
    expect(events[3]).toMatchObject({ changes: [{ annotator: 'gold', before: null, after: { start: 0, end: 2, label: 'DATE' } }] })
  })

  it('announces a restored backup as "reload" for the other tabs', async () => {
    const backup = (await ok(call('backupNow', {}))) as { name: string }
    events.length = 0
    await ok(call('restoreBackup', { name: backup.name }, 'tab-a'))
    expect(events).toEqual([expect.objectContaining({ kind: 'reload', origin: 'tab-a', description: msg('changes:restoredElsewhere', { name: backup.name }) })])
  })

  it('a listener that throws neither fails the call nor stops other listeners', async () => {
    const logged: unknown[] = []
    const quiet = new ChangeFeed((err) => logged.push(err))
    const seen: number[] = []
    quiet.subscribe(() => {
      throw new Error('listener broke')
    })
    quiet.subscribe((e) => seen.push(e.seq))
    quiet.documents(msg('changes:legacy', { text: 'x' }))
    expect(seen).toEqual([1])
    expect(logged).toEqual([expect.objectContaining({ message: 'listener broke' })])

    feed.subscribe(() => {
      throw new Error('listener broke')
    })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await ok(call('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }))
    expect(project.spans.layer(DOC, 'alice')).toHaveLength(1)
    expect(events).toHaveLength(1)
  })

  it('unsubscribing stops the events', async () => {
    const seen: LiveEvent[] = []
    const stop = feed.subscribe((e) => seen.push(e))
    feed.documents(msg('changes:legacy', { text: 'one' }))
    stop()
    feed.documents(msg('changes:legacy', { text: 'two' }))
    expect(seen.map((e) => e.description)).toEqual([msg('changes:legacy', { text: 'one' })])
  })
})

describe('writes by other connections', () => {
  it('data_version sees a commit by another connection, never this core own writes', async () => {
    const check = otherWriterCheck(project, feed)
    await ok(call('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }))
    expect(check()).toBe(false)
    expect(events.map((e) => e.kind)).toEqual(['spans'])

    const other = Project.open(project.path)
    try {
      other.write(() => other.spans.insert({ docId: DOC, annotator: 'bob', start: 3, end: 5, label: 'PERSON' }))
    } finally {
      other.close()
    }
    expect(check()).toBe(true)
    expect(events.map((e) => [e.kind, e.origin])).toEqual([
      ['spans', null],
      ['reload', null]
    ])
    expect(check()).toBe(false)
  })

  it('the watcher polls by itself and stops when told', async () => {
    const stop = watchOtherWriters(project, feed, 20)
    try {
      const other = Project.open(project.path)
      try {
        other.write(() => other.spans.insert({ docId: DOC, annotator: 'bob', start: 3, end: 5, label: 'PERSON' }))
      } finally {
        other.close()
      }
      await vi.waitFor(() => expect(events.map((e) => e.kind)).toEqual(['reload']), { timeout: 5000 })
    } finally {
      stop()
    }
  })
})
