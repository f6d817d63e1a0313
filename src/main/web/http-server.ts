import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '../../shared/errors'
import type { Dispatch } from '../dispatch'
import { SECURITY_HEADERS } from './security-headers'
import { readStatic } from './static-files'

export interface WebServerOptions {
  dispatch: Dispatch
  /** Folder of the built renderer. */
  staticDir: string
  /** 0 picks a free port. */
  port: number
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
}

export interface WebServer {
  url: string
  port: number
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const STATUS: Record<string, number> = {
  invalid_args: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  rejected: 422,
  internal: 500
}

/**
 * Web mode: the same renderer build and the same API handlers as the desktop
 * app, over HTTP on 127.0.0.1 only. POST /api/<method> with a JSON body carries
 * one call; everything else serves the built renderer.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024
  let port = options.port
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[spanmark] request failed', err)
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'The request failed inside Spanmark.'))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    const host = req.headers.host ?? ''
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      // Refuses DNS-rebinding: a page on another name that resolves to 127.0.0.1.
      sendJson(res, 421, failure('rejected', `Spanmark answers only on ${HOST}:${port}.`))
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length), host)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('rejected', 'Only GET is allowed here.'))
      return
    }
    const file = await readStatic(options.staticDir, url.pathname)
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, host: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('rejected', 'API calls are POST requests.'))
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) {
      sendJson(res, 403, failure('rejected', `Calls from ${origin} are not allowed.`))
      return
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, failure('rejected', 'API calls must send Content-Type: application/json.'))
      return
    }
    const body = await readBody(req, maxBody)
    if (body === null) {
      sendJson(res, 413, failure('rejected', `The request is larger than ${Math.round(maxBody / 1048576)} MB.`))
      return
    }
    let args: unknown
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      sendJson(res, 400, failure('invalid_args', 'The request body is not valid JSON.'))
      return
    }
    const envelope = await options.dispatch(method, args)
    sendJson(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500), envelope)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function failure(code: 'invalid_args' | 'rejected' | 'internal', message: string): Envelope {
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
