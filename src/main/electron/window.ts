import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { lockNavigation } from './navigation'
import type { RendererSource } from './renderer-source'

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

export interface WindowDeps {
  BrowserWindow: WindowConstructor
  source: RendererSource
  preload: string
  /** Where the window was last left (window-state.ts); the default size otherwise. */
  bounds?: Partial<Rectangle>
  maximized?: boolean
  log?: (message: string, err: unknown) => void
}

/**
 * The one Spanmark window. The page gets no Node access at all: it is isolated
 * and sandboxed, and reaches the project only through the preload's
 * window.spanmark bridge.
 */
export function createMainWindow({ BrowserWindow, source, preload, bounds, maximized = false, log = defaultLog }: WindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Spanmark',
    // Shown once the first paint is ready, so the user never sees a blank frame.
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      // A middle click on a link must not open anything (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick'
    }
  })
  lockNavigation(window.webContents)
  window.once('ready-to-show', () => {
    if (maximized) window.maximize()
    window.show()
  })
  const loading = source.kind === 'dev' ? window.loadURL(source.url) : window.loadFile(source.path)
  loading.catch((err: unknown) => log(`Could not load the Spanmark page from ${source.url}.`, err))
  return window
}

function defaultLog(message: string, err: unknown): void {
  console.error('[spanmark]', message, err)
}
