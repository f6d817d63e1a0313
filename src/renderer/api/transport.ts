import type { ApiMethod } from '../../shared/api'
import type { Transport } from '../../shared/api-client'
import type { DesktopBridge } from '../../shared/commands'
import { CLIENT_HEADER } from '../../shared/live-events'
import { msg } from '../../shared/message'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    spanmark?: DesktopBridge
  }
}

/** Electron: the preload's bridge to ipcMain. */
export function bridgeTransport(bridge: DesktopBridge): Transport {
  return (method: ApiMethod, args: unknown) => bridge.invoke(method, args)
}

const TOKEN_KEY = 'spanmark.token'

/**
 * Web mode: the token of this run of `spanmark serve`. The printed URL carries it
 * in the fragment (#token=…, never sent to a server); it moves to sessionStorage,
 * so a reload keeps working, and leaves the address bar and the history entry.
 */
export function takeWebToken(loc: Location = window.location, storage: Storage = window.sessionStorage, history: History = window.history): string | null {
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''))
  const fromUrl = hash.get('token')
  if (fromUrl) {
    try {
      storage.setItem(TOKEN_KEY, fromUrl)
    } catch {
      /* storage disabled: the token lives only in this page */
    }
    hash.delete('token')
    const rest = hash.toString()
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`)
    return fromUrl
  }
  try {
    return storage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

let cached: string | null | undefined

/** This page's web-mode token (takeWebToken once, then remembered): for the API and for EventSource (`api/events?token=`). */
export function webToken(): string | null {
  if (cached === undefined) cached = takeWebToken()
  return cached
}

/** This tab's id: sent with every call, so the live updates it caused come back marked as its own echoes (getRandomValues: randomUUID needs a secure context, which `serve --host` is not). */
export const CLIENT_ID: string = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

/** Web mode: POST /api/<method> on the server that served this page, with the run's token and this tab's id. */
export function httpTransport(base: string = new URL('.', window.location.href).href, token: string | null = null): Transport {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [CLIENT_HEADER]: CLIENT_ID }
  if (token) headers['Authorization'] = `Bearer ${token}`
  return async (method: ApiMethod, args: unknown) => {
    let res: Response
    try {
      res = await fetch(new URL(`api/${method}`, base), { method: 'POST', headers, body: JSON.stringify(args ?? {}) })
    } catch {
      return { ok: false, error: { code: 'internal', message: msg('errors:http.unreachable'), details: [] } }
    }
    try {
      return (await res.json()) as unknown
    } catch {
      return { ok: false, error: { code: 'internal', message: msg('errors:http.noBody', { status: res.status }), details: [] } }
    }
  }
}
