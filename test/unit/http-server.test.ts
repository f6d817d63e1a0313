import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { tempCore } from './helpers/core'

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

/** A raw request, so tests control Host, Origin and the path exactly. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
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

const call = (method: string, args: unknown) =>
  fetch(new URL(`api/${method}`, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })

describe('web-mode HTTP server', () => {
  it('listens on 127.0.0.1 and serves the API over POST with the same handlers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const res = await call('getSession', {})
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: boolean; result: { annotator: string; documentCount: number } }
    expect(body).toMatchObject({ ok: true, result: { annotator: 'alice', documentCount: 5 } })
    const made = await call('createSpan', { docId: '000_2f535eeb48f059c6', annotator: 'alice', start: 0, end: 2, label: 'DATE' })
    expect(made.status).toBe(200)
    expect(core.project.spans.layer('000_2f535eeb48f059c6', 'alice')).toHaveLength(1)
  })

  it('answers bad input with an error status and a message', async () => {
    expect((await call('createSpan', { docId: 'x' })).status).toBe(400)
    expect((await call('nope', {})).status).toBe(404)
    const notJson = await raw({ method: 'POST', path: '/api/getSession', headers: { 'Content-Type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { message: 'The request body is not valid JSON.' } })
    const conflict = await call('getDocument', { id: 'missing' })
    expect(conflict.status).toBe(404)
  })

  it('refuses cross-site and DNS-rebinding requests', async () => {
    const evilOrigin = await raw({
      method: 'POST',
      path: '/api/getSession',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '{}'
    })
    expect(evilOrigin.status).toBe(403)
    const simpleForm = await raw({ method: 'POST', path: '/api/getSession', headers: { 'Content-Type': 'text/plain' }, body: '{}' })
    expect(simpleForm.status).toBe(415)
    const rebound = await raw({ path: '/', headers: { Host: `evil.example:${server.port}` } })
    expect(rebound.status).toBe(421)
    expect((await raw({ method: 'GET', path: '/api/getSession' })).status).toBe(405)
  })

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const index = await raw({ path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Spanmark</title>')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect((await raw({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/)
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00']) {
      const r = await raw({ path })
      expect(r.status, path).toBe(404)
      expect(r.body).not.toContain('top secret')
    }
  })

  it('refuses oversized bodies', async () => {
    await server.close()
    server = await startWebServer({ dispatch: core.dispatch, staticDir: join(core.dir, 'renderer'), port: 0, maxBodyBytes: 100 })
    const r = await call('setAnnotator', { name: 'x'.repeat(200) })
    expect(r.status).toBe(413)
  })
})
