import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { preloadPath, rendererSource } from '../../src/main/electron/renderer-source'
import { createSenderCheck, hardenSession, rendererCsp, type HardenableSession, type SenderFrame } from '../../src/main/electron/security'
import { RENDERER_CSP } from '../../src/main/web/security-headers'

vi.mock('electron', () => ({}))

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean
type HeadersListener = (details: Partial<OnHeadersReceivedListenerDetails>, callback: (response: HeadersReceivedResponse) => void) => void

function fakeSession(): { session: HardenableSession; request: () => RequestHandler; check: () => CheckHandler; headers: () => HeadersListener } {
  let request: RequestHandler | null = null
  let check: CheckHandler | null = null
  let headers: HeadersListener | null = null
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (check = h),
    webRequest: { onHeadersReceived: (h: HeadersListener) => (headers = h) }
  }
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} was not installed`)
    return value
  }
  return {
    session: session as unknown as HardenableSession,
    request: () => need(request, 'permission request handler'),
    check: () => need(check, 'permission check handler'),
    headers: () => need(headers, 'onHeadersReceived listener')
  }
}

const ROOT = join('/opt', 'Spanmark app')
const fileSource = rendererSource(ROOT, { isPackaged: false, env: {} })
const devSource = rendererSource(ROOT, { isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const fake = fakeSession()
    hardenSession(fake.session, RENDERER_CSP)
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn()
      fake.request()({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(fake.check()({}, permission, 'file://', {})).toBe(false)
    }
  })

  it('adds the CSP to responses and replaces any policy they brought', () => {
    const fake = fakeSession()
    hardenSession(fake.session, RENDERER_CSP)
    const callback = vi.fn()
    fake.headers()(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["script-src *"] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [RENDERER_CSP] }
    })
  })

  it('adds the CSP when a response has no headers at all', () => {
    const fake = fakeSession()
    hardenSession(fake.session, 'default-src none')
    const callback = vi.fn()
    fake.headers()({ url: pathToFileURL(fileSource.kind === 'file' ? fileSource.path : '').href }, callback)
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['default-src none'] } })
  })
})

describe('rendererCsp', () => {
  it('is the web-mode policy for the built renderer', () => {
    expect(rendererCsp(fileSource)).toBe(RENDERER_CSP)
  })

  it('relaxes only what the Vite dev server needs in development', () => {
    const csp = rendererCsp(devSource)
    expect(csp).toContain("script-src 'self' 'unsafe-inline'")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain("connect-src 'self' ws: wss:")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
  })
})

describe('rendererSource', () => {
  it('points at out/renderer/index.html and out/preload/index.js', () => {
    expect(fileSource).toEqual({
      kind: 'file',
      path: join(ROOT, 'out', 'renderer', 'index.html'),
      url: pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href
    })
    expect(preloadPath(ROOT)).toBe(join(ROOT, 'out', 'preload', 'index.js'))
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(rendererSource(ROOT, { isPackaged: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example' } }).kind).toBe('file')
  })
})

describe('createSenderCheck', () => {
  const top = (url: string): SenderFrame => ({ url, parent: null })
  const child = (url: string): SenderFrame => ({ url, parent: top(url) as SenderFrame['parent'] })
  const indexUrl = fileSource.kind === 'file' ? fileSource.url : ''

  it("accepts the app's own page in the top frame, whatever its hash or query", () => {
    const trusted = createSenderCheck(fileSource)
    expect(trusted(top(indexUrl))).toBe(true)
    expect(trusted(top(`${indexUrl}#/doc/3`))).toBe(true)
    expect(trusted(top(`${indexUrl}?x=1`))).toBe(true)
    // Chromium may leave characters unescaped that Node escapes; same file, same answer.
    expect(trusted(top(indexUrl.replace('%20', ' ')))).toBe(true)
  })

  it('rejects other pages, other files, iframes and missing frames', () => {
    const trusted = createSenderCheck(fileSource)
    expect(trusted(top('https://evil.example/'))).toBe(false)
    expect(trusted(top(pathToFileURL(join(ROOT, 'out', 'renderer', 'other.html')).href))).toBe(false)
    expect(trusted(top('file:///etc/passwd'))).toBe(false)
    expect(trusted(top('not a url'))).toBe(false)
    expect(trusted(child(indexUrl))).toBe(false)
    expect(trusted(null)).toBe(false)
    expect(trusted(undefined)).toBe(false)
  })

  it('treats a frame that throws on access (destroyed) as untrusted', () => {
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      parent: null
    }
    expect(createSenderCheck(fileSource)(destroyed)).toBe(false)
  })

  it('in development accepts the dev server origin only', () => {
    const trusted = createSenderCheck(devSource)
    expect(trusted(top('http://localhost:5173/'))).toBe(true)
    expect(trusted(top('http://localhost:5173/src/index.html#x'))).toBe(true)
    expect(trusted(top('http://localhost:5174/'))).toBe(false)
    expect(trusted(top(indexUrl))).toBe(false)
    expect(trusted(child('http://localhost:5173/'))).toBe(false)
  })
})
