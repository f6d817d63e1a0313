import { mkdirSync, writeFileSync } from 'node:fs'
import { msg } from '../../src/shared/message'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { ChangeFeed } from '../../src/main/services/change-feed'
import { createEventsRoute } from '../../src/main/web/events-route'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import type { Project } from '../../src/main/store/project'
import { CLIENT_HEADER, liveEventSchema, type LiveEvent } from '../../src/shared/live-events'
import { tempDir } from './helpers/temp-project'
import { englishReply } from './helpers/english'

const DOC = '000_2f535eeb48f059c6'
const TOKEN = 'events-test-token-0123456789'

/** One open event stream, read with fetch as the renderer does; frames are collected as they arrive. */
interface Stream {
  frames: string[]
  events(): LiveEvent[]
  ended: Promise<void>
  abort(): void
}

async function openStream(url: string, headers: Record<string, string>): Promise<Stream> {
  const controller = new AbortController()
  const res = await fetch(url, { headers, signal: controller.signal })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const frames: string[] = []
  const reader = res.body?.getReader()
  if (!reader) throw new Error('no body')
  const decoder = new TextDecoder()
  let buffer = ''
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          frames.push(buffer.slice(0, cut))
          buffer = buffer.slice(cut + 2)
        }
      }
    } catch {
      // aborted
    }
  })()
  const events = (): LiveEvent[] =>
    frames
      .filter((f) => f.startsWith('id: '))
      .map((f) => liveEventSchema.parse(JSON.parse(f.slice(f.indexOf('data: ') + 'data: '.length))))
  return { frames, events, ended, abort: () => controller.abort() }
}

describe('GET /api/events over real HTTP', () => {
  let t: ReturnType<typeof tempDir>
  let project: Project
  let server: WebServer
  const streams: Stream[] = []

  beforeEach(async () => {
    t = tempDir()
    project = openOrCreateProject(join(t.dir, 'p.sqlite'), join(__dirname, '..', '..', 'seeds'))
    const feed = new ChangeFeed()
    const handlers = createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed })
    const staticDir = join(t.dir, 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spanmark</title>')
    server = await startWebServer({ dispatch: createDispatcher(handlers, () => {}), staticDir, port: 0, token: TOKEN, feed })
  })
  afterEach(async () => {
    for (const s of streams.splice(0)) s.abort()
    await server.close()
    project.close()
    t.cleanup()
  })

  const base = (): string => `http://127.0.0.1:${server.port}/`
  const auth = { Authorization: `Bearer ${TOKEN}` }
  const open = async (): Promise<Stream> => {
    const s = await openStream(new URL('api/events', base()).href, auth)
    streams.push(s)
    await vi.waitFor(() => expect(s.frames[0]).toMatch(/^retry: \d+\nevent: hello\ndata: \{"seq":\d+\}$/))
    return s
  }
  const post = (method: string, args: unknown, client: string) =>
    fetch(new URL(`api/${method}`, base()), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', [CLIENT_HEADER]: client },
      body: JSON.stringify(args)
    })

  it('a change made through one client reaches the other client as an event naming its origin', async () => {
    const a = await open()
    const b = await open()
    const res = await post('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }, 'client-a')
    expect(res.status).toBe(200)
    await vi.waitFor(() => expect(b.events()).toHaveLength(1))
    const [event] = b.events()
    expect(event).toMatchObject({ seq: 1, kind: 'spans', origin: 'client-a' })
    expect(event?.kind === 'spans' && event.changes).toEqual([
      { spanId: expect.any(Number), docId: DOC, annotator: 'alice', before: null, after: { start: 0, end: 2, label: 'DATE' } }
    ])
    expect(b.frames[1]).toMatch(/^id: 1\ndata: /)
    // The sender gets the echo too (it skips it by origin).
    await vi.waitFor(() => expect(a.events().map((e) => e.origin)).toEqual(['client-a']))

    // A conflict over HTTP: B deletes, A relabels the deleted span.
    const spanId = event?.kind === 'spans' ? event.changes[0]?.spanId : -1
    expect((await post('deleteSpan', { annotator: 'alice', spanId }, 'client-b')).status).toBe(200)
    const conflict = await post('relabelSpan', { annotator: 'alice', spanId, label: 'PERSON' }, 'client-a')
    expect(conflict.status).toBe(409)
    expect(englishReply((await conflict.json()) as { ok: boolean })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^That span was deleted by alice at /) } })
    await vi.waitFor(() => expect(a.events().map((e) => [e.seq, e.origin])).toEqual([[1, 'client-a'], [2, 'client-b']]))
  })

  it('refuses a stream without the token, and other methods than GET', async () => {
    const res = await fetch(new URL('api/events', base()))
    expect(res.status).toBe(401)
    await res.body?.cancel()
    const post = await fetch(new URL('api/events', base()), { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' })
    expect(post.status).toBe(405)
    await post.body?.cancel()
  })

  it('closing the server ends open streams', async () => {
    const a = await open()
    await server.close()
    await a.ended
    expect(a.frames).toHaveLength(1)
  })
})

describe('events route', () => {
  let http: Server
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      })
  )

  it('sends heartbeats and forgets a client that went away', async () => {
    const feed = new ChangeFeed()
    const route = createEventsRoute(feed, 20)
    http = createServer((req, res) => route.handle(req, res))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const s = await openStream(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, {})
    await vi.waitFor(() => expect(s.frames.filter((f) => f === ': heartbeat').length).toBeGreaterThanOrEqual(2))
    expect(route.open).toBe(1)
    s.abort()
    await vi.waitFor(() => expect(route.open).toBe(0))
    // Events after the client left go nowhere and break nothing.
    expect(feed.documents.bind(feed, msg('changes:legacy', { text: 'after' }))).not.toThrow()
  })
})
