import type { IncomingMessage, ServerResponse } from 'node:http'
import { CLIENT_HEADER, clientIdSchema } from '../../shared/live-events'
import type { ChangeFeed } from '../services/change-feed'

export interface EventsRoute {
  /** GET /api/events: a server-sent event stream of the feed, until the client goes away. */
  handle(req: IncomingMessage, res: ServerResponse): void
  /** Ends every open stream (server shutdown). */
  closeAll(): void
  /** How many streams are open. */
  readonly open: number
}

/**
 * Web mode's live updates: each committed change goes to every open tab as one
 * server-sent event (`id: <seq>`, `data: <LiveEvent JSON>`). A comment line is
 * sent every heartbeatMs so proxies and the client can tell a quiet stream from
 * a dead one. The stream starts with a `hello` event carrying the feed's last
 * sequence number; a client that reconnects refetches what it shows.
 */
export function createEventsRoute(feed: ChangeFeed, heartbeatMs = 15_000): EventsRoute {
  const streams = new Set<ServerResponse>()

  return {
    get open() {
      return streams.size
    },
    handle(req, res) {
      if (req.method !== 'GET') {
        res.writeHead(405, { 'Content-Type': 'application/json; charset=utf-8', Allow: 'GET' })
        res.end(JSON.stringify({ ok: false, error: { code: 'rejected', message: 'The event stream is a GET request.', details: [] } }))
        return
      }
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no'
      })
      res.socket?.setNoDelay(true)
      streams.add(res)
      res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ seq: feed.lastSeq })}\n\n`)
      const unsubscribe = feed.subscribe((event) => {
        res.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`)
      })
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs)
      heartbeat.unref()
      const cleanup = (): void => {
        clearInterval(heartbeat)
        unsubscribe()
        streams.delete(res)
      }
      req.on('close', cleanup)
      res.on('close', cleanup)
      res.on('error', cleanup)
    },
    closeAll() {
      for (const res of [...streams]) {
        res.end()
        res.socket?.destroy()
      }
      streams.clear()
    }
  }
}

/** The client id a call was sent with (X-Spanmark-Client), or null when absent or malformed. */
export function clientIdOf(req: IncomingMessage): string | null {
  const parsed = clientIdSchema.safeParse(req.headers[CLIENT_HEADER.toLowerCase()])
  return parsed.success ? parsed.data : null
}
