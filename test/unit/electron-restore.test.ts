import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { appRoot, seedsDir } from '../../src/main/paths'
import { takeSnapshot } from '../../src/main/store/backups'
import { IPC_INVOKE_CHANNEL } from '../../src/shared/commands'
import type { Envelope } from '../../src/shared/errors'

type Listener = (...args: unknown[]) => unknown

// A fake electron module (as in electron-main.test.ts) whose dialog also answers showMessageBox.
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
  class FakeWindow extends Emitter {
    static instances: FakeWindow[] = []
    readonly webContents = Object.assign(new Emitter(), { send: vi.fn(), setWindowOpenHandler: vi.fn() })
    readonly loadFile = vi.fn((_file: string) => Promise.resolve())
    readonly loadURL = vi.fn((_url: string) => Promise.resolve())
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    constructor(readonly options: unknown) {
      super()
      FakeWindow.instances.push(this)
    }
    isMinimized(): boolean {
      return false
    }
    isDestroyed(): boolean {
      return false
    }
    readonly maximize = vi.fn()
    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return { x: 40, y: 30, width: 1000, height: 700 }
    }
    isMaximized(): boolean {
      return false
    }
  }
  const paths = new Map<string, string>()
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
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
  const defaultSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } }
  const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn((_options: unknown) => Promise.resolve({ response: 0, checkboxChecked: false })) }
  return { FakeWindow, app, paths, ipcHandlers, ipcMain, ipcListeners, screen, Menu, defaultSession, dialog }
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

async function startMain(): Promise<void> {
  vi.resetModules()
  const { started } = await import('../../src/main/electron/main')
  await started
}

describe('Electron startup with a damaged default project', () => {
  let home: string
  let file: string
  let damaged: Buffer

  /** The default project with the seeds and one good backup, then overwritten with bytes that are no database. */
  async function damagedProject(withBackup: boolean): Promise<string | null> {
    const project = openOrCreateProject(file, seedsDir(ROOT))
    const backup = withBackup ? (await takeSnapshot(project.db, file, { reason: 'auto' })).file : null
    project.close()
    writeFileSync(file, damaged)
    return backup
  }

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'spanmark-home-'))
    file = join(home, 'default-project.sqlite')
    damaged = Buffer.from('a note saved over the project by mistake\n'.repeat(100))
    vi.stubEnv('SPANMARK_HOME', home)
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    vi.clearAllMocks()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    fake.app.listeners.clear()
    fake.paths.clear()
    fake.ipcHandlers.clear()
    fake.FakeWindow.instances = []
  })

  afterEach(() => {
    fake.app.emit('will-quit')
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    rmSync(home, { recursive: true, force: true })
  })

  it('offers the newest backup; "Restore newest backup" moves the damaged file aside, restores and starts', async () => {
    const backup = await damagedProject(true)
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    await startMain()

    expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce()
    const options = fake.dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; message: string; detail: string; cancelId: number }
    expect(options.buttons).toEqual(['Restore newest backup', 'Quit'])
    expect(options.cancelId).toBe(1)
    expect(options.message).toBe('The project default-project.sqlite is damaged and cannot be opened.')
    expect(options.detail).toContain(`The newest good backup is ${backup}`)
    expect(options.detail).toContain('file is not a database')
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled()

    const aside = readdirSync(home).find((n) => n.startsWith('default-project.sqlite.damaged-'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(home, aside as string)).equals(damaged)).toBe(true)
    expect(fake.FakeWindow.instances).toHaveLength(1)
    const handler = fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)
    const ownPage = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href
    const reply = (await handler?.({ senderFrame: { url: ownPage, parent: null } }, 'listDocuments', { annotator: 'alice' })) as Envelope
    expect(reply.ok && (reply.result as unknown[]).length).toBe(5)
    expect(fake.app.exit).not.toHaveBeenCalled()
  })

  it('"Quit" exits and leaves the damaged file where and as it was', async () => {
    await damagedProject(true)
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    await startMain()
    expect(fake.app.exit).toHaveBeenCalledWith(1)
    expect(fake.FakeWindow.instances).toHaveLength(0)
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled()
    expect(readFileSync(file).equals(damaged)).toBe(true)
    expect(readdirSync(home).filter((n) => n.includes('.damaged-'))).toEqual([])
  })

  it('without a backup: an error box that says what is wrong and that there is no backup, and exit', async () => {
    await damagedProject(false)
    await startMain()
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled()
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Spanmark could not start',
      expect.stringMatching(/^Cannot open the project .*default-project\.sqlite: it is not a Spanmark project file[\s\S]*There is no good backup/)
    )
    expect(fake.app.exit).toHaveBeenCalledWith(1)
    expect(readFileSync(file).equals(damaged)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })
})
