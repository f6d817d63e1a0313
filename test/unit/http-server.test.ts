import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { tempCore } from './helpers/core'
import { english1, englishReply } from './helpers/english'
import type { Message } from '../../src/shared/message'

let core: ReturnType<typeof tempCore>
let server: WebServer

beforeEach(async () => {
  core = tempCore({ annotator: 'alice' })
  const staticDir = join(core.dir, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spanmark</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(core.dir, 'secret.txt'), 'top secret')
  server = await startWebServer({ dispatch: core.dispatch, staticDir, port: 0 })
})
afterEach(async () => {
  await server.close()
  core.cleanup()
})

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request, so tests control Host, Origin and the path exactly. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const auth = (): Record<string, string> => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` })
const call = (method: string, args: unknown, headers: Record<string, string> = auth()) =>
  fetch(new URL(`api/${method}`, server.url), { method: 'POST', headers, body: JSON.stringify(args) })

describe('web-mode HTTP server', () => {
  it('listens on 127.0.0.1 with a fresh token in the URL fragment and serves the API with the same handlers', async () => {
    const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(server.url)
    expect(m?.[1]).toBe(String(server.port))
    expect(m?.[2]).toBe(server.token)
    const res = await call('getSession', {})
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: boolean; result: { annotator: string; documentCount: number } }
    expect(body).toMatchObject({ ok: true, result: { annotator: 'alice', documentCount: 5 } })
    const made = await call('createSpan', { docId: '000_2f535eeb48f059c6', annotator: 'alice', start: 0, end: 2, label: 'DATE' })
    expect(made.status).toBe(200)
    expect(core.project.spans.layer('000_2f535eeb48f059c6', 'alice')).toHaveLength(1)
  })

  it('gives each run its own token', async () => {
    const other = await startWebServer({ dispatch: core.dispatch, staticDir: join(core.dir, 'renderer'), port: 0 })
    try {
      expect(other.token).not.toBe(server.token)
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      // The first server's token does not open the second one.
      expect((await fetch(new URL('api/getSession', other.url), { method: 'POST', headers: auth(), body: '{}' })).status).toBe(401)
    } finally {
      await other.close()
    }
  })

  it('answers 401 with a message for people to an API call without the right token, and changes nothing', async () => {
    const span = { docId: '000_2f535eeb48f059c6', annotator: 'alice', start: 0, end: 2, label: 'DATE' }
    const wrong: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token.slice(0, -1)}x` },
      { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}x` },
      { 'Content-Type': 'application/json', Authorization: `Basic ${server.token}` },
      { 'Content-Type': 'application/json', Authorization: 'Bearer ' },
      { 'Content-Type': 'application/json', Cookie: `token=${server.token}` }
    ]
    for (const headers of wrong) {
      const res = await call('createSpan', span, headers)
      expect(res.status, JSON.stringify(headers)).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      const body = (await res.json()) as { ok: boolean; error: { message: Message } }
      expect(body.ok).toBe(false)
      expect(english1(body.error.message)).toContain('Open the URL that `spanmark serve` printed')
    }
    // A query parameter is not a way in for ordinary API routes.
    const query = await fetch(new URL(`api/createSpan?token=${server.token}`, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(span)
    })
    expect(query.status).toBe(401)
    expect(core.project.spans.layer('000_2f535eeb48f059c6', 'alice')).toHaveLength(0)
    // Static files do not need the token: the page has to load to read it.
    expect((await raw({ path: '/' })).status).toBe(200)
  })

  it('accepts ?token= only on the events route, which cannot send headers', async () => {
    const events = await raw({ path: `/api/events?token=${server.token}` })
    expect(events.status).not.toBe(401)
    expect((await raw({ path: '/api/events?token=nope' })).status).toBe(401)
    expect((await raw({ path: '/api/events' })).status).toBe(401)
  })

  it('takes the token given for tests', async () => {
    await server.close()
    server = await startWebServer({ dispatch: core.dispatch, staticDir: join(core.dir, 'renderer'), port: 0, token: 'a-test-token-of-enough-length' })
    expect(server.url).toMatch(/#token=a-test-token-of-enough-length$/)
    expect((await call('getSession', {})).status).toBe(200)
  })

  it('answers bad input with an error status and a message', async () => {
    expect((await call('createSpan', { docId: 'x' })).status).toBe(400)
    expect((await call('nope', {})).status).toBe(404)
    const notJson = await raw({ method: 'POST', path: '/api/getSession', headers: auth(), body: '{' })
    expect(notJson.status).toBe(400)
    expect(englishReply(JSON.parse(notJson.body) as { ok: boolean })).toMatchObject({ ok: false, error: { message: 'The request body is not valid JSON.' } })
    const conflict = await call('getDocument', { id: 'missing' })
    expect(conflict.status).toBe(404)
  })

  it('refuses cross-site and DNS-rebinding requests, token or not, and never sends CORS headers', async () => {
    const answers: Answer[] = []
    const evilOrigin = await raw({ method: 'POST', path: '/api/getSession', headers: { ...auth(), Origin: 'https://evil.example' }, body: '{}' })
    expect(evilOrigin.status).toBe(403)
    const crossSite = await raw({ method: 'POST', path: '/api/getSession', headers: { ...auth(), 'Sec-Fetch-Site': 'cross-site' }, body: '{}' })
    expect(crossSite.status).toBe(403)
    const preflight = await raw({
      method: 'OPTIONS',
      path: '/api/createSpan',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' }
    })
    expect(preflight.status).toBe(403)
    const preflightPage = await raw({ method: 'OPTIONS', path: '/', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } })
    expect(preflightPage.status).toBe(405)
    const simpleForm = await raw({ method: 'POST', path: '/api/getSession', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' })
    expect(simpleForm.status).toBe(415)
    const rebound = await raw({ path: '/', headers: { Host: `evil.example:${server.port}` } })
    expect(rebound.status).toBe(421)
    const reboundApi = await raw({ method: 'POST', path: '/api/getSession', headers: { ...auth(), Host: `evil.example:${server.port}` }, body: '{}' })
    expect(reboundApi.status).toBe(421)
    const otherPort = await raw({ path: '/', headers: { Host: `127.0.0.1:${server.port + 1}` } })
    expect(otherPort.status).toBe(421)
    expect((await raw({ path: '/', headers: { Host: `localhost:${server.port}` } })).status).toBe(200)
    expect((await raw({ method: 'GET', path: '/api/getSession', headers: auth() })).status).toBe(405)
    answers.push(evilOrigin, crossSite, preflight, preflightPage, simpleForm, rebound, reboundApi, otherPort)
    for (const a of answers) {
      expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
      expect(a.headers['x-content-type-options']).toBe('nosniff')
      expect(String(a.headers['content-security-policy'])).toContain("script-src 'self'")
    }
  })

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const index = await raw({ path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Spanmark</title>')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect((await raw({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/)
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00', '/nope.js']) {
      const r = await raw({ path })
      expect(r.status, path).toBe(404)
      expect(r.body).not.toContain('top secret')
      expect(r.headers['x-content-type-options']).toBe('nosniff')
      expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'")
    }
  })

  it('refuses oversized bodies', async () => {
    await server.close()
    server = await startWebServer({ dispatch: core.dispatch, staticDir: join(core.dir, 'renderer'), port: 0, maxBodyBytes: 100 })
    const r = await call('setAnnotator', { name: 'x'.repeat(200) })
    expect(r.status).toBe(413)
  })
})
