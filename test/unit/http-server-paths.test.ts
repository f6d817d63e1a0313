import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { tempCore } from './helpers/core'

// The server serves <dir>/app/out/renderer, as `spanmark serve` serves the app's build;
// secrets lie above it and beside it, and symlinks inside the build point at them.
let core: ReturnType<typeof tempCore>
let server: WebServer
let secretFile: string
const SECRET = 'TOP-SECRET-CONTENT'

beforeAll(async () => {
  core = tempCore({ annotator: 'alice' })
  const app = join(core.dir, 'app')
  const staticDir = join(app, 'out', 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spanmark</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  secretFile = join(app, 'package.json')
  writeFileSync(secretFile, SECRET)
  writeFileSync(join(app, 'out', 'secret.txt'), SECRET)
  writeFileSync(join(core.dir, 'secret.txt'), SECRET)
  mkdirSync(join(app, 'out', 'main'))
  writeFileSync(join(app, 'out', 'main', 'index.js'), SECRET)
  symlinkSync(secretFile, join(staticDir, 'assets', 'leak.js'))
  symlinkSync(join(app, 'out', 'main'), join(staticDir, 'linked'))
  symlinkSync(join(staticDir, 'assets', 'app.js'), join(staticDir, 'assets', 'alias.js'))
  server = await startWebServer({ dispatch: core.dispatch, staticDir, port: 0 })
})
afterAll(async () => {
  await server.close()
  core.cleanup()
})

interface RawAnswer {
  status: number
  headers: Map<string, string>
  text: string
}

/** Sends bytes as they are over TCP (no URL normalisation by any client) and reads the whole answer. */
function rawHttp(requestText: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // write, not end: a client that half-closes first may get no answer at all.
    const socket = connect(server.port, '127.0.0.1', () => socket.write(requestText, 'latin1'))
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(requestText)}`)))
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const [head = ''] = text.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text })
    })
  })
}

const get = (target: string): Promise<RawAnswer> =>
  rawHttp(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)

const HOSTILE_TARGETS = (): string[] => [
  '/../../package.json',
  '/../../../secret.txt',
  '/../secret.txt',
  '/assets/../../secret.txt',
  '/assets/../../../package.json',
  '/%2e%2e/%2e%2e/package.json',
  '/%2E%2E/%2E%2E/package.json',
  '/..%2f..%2fpackage.json',
  '/..%2F..%2F..%2Fsecret.txt',
  '/%2e%2e%2f%2e%2e%2fpackage.json',
  '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
  '/.%2e/.%2e/package.json',
  '/..%252f..%252fpackage.json',
  '/..\\..\\package.json',
  '/%5c..%5c..%5cpackage.json',
  '/assets\\..\\..\\..\\package.json',
  '/index.html%00.js',
  '/%00',
  '/%00/../../package.json',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
  `/${secretFile}`,
  `/${encodeURIComponent(secretFile)}`,
  `//${secretFile.slice(1)}`,
  '/C:%5cWindows%5cwin.ini',
  '/assets/leak.js',
  '/linked/index.js',
  '/linked/../../package.json',
  `http://127.0.0.1:${server.port}/../../package.json`,
  '../../package.json',
  '/assets/'
]

describe('web-mode static files, requested byte for byte', () => {
  it('serves files of the build, including a symlink that stays inside it', async () => {
    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.text).toContain('<title>Spanmark</title>')
    expect((await get('/assets/alias.js')).text).toContain('console.log(1)')
    // Dot segments the URL parser resolves inside the build are harmless: "/.." is "/".
    expect((await get('/..')).text).toContain('<title>Spanmark</title>')
  })

  it('answers 404 or 400 to every path that tries to leave the build, never with a file outside it', async () => {
    for (const target of HOSTILE_TARGETS()) {
      const r = await get(target)
      expect([400, 404], target).toContain(r.status)
      expect(r.text, target).not.toContain(SECRET)
      expect(r.headers.get('x-content-type-options'), target).toBe('nosniff')
      expect(r.headers.get('content-security-policy'), target).toContain("default-src 'self'")
      expect([...r.headers.keys()].filter((h) => h.startsWith('access-control-')), target).toEqual([])
    }
  })

  it('answers requests Node cannot parse with 400 and the same security headers', async () => {
    for (const req of [
      `GET /a b c HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nBad Header\r\n\r\n`,
      'NOT-HTTP\r\n\r\n'
    ]) {
      const r = await rawHttp(req)
      expect(r.status, JSON.stringify(req)).toBe(400)
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'")
    }
  })

  it('refuses a request without a Host header', async () => {
    const r = await rawHttp('GET / HTTP/1.1\r\nConnection: close\r\n\r\n')
    expect([400, 421]).toContain(r.status)
    expect(r.text).not.toContain('<title>Spanmark</title>')
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it.runIf(existsSync('/usr/bin/curl'))('refuses the same paths sent by curl --path-as-is', async () => {
    const curl = promisify(execFile)
    for (const target of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/leak.js', '/linked/index.js']) {
      const { stdout } = await curl('/usr/bin/curl', ['--silent', '--include', '--path-as-is', `http://127.0.0.1:${server.port}${target}`])
      expect(stdout, target).toMatch(/^HTTP\/1\.1 40[04] /)
      expect(stdout, target).toMatch(/x-content-type-options: nosniff/i)
      expect(stdout, target).not.toContain(SECRET)
    }
  })
})
