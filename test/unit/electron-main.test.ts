import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { appRoot } from '../../src/main/paths'
import { Project } from '../../src/main/store/project'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_STATE_CHANNEL } from '../../src/shared/commands'
import type { Envelope } from '../../src/shared/errors'

type Listener = (...args: unknown[]) => unknown

// A fake electron module with just enough behaviour for main.ts: an app that
// emits events, windows that record what they were asked to do, an ipcMain
// that keeps handlers, a menu and a session that record their setup.
const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>()
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener)
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args)
    }
  }
  class FakeContents extends Emitter {
    windowOpenHandler: Listener | null = null
    readonly send = vi.fn()
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
  }
  class FakeWindow extends Emitter {
    static instances: FakeWindow[] = []
    readonly webContents = new FakeContents()
    readonly loadFile = vi.fn((_file: string) => Promise.resolve())
    readonly loadURL = vi.fn((_url: string) => Promise.resolve())
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    minimized = false
    constructor(readonly options: unknown) {
      super()
      FakeWindow.instances.push(this)
    }
    isMinimized(): boolean {
      return this.minimized
    }
    isDestroyed(): boolean {
      return false
    }
    readonly maximize = vi.fn()
    normalBounds = { x: 40, y: 30, width: 1000, height: 700 }
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return this.normalBounds
    }
    isMaximized(): boolean {
      return false
    }
  }
  const paths = new Map<string, string>()
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    hasLock: true,
    requestSingleInstanceLock: vi.fn((): boolean => app.hasLock),
    quit: vi.fn(),
    exit: vi.fn(),
    setName: vi.fn(),
    setPath: vi.fn((name: string, path: string) => void paths.set(name, path)),
    getPath: vi.fn((name: string) => paths.get(name) ?? `/nonexistent/${name}`),
    whenReady: vi.fn(() => Promise.resolve())
  })
  const ipcHandlers = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Listener) => void ipcHandlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
    on: vi.fn((channel: string, listener: Listener) => void ipcListeners.set(channel, listener)),
    removeListener: vi.fn((channel: string) => void ipcListeners.delete(channel))
  }
  const ipcListeners = new Map<string, Listener>()
  const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) }
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() }
  }
  const dialog = {
    showErrorBox: vi.fn(),
    showMessageBoxSync: vi.fn((_window: unknown, _options: unknown) => 0),
    showOpenDialog: vi.fn((_window: unknown, _options: unknown) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn((_window: unknown, _options: unknown) => Promise.resolve({ canceled: true, filePath: '' }))
  }
  return { Emitter, FakeContents, FakeWindow, app, paths, ipcHandlers, ipcMain, ipcListeners, screen, Menu, defaultSession, dialog }
})

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  screen: fake.screen,
  session: { defaultSession: fake.defaultSession },
  dialog: fake.dialog
}))

const ROOT = appRoot(__dirname)

/** Loads the real entry (src/main/electron/main.ts) against the fakes and waits for startup. */
async function startMain(): Promise<void> {
  vi.resetModules()
  const { started } = await import('../../src/main/electron/main')
  await started
}

function onlyWindow(): InstanceType<typeof fake.FakeWindow> {
  expect(fake.FakeWindow.instances).toHaveLength(1)
  const [window] = fake.FakeWindow.instances
  if (!window) throw new Error('no window')
  return window
}

describe('Electron main entry', () => {
  let home: string

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'spanmark-home-'))
    vi.stubEnv('SPANMARK_HOME', home)
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    vi.clearAllMocks()
    fake.app.listeners.clear()
    fake.app.hasLock = true
    fake.paths.clear()
    fake.paths.set('appData', join(home, 'appData'))
    fake.ipcHandlers.clear()
    fake.FakeWindow.instances = []
    fake.ipcListeners.clear()
  })

  afterEach(() => {
    // Closes the project the app opened, as quitting does.
    fake.app.emit('will-quit')
    vi.unstubAllEnvs()
    rmSync(home, { recursive: true, force: true })
  })

  it('a second instance quits at once and opens nothing', async () => {
    fake.app.hasLock = false
    await startMain()
    expect(fake.app.quit).toHaveBeenCalledOnce()
    expect(fake.app.whenReady).not.toHaveBeenCalled()
    expect(fake.FakeWindow.instances).toHaveLength(0)
    expect(fake.ipcMain.handle).not.toHaveBeenCalled()
    expect(existsSync(join(home, 'default-project.sqlite'))).toBe(false)
  })

  it('keeps its data in SPANMARK_HOME, set before taking the single-instance lock', async () => {
    await startMain()
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', home)
    const setPathOrder = fake.app.setPath.mock.invocationCallOrder[0] ?? Infinity
    const lockOrder = fake.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? -Infinity
    expect(setPathOrder).toBeLessThan(lockOrder)
  })

  it('without SPANMARK_HOME uses <appData>/Spanmark, like the CLI', async () => {
    vi.stubEnv('SPANMARK_HOME', '')
    await startMain()
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join(home, 'appData', 'Spanmark'))
    expect(existsSync(join(home, 'appData', 'Spanmark', 'default-project.sqlite'))).toBe(true)
  })

  it('when ready: creates the default project with the 5 seeds, the IPC handler, a hardened session, the window and the menu', async () => {
    await startMain()

    const file = join(home, 'default-project.sqlite')
    expect(existsSync(file)).toBe(true)

    expect(fake.ipcMain.handle).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, expect.any(Function))
    const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)
    if (!handler) throw new Error('no IPC handler')
    const ownPage = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href
    const reply = (await handler({ senderFrame: { url: ownPage, parent: null } }, 'listDocuments', { annotator: 'alice' })) as Envelope
    expect(reply.ok && (reply.result as unknown[]).length).toBe(5)
    const rejected = (await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'getSession', {})) as Envelope
    expect(rejected).toMatchObject({ ok: false, error: { code: 'rejected' } })

    expect(fake.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(fake.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce()
    expect(fake.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce()

    const window = onlyWindow()
    const options = window.options as BrowserWindowConstructorOptions
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(ROOT, 'out', 'preload', 'index.js')
    })
    expect(window.loadFile).toHaveBeenCalledWith(join(ROOT, 'out', 'renderer', 'index.html'))
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce()

    // The data really is on disk: quitting closes the project, and reopening it finds the seeds.
    fake.app.emit('will-quit')
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL)
    const reopened = Project.open(file)
    try {
      expect(reopened.documents.count()).toBe(5)
    } finally {
      reopened.close()
    }
  })

  it('a second launch brings the existing window back to the front', async () => {
    await startMain()
    const window = onlyWindow()
    window.minimized = true
    fake.app.emit('second-instance', {}, [], home)
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    expect(fake.FakeWindow.instances).toHaveLength(1)
  })

  it('a second launch focuses a window that is not minimized without restoring it, and survives having no window', async () => {
    await startMain()
    const window = onlyWindow()
    fake.app.emit('second-instance', {}, [], home)
    expect(window.restore).not.toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalledOnce()
    // macOS: the window was closed but the app runs on; a second launch must not throw.
    window.emit('closed')
    expect(() => fake.app.emit('second-instance', {}, [], home)).not.toThrow()
    expect(window.focus).toHaveBeenCalledOnce()
  })

  it('pushes a write by another program to the window as a reload event, and not its own changes', async () => {
    await startMain()
    const window = onlyWindow()
    const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)
    if (!handler) throw new Error('no IPC handler')
    const ownPage = { senderFrame: { url: pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href, parent: null } }
    const docs = (await handler(ownPage, 'listDocuments', { annotator: 'alice' })) as Envelope
    const docId = docs.ok ? (docs.result as { id: string }[])[0]?.id : undefined
    if (!docId) throw new Error('no document')
    const own = (await handler(ownPage, 'createSpan', { docId, annotator: 'alice', start: 0, end: 2, label: 'DATE' })) as Envelope
    expect(own.ok).toBe(true)

    // Another program (a terminal's `spanmark import`, say) writes to the same file.
    const other = Project.open(join(home, 'default-project.sqlite'))
    try {
      other.write(() => other.spans.insert({ docId, annotator: 'bob', start: 3, end: 5, label: 'PERSON' }))
    } finally {
      other.close()
    }
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalled(), { timeout: 10_000 })
    expect(window.webContents.send.mock.calls).toEqual([[IPC_EVENT_CHANNEL, expect.objectContaining({ kind: 'reload', origin: null })]])
  })

  it('locks navigation of every webContents that is created', async () => {
    await startMain()
    const contents = new fake.FakeContents()
    fake.app.emit('web-contents-created', {}, contents)
    const event = { preventDefault: vi.fn() }
    contents.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('quits when the last window closes (except on macOS), and reopens a window on activate', async () => {
    await startMain()
    const window = onlyWindow()
    window.emit('closed')
    fake.app.emit('window-all-closed')
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1)
    fake.app.emit('activate')
    expect(fake.FakeWindow.instances).toHaveLength(2)
  })

  it('shows an error and exits when the project cannot be opened', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const notAFolder = join(home, 'file')
    writeFileSync(notAFolder, 'x')
    vi.stubEnv('SPANMARK_HOME', notAFolder)
    await startMain()
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Spanmark could not start', expect.stringContaining(notAFolder))
    expect(fake.app.exit).toHaveBeenCalledWith(1)
    expect(fake.FakeWindow.instances).toHaveLength(0)
  })

  // --- desktop conventions (issue 10) ---
  const trusted = (): { senderFrame: { url: string; parent: null } } => ({
    senderFrame: { url: pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href, parent: null }
  })
  const reportState = (state: unknown, sender = trusted()): void => {
    const listener = fake.ipcListeners.get(IPC_STATE_CHANNEL)
    if (!listener) throw new Error('no state listener')
    listener(sender, state)
  }
  const lastMenuLabels = (): unknown[] => {
    const calls = fake.Menu.buildFromTemplate.mock.calls
    return ((calls[calls.length - 1]?.[0] ?? []) as { label?: string }[]).map((m) => m.label)
  }

  it('remembers the window bounds in window-state.json and restores them when they are on a display', async () => {
    await startMain()
    const first = onlyWindow()
    first.normalBounds = { x: 200, y: 120, width: 1111, height: 777 }
    first.emit('close', { preventDefault: vi.fn() })
    expect(JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8'))).toEqual({ x: 200, y: 120, width: 1111, height: 777, maximized: false })
    first.emit('closed')
    fake.app.emit('activate')
    const second = fake.FakeWindow.instances[1]
    expect(second?.options).toMatchObject({ x: 200, y: 120, width: 1111, height: 777 })
  })

  it('a saved position on a display that is gone opens the window at its size, not off-screen', async () => {
    writeFileSync(join(home, 'window-state.json'), JSON.stringify({ x: 4000, y: 100, width: 900, height: 600 }))
    await startMain()
    const options = onlyWindow().options as BrowserWindowConstructorOptions
    expect(options).toMatchObject({ width: 900, height: 600 })
    expect(options.x).toBeUndefined()
    expect(options.y).toBeUndefined()
  })

  it('closing while the page reports an import asks first; Cancel (the default) keeps the window open', async () => {
    await startMain()
    const window = onlyWindow()
    const idle = { preventDefault: vi.fn() }
    window.emit('close', idle)
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled()
    expect(idle.preventDefault).not.toHaveBeenCalled()

    reportState({ busy: true })
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(0)
    const cancelled = { preventDefault: vi.fn() }
    window.emit('close', cancelled)
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: 'An import is still running.', buttons: ['Keep working', 'Close anyway'], defaultId: 0, cancelId: 0 })
    )
    expect(cancelled.preventDefault).toHaveBeenCalled()

    fake.dialog.showMessageBoxSync.mockReturnValueOnce(1)
    const confirmed = { preventDefault: vi.fn() }
    window.emit('close', confirmed)
    expect(confirmed.preventDefault).not.toHaveBeenCalled()
  })

  it('ignores state reports from other pages and malformed ones', async () => {
    await startMain()
    const window = onlyWindow()
    reportState({ busy: true }, { senderFrame: { url: 'https://evil.example/', parent: null } })
    reportState({ busy: 'yes' })
    reportState({ busy: true, extra: 1 })
    const event = { preventDefault: vi.fn() }
    window.emit('close', event)
    expect(fake.dialog.showMessageBoxSync).not.toHaveBeenCalled()
  })

  it('rebuilds the native menu in the language the page reports', async () => {
    await startMain()
    expect(lastMenuLabels()).toEqual(['File', 'Edit', 'View', 'Help'])
    reportState({ language: 'ko' })
    expect(lastMenuLabels()).toEqual(['파일', '편집', '보기', '도움말'])
    reportState({ busy: true, language: 'en' })
    expect(lastMenuLabels()).toEqual(['File', 'Edit', 'View', 'Help'])
  })

  it('File → Open project… shows the file dialog, switches, lists it in Recent and starts there next time', async () => {
    const other = join(home, 'elsewhere', 'other.sqlite')
    mkdirSync(join(home, 'elsewhere'))
    Project.open(other).close()
    await startMain()
    const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)
    if (!handler) throw new Error('no IPC handler')
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
    const reply = (await handler(trusted(), 'switchProject', { how: 'open' })) as Envelope
    expect(reply).toEqual({ ok: true, result: { switched: true, path: other } })
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(onlyWindow(), expect.objectContaining({ properties: ['openFile'] }))
    const session = (await handler(trusted(), 'getSession', {})) as Envelope
    expect(session.ok && (session.result as { projectPath: string }).projectPath).toBe(other)
    const calls = fake.Menu.buildFromTemplate.mock.calls
    const file = ((calls[calls.length - 1]?.[0] ?? []) as { label: string; submenu: { label: string; submenu?: { label: string }[] }[] }[])[0]
    const recent = file?.submenu.find((i) => i.label === 'Recent projects')?.submenu?.map((i) => i.label)
    expect(recent?.[0]).toBe(`other.sqlite — ${other}`)

    fake.app.emit('will-quit')
    fake.FakeWindow.instances = []
    await startMain()
    const again = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)
    const reopened = (await again?.(trusted(), 'getSession', {})) as Envelope
    expect(reopened.ok && (reopened.result as { projectPath: string }).projectPath).toBe(other)
  })
})

describe('a packaged app finds its native module and seeds (appAssets)', () => {
  it('uses resources/app.asar.unpacked/…/better_sqlite3.node and resources/seeds', async () => {
    const { appAssets } = await import('../../src/main/electron/app')
    const resources = mkdtempSync(join(tmpdir(), 'spanmark-resources-'))
    try {
      const release = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release')
      expect(appAssets(ROOT, true, { resourcesPath: resources, electronVersion: '45.4.1' })).toEqual({
        nativeBinding: undefined,
        seeds: join(resources, 'seeds')
      })
      mkdirSync(release, { recursive: true })
      writeFileSync(join(release, 'better_sqlite3.node'), 'binary')
      expect(appAssets(ROOT, true, { resourcesPath: resources, electronVersion: '45.4.1' })).toEqual({
        nativeBinding: join(release, 'better_sqlite3.node'),
        seeds: join(resources, 'seeds')
      })
      // Not packaged: the development checkout's seeds/ and .electron-abi build.
      expect(appAssets(ROOT, false, { resourcesPath: resources, electronVersion: undefined })).toEqual({ nativeBinding: undefined, seeds: join(ROOT, 'seeds') })
    } finally {
      rmSync(resources, { recursive: true, force: true })
    }
  })
})
