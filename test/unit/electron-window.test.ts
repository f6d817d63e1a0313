import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { lockNavigation, type LockableContents } from '../../src/main/electron/navigation'
import { rendererSource } from '../../src/main/electron/renderer-source'
import { createMainWindow, type WindowConstructor } from '../../src/main/electron/window'

// window.ts and navigation.ts only import electron's types; an empty mock makes
// any accidental runtime use of the real module fail loudly instead of downloading.
vi.mock('electron', () => ({}))

type Handler = (...args: unknown[]) => unknown

class FakeContents {
  readonly handlers = new Map<string, Handler[]>()
  windowOpenHandler: Handler | null = null
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
    return this
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does: a preventable event first. */
  emit(event: string, ...args: unknown[]): { preventDefault: ReturnType<typeof vi.fn> } {
    const e = { preventDefault: vi.fn() }
    for (const h of this.handlers.get(event) ?? []) h(e, ...args)
    return e
  }
}

class FakeWindow {
  static instances: FakeWindow[] = []
  readonly webContents = new FakeContents()
  readonly once = vi.fn((event: string, handler: () => void) => {
    this.onceHandlers.set(event, handler)
    return this
  })
  readonly onceHandlers = new Map<string, () => void>()
  readonly show = vi.fn()
  readonly loadFile = vi.fn((_path: string) => Promise.resolve())
  readonly loadURL = vi.fn((_url: string) => Promise.resolve())
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.instances.push(this)
  }
}

function makeWindow(source = rendererSource('/app', { isPackaged: false, env: {} })): FakeWindow {
  FakeWindow.instances = []
  createMainWindow({
    BrowserWindow: FakeWindow as unknown as WindowConstructor,
    source,
    preload: '/app/out/preload/index.js',
    log: () => {}
  })
  const [window] = FakeWindow.instances
  if (!window) throw new Error('no window was created')
  return window
}

describe('createMainWindow', () => {
  it('isolates and sandboxes the page, with the preload as its only bridge', () => {
    const prefs = makeWindow().options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.js'
    })
  })

  it('stays hidden until ready-to-show, then shows', () => {
    const window = makeWindow()
    expect(window.options.show).toBe(false)
    expect(window.show).not.toHaveBeenCalled()
    window.onceHandlers.get('ready-to-show')?.()
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('loads the built renderer from disk', () => {
    const window = makeWindow()
    expect(window.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
    expect(window.loadURL).not.toHaveBeenCalled()
  })

  it('loads the dev server in development', () => {
    const window = makeWindow(rendererSource('/app', { isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }))
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  it('prevents navigation and redirects, and denies new windows', () => {
    const contents = makeWindow().webContents
    expect(contents.emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled()
    expect(contents.emit('will-redirect', 'https://evil.example/').preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})

describe('lockNavigation', () => {
  it('locks any webContents, webviews included', () => {
    const contents = new FakeContents()
    lockNavigation(contents as unknown as LockableContents)
    expect(contents.emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled()
    expect(contents.emit('will-redirect', 'https://a.example/').preventDefault).toHaveBeenCalled()
    expect(contents.emit('will-attach-webview', {}, {}).preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'about:blank' })).toEqual({ action: 'deny' })
  })
})
