import { execFile, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, openApp, ROOT, test } from './fixtures'
import { dbSpans, SEED_IDS, status } from './helpers'

const DOC = SEED_IDS[0]
const span = { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' }

test.describe('the token', () => {
  test.use({ allowedConsoleErrors: [/status of 401 .*\/api\//] })

  test('the printed URL logs the page in, leaves the address bar, and survives a reload; without it nothing loads', async ({ page, browser, server }) => {
    expect(server.url).toBe(`${server.base}#token=${server.token}`)
    await openApp(page, server)
    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(5)
    await expect(page).toHaveURL(server.base)
    await page.reload()
    await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
    await expect(page.locator('[data-testid^="doc-item-"]')).toHaveCount(5)
    await expect(page).toHaveURL(server.base)

    // A tab that was never given the token: every call is refused, with what to do.
    const other = await browser.newContext()
    try {
      const stranger = await other.newPage()
      const refused: number[] = []
      stranger.on('response', (r) => {
        if (r.url().includes('/api/')) refused.push(r.status())
      })
      await stranger.goto(server.base)
      await expect(stranger.locator('.app')).toHaveAttribute('data-ready', 'true')
      await expect(stranger.getByTestId('status')).toContainText('Open the URL that `spanmark serve` printed')
      await expect(stranger.locator('[data-testid^="doc-item-"]')).toHaveCount(0)
      expect(refused.length).toBeGreaterThan(0)
      expect(new Set(refused)).toEqual(new Set([401]))
      // A wrong token in the fragment is no better.
      await stranger.goto(`${server.base}#token=${'A'.repeat(43)}`)
      await expect(stranger.getByTestId('status')).toContainText('Open the URL that `spanmark serve` printed')
    } finally {
      await other.close()
    }
    await expect(status(page)).not.toContainText('token')
  })

  test('API calls need the token; the helpers send it', async ({ server }) => {
    const bare = await fetch(new URL('api/createSpan', server.base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(span) })
    expect(bare.status).toBe(401)
    expect(dbSpans(server.projectFile, DOC)).toEqual([])
    const { status: ok, body } = await server.api('createSpan', span)
    expect(ok).toBe(200)
    expect(body.ok).toBe(true)
    expect(dbSpans(server.projectFile, DOC)).toHaveLength(1)
  })
})

test.describe('other sites', () => {
  test.use({ allowedConsoleErrors: [/blocked by CORS policy|net::ERR_FAILED|ERR_BLOCKED_BY_RESPONSE/] })
  let evil: Server
  let evilUrl: string
  test.beforeEach(async () => {
    evil = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>evil</title>'))
    await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done))
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`
  })
  test.afterEach(async () => {
    await new Promise<void>((done) => evil.close(() => done()))
  })

  test('a page on another origin cannot call the API, even holding the token, and gets no CORS headers', async ({ page, server }) => {
    await page.goto(evilUrl)
    const outcome = await page.evaluate(
      async ({ base, token, span }) => {
        const url = `${base}api/createSpan`
        const results: string[] = []
        try {
          await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(span) })
          results.push('cors: read')
        } catch {
          results.push('cors: blocked')
        }
        // A "simple" request needs no preflight: the server must refuse it by itself.
        // (Cross-Origin-Resource-Policy then keeps even the opaque answer from the page.)
        try {
          const opaque = await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(span) })
          results.push(`no-cors: ${opaque.type}`)
        } catch {
          results.push('no-cors: blocked')
        }
        return results
      },
      { base: server.base, token: server.token, span }
    )
    expect(outcome).toEqual(['cors: blocked', 'no-cors: blocked'])
    expect(dbSpans(server.projectFile, DOC)).toEqual([])

    const preflight = await fetch(new URL('api/createSpan', server.base), {
      method: 'OPTIONS',
      headers: { Origin: evilUrl.slice(0, -1), 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' }
    })
    expect(preflight.status).toBe(403)
    expect([...preflight.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
    expect(preflight.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

test('curl --path-as-is gets nothing outside the renderer build from a real server', async ({ server }) => {
  test.skip(!existsSync('/usr/bin/curl'), 'curl is not installed')
  const curl = promisify(execFile)
  const mainJs = readFileSync(join(ROOT, 'out', 'main', 'index.js'), 'utf8').slice(0, 200)
  for (const target of ['/../../package.json', '/../main/index.js', '/%2e%2e/main/index.js', '/..%2fmain%2findex.js', '/..%5cmain%5cindex.js', `/${join(ROOT, 'package.json')}`]) {
    const { stdout } = await curl('/usr/bin/curl', ['--silent', '--include', '--path-as-is', `${server.base.slice(0, -1)}${target}`])
    expect(stdout, target).toMatch(/^HTTP\/1\.1 40[04] /)
    expect(stdout, target).toMatch(/content-security-policy: default-src 'self'/i)
    expect(stdout, target).not.toContain('"name": "spanmark"')
    expect(stdout, target).not.toContain(mainJs)
  }
})

test('serve --host ADDR listens there, warns on stderr, and prints a URL with that address', async ({ home }) => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address
  test.skip(external === undefined, 'this machine has no external IPv4 address')
  const addr = external as string
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'serve', '--port', '0', '--host', addr, '--annotator', 'alice'], {
    cwd: ROOT,
    env: { ...process.env, SPANMARK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  try {
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/open http:\/\//)
    const m = new RegExp(`open (http://${addr.replace(/\./g, '\\.')}:(\\d+)/)#token=([A-Za-z0-9_-]{43})`).exec(out)
    expect(m, out).not.toBeNull()
    expect(err).toContain(`WARNING: listening on ${addr}:${m?.[2]}`)
    expect(err).toContain('can read and change this project')
    const base = m?.[1] ?? ''
    const res = await fetch(`${base}api/getSession`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${m?.[3]}` }, body: '{}' })
    expect(res.status).toBe(200)
    // Not on 127.0.0.1 any more.
    await expect(fetch(`http://127.0.0.1:${m?.[2]}/`)).rejects.toThrow()
  } finally {
    child.kill('SIGTERM')
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)))
  }
})
