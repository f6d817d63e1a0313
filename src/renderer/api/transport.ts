import type { ApiMethod } from '../../shared/api'
import type { Transport } from '../../shared/api-client'
import type { DesktopBridge } from '../../shared/commands'

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

/** Web mode: POST /api/<method> on the server that served this page. */
export function httpTransport(base: string = new URL('.', window.location.href).href): Transport {
  return async (method: ApiMethod, args: unknown) => {
    let res: Response
    try {
      res = await fetch(new URL(`api/${method}`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {})
      })
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Cannot reach the Spanmark server. Is `spanmark serve` still running?', details: [] } }
    }
    try {
      return (await res.json()) as unknown
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${res.status} without a usable body.`, details: [] } }
    }
  }
}
