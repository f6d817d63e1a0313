import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { asClient, ChangeFeed, otherWriterCheck } from '../../src/main/services/change-feed'
import { Project } from '../../src/main/store/project'
import type { LiveHandlers, LiveSource } from '../../src/renderer/api/event-stream'
import { createAppStore, type AppStore } from '../../src/renderer/state/app-store'
import { createLiveUpdates } from '../../src/renderer/state/live-updates'
import { slotKey } from '../../src/renderer/state/slots'
import { createApiClient } from '../../src/shared/api-client'
import type { Span } from '../../src/shared/domain'
import { tempDir } from './helpers/temp-project'
import { englishText } from './helpers/english'

const DOC = '000_2f535eeb48f059c6'
const KEY = slotKey(DOC, 'alice')

let t: ReturnType<typeof tempDir>
let project: Project
let feed: ChangeFeed
let dispatch: ReturnType<typeof createDispatcher>

/** One browser tab: the real store over the real core, its calls marked with its client id, its live source fed by the core's feed. */
interface Tab {
  store: AppStore
  /** While paused the tab's stream delivers nothing (a tab that has not heard yet); resume delivers what queued. */
  pause(): void
  resume(): void
  handlers: LiveHandlers
  stop(): void
}

function openTab(id: string): Tab {
  const live = createLiveUpdates(createApiClient((method, args) => asClient(id, () => dispatch(method, args))))
  const store = createAppStore(live.api)
  let paused = false
  const queued: unknown[] = []
  let handlers: LiveHandlers | undefined
  const source: LiveSource = (h) => {
    handlers = h
    h.onOpen(true)
    // Through JSON, as the event stream carries it.
    return feed.subscribe((e) => {
      const data = JSON.parse(JSON.stringify(e)) as unknown
      if (paused) queued.push(data)
      else h.onEvent(data)
    })
  }
  const stop = live.connect(store, source, id)
  if (!handlers) throw new Error('source not started')
  const h = handlers
  return {
    store,
    handlers: h,
    stop,
    pause: () => void (paused = true),
    resume: () => {
      paused = false
      for (const d of queued.splice(0)) h.onEvent(d)
    }
  }
}

async function ready(tab: Tab): Promise<void> {
  await tab.store.getState().init()
  tab.store.getState().openDoc(DOC)
  await vi.waitFor(() => expect(tab.store.getState().docs[KEY]?.state).toBe('ready'))
}

const shown = (tab: Tab): Span[] => {
  const slot = tab.store.getState().docs[KEY]
  if (slot?.state !== 'ready') return []
  return slot.loaded.blockSpans.flat().flatMap((r) => {
    const s = slot.loaded.spans.get(r.id)
    return s ? [s] : []
  }).filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i)
}
const count = (tab: Tab): number | undefined => tab.store.getState().documents.find((d) => d.id === DOC)?.spanCount

let a: Tab
let b: Tab
beforeEach(async () => {
  t = tempDir()
  project = openOrCreateProject(join(t.dir, 'p.sqlite'), join(__dirname, '..', '..', 'seeds'))
  feed = new ChangeFeed()
  dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed }), () => {})
  a = openTab('tab-a')
  b = openTab('tab-b')
  await ready(a)
  await ready(b)
})
afterEach(() => {
  a.stop()
  b.stop()
  project.close()
  t.cleanup()
})

describe('live updates between two tabs of one annotator', () => {
  it('a span labelled in one tab appears in the other, counted once in each', async () => {
    await a.store.getState().labelRange(DOC, 0, 2, 'DATE')
    expect(shown(b).map((s) => [s.start, s.end, s.label])).toEqual([[0, 2, 'DATE']])
    expect(count(b)).toBe(1)
    // The echo of A's own call is skipped: A counts it once too.
    expect(shown(a)).toHaveLength(1)
    expect(count(a)).toBe(1)

    const id = shown(a)[0]?.id ?? -1
    a.store.getState().selectSpan({ docId: DOC, spanId: id })
    await a.store.getState().relabelSelected('PERSON')
    expect(shown(b).map((s) => s.label)).toEqual(['PERSON'])
    await a.store.getState().undo()
    expect(shown(b).map((s) => s.label)).toEqual(['DATE'])
  })

  it('a selected span deleted in the other tab is deselected, and the status line says so', async () => {
    await a.store.getState().labelRange(DOC, 0, 2, 'DATE')
    const id = shown(b)[0]?.id ?? -1
    b.store.getState().selectSpan({ docId: DOC, spanId: id })
    a.store.getState().selectSpan({ docId: DOC, spanId: id })
    await a.store.getState().deleteSelected()
    expect(shown(b)).toEqual([])
    expect(count(b)).toBe(0)
    expect(b.store.getState().selected).toBeNull()
    expect(b.store.getState().status).toEqual({
      kind: 'info',
      message: { key: 'changes:selectedDeleted', params: { what: 'deleteSpan', text: expect.any(String) } }
    })
  })

  it('relabelling a span the other tab deleted (before hearing of it) shows the conflict and drops the stale span', async () => {
    await a.store.getState().labelRange(DOC, 0, 2, 'DATE')
    const id = shown(b)[0]?.id ?? -1
    b.pause()
    a.store.getState().selectSpan({ docId: DOC, spanId: id })
    await a.store.getState().deleteSelected()
    expect(shown(b)).toHaveLength(1) // B has not heard yet

    b.store.getState().selectSpan({ docId: DOC, spanId: id })
    await b.store.getState().relabelSelected('PERSON')
    expect({ ...b.store.getState().status, message: englishText(b.store.getState().status.message) }).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^That span was deleted by alice at \d{2}:\d{2}:\d{2} UTC; nothing changed\.$/)
    })
    await vi.waitFor(() => expect(shown(b)).toEqual([]))
    expect(b.store.getState().selected).toBeNull()
    expect(count(b)).toBe(0)
    expect(project.spans.layer(DOC, 'alice')).toEqual([])
    // The late event changes nothing more.
    b.resume()
    expect(count(b)).toBe(0)
  })

  it('relabelling a span the other tab relabelled meanwhile is refused, not a silent overwrite', async () => {
    await a.store.getState().labelRange(DOC, 0, 2, 'DATE')
    const id = shown(b)[0]?.id ?? -1
    b.pause()
    a.store.getState().selectSpan({ docId: DOC, spanId: id })
    await a.store.getState().relabelSelected('PERSON')

    b.store.getState().selectSpan({ docId: DOC, spanId: id })
    await b.store.getState().relabelSelected('ORGANISATION')
    expect({ ...b.store.getState().status, message: englishText(b.store.getState().status.message) }).toMatchObject({ kind: 'error', message: expect.stringMatching(/^That span was changed by alice at .+ \(it is now Person on “.+”\); nothing changed\.$/) })
    expect(project.spans.get(id)?.label).toBe('PERSON')
    await vi.waitFor(() => expect(shown(b).map((s) => s.label)).toEqual(['PERSON']))
  })
})

describe('coarse events and reconnects', () => {
  it('a write by another program (reload event) and a reconnect refetch what is shown', async () => {
    const check = otherWriterCheck(project, feed)
    const other = Project.open(project.path)
    try {
      other.write(() => other.spans.insert({ docId: DOC, annotator: 'alice', start: 3, end: 5, label: 'PERSON' }))
    } finally {
      other.close()
    }
    expect(check()).toBe(true)
    await vi.waitFor(() => expect(shown(b).map((s) => [s.start, s.end])).toEqual([[3, 5]]))
    await vi.waitFor(() => expect(count(b)).toBe(1))
    expect(b.store.getState().status).toMatchObject({ kind: 'info', message: { key: 'changes:otherProgram' } })
    expect(englishText(b.store.getState().status!.message)).toBe('Another program changed this project; showing its changes.')

    // A change while B's stream was down is picked up when it comes back.
    b.pause()
    b.handlers.onLost()
    expect(b.store.getState().status.kind).toBe('error')
    await a.store.getState().labelRange(DOC, 0, 2, 'DATE')
    b.handlers.onOpen(false)
    await vi.waitFor(() => expect(b.store.getState().status.message).toEqual({ key: 'status:reconnected' }))
    expect(shown(b).map((s) => [s.start, s.end]).sort()).toEqual([[0, 2], [3, 5]])
    expect(count(b)).toBe(2)
  })

  it('an import in one tab shows its documents in the other', async () => {
    const before = b.store.getState().documents.length
    const base64 = Buffer.from('새 문서입니다.').toString('base64')
    expect(await asClient('tab-a', () => dispatch('importFiles', { files: [{ name: 'x.txt', base64 }] }))).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(b.store.getState().documents.length).toBe(before + 1))
  })
})
