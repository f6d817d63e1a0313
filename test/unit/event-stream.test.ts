import { mkdirSync, writeFileSync } from 'node:fs'
import { msg } from '../../src/shared/message'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../src/main/dispatch'
import { ChangeFeed } from '../../src/main/services/change-feed'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { httpEvents } from '../../src/renderer/api/event-stream'
import { tempDir } from './helpers/temp-project'

const TOKEN = 'event-stream-test-token-0123456789'

describe('the renderer event stream reader (httpEvents) against the real server', () => {
  let t: ReturnType<typeof tempDir>
  let staticDir: string
  let feed: ChangeFeed
  let server: WebServer | null = null
  let stop: (() => void) | null = null

  const start = async (port: number): Promise<WebServer> => {
    server = await startWebServer({ dispatch: createDispatcher({} as never, () => {}), staticDir, port, token: TOKEN, feed })
    return server
  }

  beforeEach(() => {
    t = tempDir()
    staticDir = join(t.dir, 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
    feed = new ChangeFeed()
  })
  afterEach(async () => {
    stop?.()
    await server?.close()
    t.cleanup()
  })

  it('delivers events, reports a lost stream, and reconnects to a restarted server as "not first"', async () => {
    const first = await start(0)
    const seen: unknown[] = []
    const opens: boolean[] = []
    let lost = 0
    stop = httpEvents(`http://127.0.0.1:${first.port}/`, TOKEN)({
      onEvent: (data) => seen.push(data),
      onOpen: (isFirst) => opens.push(isFirst),
      onLost: () => lost++
    })
    await vi.waitFor(() => expect(opens).toEqual([true]))
    feed.documents(msg('changes:legacy', { text: '한글 설명\nwith a line break' }))
    await vi.waitFor(() => expect(seen).toEqual([expect.objectContaining({ seq: 1, kind: 'documents', description: msg('changes:legacy', { text: '한글 설명\nwith a line break' }) })]))

    await first.close()
    await vi.waitFor(() => expect(lost).toBeGreaterThanOrEqual(1))
    await start(first.port)
    await vi.waitFor(() => expect(opens).toEqual([true, false]), { timeout: 15_000 })
    feed.documents(msg('changes:legacy', { text: 'after the restart' }))
    await vi.waitFor(() => expect(seen).toHaveLength(2))
  })

  it('without the token it never opens, and stopping ends the retries', async () => {
    const s = await start(0)
    const opens: boolean[] = []
    let lost = 0
    stop = httpEvents(`http://127.0.0.1:${s.port}/`, 'wrong-token-0123456789')({
      onEvent: () => {},
      onOpen: (isFirst) => opens.push(isFirst),
      onLost: () => lost++
    })
    await vi.waitFor(() => expect(lost).toBeGreaterThanOrEqual(1))
    stop()
    stop = null
    expect(opens).toEqual([])
  })
})
