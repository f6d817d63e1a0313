import type { DesktopBridge } from '../../shared/commands'

/** What a live-update source reports; `data` is unvalidated (live-updates.ts checks it). */
export interface LiveHandlers {
  onEvent(data: unknown): void
  /** The stream is (again) open; `first` is false after a reconnect, when anything may have been missed. */
  onOpen(first: boolean): void
  /** The stream broke; it is retried by itself. */
  onLost(): void
}

/** Starts a source; returns a function that stops it. */
export type LiveSource = (handlers: LiveHandlers) => () => void

/** Server sends a heartbeat every 15 s; this long without any byte means the connection is dead. */
const SILENCE_MS = 45_000
const MAX_RETRY_MS = 10_000

/**
 * Web mode: GET api/events read with fetch (not EventSource, so it sends the
 * same Authorization header as every other call), parsed as server-sent
 * events, reconnecting with backoff when the stream ends or breaks.
 */
export function httpEvents(base: string = new URL('.', window.location.href).href, token: string | null = null): LiveSource {
  return (handlers) => {
    const headers: Record<string, string> = { Accept: 'text/event-stream' }
    if (token) headers['Authorization'] = `Bearer ${token}`
    let stopped = false
    let controller: AbortController | null = null
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let opens = 0

    const connect = async (attempt: number): Promise<void> => {
      controller = new AbortController()
      const abort = controller
      let silence: ReturnType<typeof setTimeout> | undefined
      const alive = (): void => {
        clearTimeout(silence)
        silence = setTimeout(() => abort.abort(), SILENCE_MS)
      }
      let wasOpen = false
      try {
        const res = await fetch(new URL('api/events', base), { headers, signal: abort.signal, cache: 'no-store' })
        if (!res.ok || !res.body) throw new Error(`the server answered ${res.status}`)
        wasOpen = true
        handlers.onOpen(opens++ === 0)
        alive()
        await readFrames(res.body, alive, (frame) => {
          if (frame.event === 'message' && frame.data !== '') handlers.onEvent(JSON.parse(frame.data) as unknown)
        })
      } catch {
        // Refused, broken or silent: retried below.
      } finally {
        clearTimeout(silence)
      }
      if (stopped) return
      handlers.onLost()
      const next = wasOpen ? 0 : attempt + 1
      retryTimer = setTimeout(() => void connect(next), Math.min(500 * 2 ** next, MAX_RETRY_MS))
    }

    void connect(0)
    return () => {
      stopped = true
      clearTimeout(retryTimer)
      controller?.abort()
    }
  }
}

/** Electron: the preload pushes events from the main process (changes by other programs). */
export function bridgeEvents(bridge: DesktopBridge): LiveSource {
  return (handlers) => {
    handlers.onOpen(true)
    return bridge.onEvent((event) => handlers.onEvent(event))
  }
}

interface Frame {
  event: string
  data: string
}

/** Splits a text/event-stream body into frames (event name and data), per the SSE format. */
async function readFrames(body: ReadableStream<Uint8Array>, onBytes: () => void, onFrame: (frame: Frame) => void): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let event = 'message'
  let data: string[] = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    onBytes()
    buffer += decoder.decode(value, { stream: true })
    let nl: number
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '')
      buffer = buffer.slice(nl + 1)
      if (line === '') {
        if (data.length > 0) onFrame({ event, data: data.join('\n') })
        event = 'message'
        data = []
      } else if (line.startsWith(':')) continue
      else {
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') event = value
        else if (field === 'data') data.push(value)
      }
    }
  }
}
