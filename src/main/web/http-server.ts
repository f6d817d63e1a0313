import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import type { Dispatch } from '../dispatch'
import { asClient, type ChangeFeed } from '../services/change-feed'
import { clientIdOf, createEventsRoute } from './events-route'
import { createAuthoriser, createToken } from './auth'
import { allowedHostHeaders, DEFAULT_HOST, hostProblem, urlHost } from './host'
import { rawErrorResponse, SECURITY_HEADERS } from './security-headers'
import { readStatic, realRoot } from './static-files'

export interface WebServerOptions {
  dispatch: Dispatch
  /** Folder of the built renderer. */
  staticDir: string
  /** 0 picks a free port. */
  port: number
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
  /** The address to listen on; 127.0.0.1 unless given (`spanmark serve --host`). */
  host?: string
  /** The token every /api/ request must present; a fresh random one unless given (tests). */
  token?: string
  /** Committed changes to stream to open tabs at GET /api/events (live updates); none without it. */
  feed?: ChangeFeed
}

export interface WebServer {
  /** The page to open; carries the token in its fragment (#token=…), which browsers never send to a server. */
  url: string
  /** The address and port the server listens on. */
  host: string
  port: number
  /** This run's token: API calls send `Authorization: Bearer <token>`. */
  token: string
  close(): Promise<void>
}

const STATUS: Record<string, number> = {
  invalid_args: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  rejected: 422,
  storage: 503,
  internal: 500
}

/**
 * Web mode: the same renderer build and the same API handlers as the desktop
 * app, over HTTP on 127.0.0.1 (or the one address given as `host`). POST
 * /api/<method> with a JSON body and this run's token carries one call;
 * everything else serves the built renderer.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024
  const HOST = options.host ?? DEFAULT_HOST
  const problem = hostProblem(HOST)
  if (problem) throw new Error(problem)
  const token = options.token ?? createToken()
  /** Whether a request presents this run's token; every /api/ route must ask it first. */
  const authorised = createAuthoriser(token)
  const events = options.feed ? createEventsRoute(options.feed) : null
  const staticRoot = realRoot(options.staticDir)
  let port = options.port
  let hosts: ReadonlySet<string> = new Set()
  // requireHostHeader: false lets a request without Host reach the Host check below (421 with our headers).
  const server: Server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[spanmark] request failed', err)
      if (!res.headersSent) sendJson(res, 500, failure('internal', msg('errors:http.failed')))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    const host = (req.headers.host ?? '').toLowerCase()
    if (!hosts.has(host)) {
      // Refuses DNS-rebinding: a page on another name that resolves to this address.
      sendJson(res, 421, failure('rejected', msg('errors:http.wrongHost', { host: `${urlHost(HOST)}:${port}` })))
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      if (crossSite(req, host)) {
        sendJson(res, 403, failure('rejected', msg('errors:http.crossSite', { origin: req.headers.origin ?? '—' })))
        return
      }
      if (!authorised(req, url)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="spanmark"')
        sendJson(res, 401, failure('rejected', msg('errors:http.unauthorised')))
        return
      }
      await handleApi(req, res, url.pathname.slice('/api/'.length))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('rejected', msg('errors:http.onlyGet')))
      return
    }
    const file = await readStatic(staticRoot, url.pathname)
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (method === 'events' && events) {
      events.handle(req, res)
      return
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('rejected', msg('errors:http.onlyPost')))
      return
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, failure('rejected', msg('errors:http.json')))
      return
    }
    const body = await readBody(req, maxBody)
    if (body === null) {
      sendJson(res, 413, failure('rejected', msg('errors:http.tooLarge', { mb: Math.round(maxBody / 1048576) })))
      return
    }
    let args: unknown
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      sendJson(res, 400, failure('invalid_args', msg('errors:http.badJson')))
      return
    }
    const envelope = await asClient(clientIdOf(req), () => options.dispatch(method, args))
    sendJson(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500), envelope)
  }

  // Requests Node cannot parse get the same headers as every other answer.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end(rawErrorResponse(400, 'Bad Request'))
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  hosts = allowedHostHeaders(HOST, port)
  return {
    url: `http://${urlHost(HOST)}:${port}/#token=${token}`,
    host: HOST,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        events?.closeAll()
        server.closeAllConnections()
      })
  }
}

/** A request another site's page made: an Origin that is not ours, or Sec-Fetch-Site saying so. */
function crossSite(req: IncomingMessage, host: string): boolean {
  const origin = req.headers.origin
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return true
  const site = req.headers['sec-fetch-site']
  return site !== undefined && site !== 'same-origin' && site !== 'none'
}

function failure(code: 'invalid_args' | 'rejected' | 'internal', message: Message): Envelope {
  return { ok: false, error: { code, message, details: [] } }
}

function sendJson(res: ServerResponse, status: number, body: Envelope): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
