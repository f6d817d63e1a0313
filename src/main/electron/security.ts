import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import type { Session, WebFrameMain } from 'electron'
import { RENDERER_CSP } from '../web/security-headers'
import type { RendererSource } from './renderer-source'

export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/** What the sender check reads from event.senderFrame. */
export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'>
export type SenderCheck = (frame: SenderFrame | null | undefined) => boolean

/**
 * The policy for the window. The built renderer gets the same strict policy as
 * web mode. Vite's dev server needs inline scripts (React refresh preamble),
 * injected <style> tags and its HMR websocket, so dev relaxes exactly those.
 */
export function rendererCsp(source: RendererSource): string {
  if (source.kind === 'file') return RENDERER_CSP
  return RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: wss:")
}

/**
 * Spanmark asks for no browser permission (camera, notifications, clipboard
 * read, ...), so every request and check is refused, and every response gets the
 * CSP. For file:// pages the renderer's index.html should carry the same policy
 * in a <meta> tag too, since older Electron versions skip webRequest for file://.
 */
export function hardenSession(session: HardenableSession, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the response brought so ours is the one in force.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [csp]
    callback({ responseHeaders: headers })
  })
}

/**
 * Accepts IPC only from the app's own page in a top-level frame: an iframe or a
 * page the window was somehow steered to must not reach the project.
 */
export function createSenderCheck(source: RendererSource): SenderCheck {
  return (frame) => {
    try {
      if (!frame || frame.parent !== null) return false
      const url = new URL(frame.url)
      if (source.kind === 'dev') return url.origin === source.origin
      // Compare decoded paths (query and hash ignored): Chromium and Node may
      // percent-encode the same file path differently.
      return url.protocol === 'file:' && resolve(fileURLToPath(url)) === resolve(source.path)
    } catch {
      // A destroyed frame throws on access; a malformed URL throws in URL/fileURLToPath.
      return false
    }
  }
}
