import { join, resolve } from 'node:path'
import type { App, BrowserWindow, Dialog, IpcMainEvent } from 'electron'
import { IPC_STATE_CHANNEL, isDesktopState } from '../../shared/commands'
import { resources, type Locale } from '../../shared/i18n'
import { openOrCreateProject } from '../default-project'
import { appRoot, defaultProjectPath, prefsPath, seedsDir } from '../paths'
import { PrefsStore } from '../prefs'
import { ProjectSession } from '../services/project-session'
import { RecentProjects } from '../services/recent-projects'
import type { Project } from '../store/project'
import { guardClose } from './close-guard'
import { forwardOutsideChanges, registerIpc, type IpcRegistry } from './ipc'
import { commandSender, installMenu, type MenuApi } from './menu'
import { electronNativeBinding, packagedNativeBinding, packagedSeedsDir } from './native-binding'
import { lockNavigation } from './navigation'
import { applyNativeTheme } from './native-theme'
import { preloadPath, rendererSource } from './renderer-source'
import { createSenderCheck, hardenSession, rendererCsp, type HardenableSession } from './security'
import { openOrOfferRestore, startupErrorMessage } from './startup-error'
import { createMainWindow, type WindowConstructor } from './window'
import { restoreWindowState, trackWindowState, type DisplayLookup } from './window-state'

/** The parts of the electron module the app uses; tests pass fakes. */
export interface ElectronApi {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady' | 'getPath' | 'setPath' | 'setName' | 'isPackaged'>
  BrowserWindow: WindowConstructor
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox' | 'showMessageBoxSync' | 'showOpenDialog' | 'showSaveDialog'>
  ipcMain: IpcRegistry & Pick<Electron.IpcMain, 'on' | 'removeListener'>
  Menu: MenuApi
  screen: DisplayLookup
  session: { readonly defaultSession: HardenableSession }
  /** Follows the theme chosen in Settings (see native-theme.ts); optional so fakes may leave it out. */
  nativeTheme?: Pick<Electron.NativeTheme, 'themeSource'>
}

/** Facts about the running process, passed in so tests can choose them. */
export interface RuntimeInfo {
  /** Folder of the built main script (its __dirname); Spanmark's root is found above it. */
  mainDir: string
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  /** Electron's resources folder; packaged apps ship the seeds and the unpacked native module there. */
  resourcesPath: string | undefined
  electronVersion: string | undefined
}

/** Where a packaged or development app finds better-sqlite3's Electron build and the seed articles. */
export function appAssets(root: string, isPackaged: boolean, runtime: Pick<RuntimeInfo, 'resourcesPath' | 'electronVersion'>): { nativeBinding: string | undefined; seeds: string } {
  if (isPackaged && runtime.resourcesPath) {
    return { nativeBinding: packagedNativeBinding(runtime.resourcesPath), seeds: packagedSeedsDir(runtime.resourcesPath) }
  }
  return { nativeBinding: electronNativeBinding(root, runtime.electronVersion), seeds: seedsDir(root) }
}

/**
 * Runs the desktop app: one instance, one window, one open project (switchable from the File menu).
 * Resolves once the window exists (or at once when another instance owns the lock).
 */
export function startDesktopApp(electron: ElectronApi, runtime: RuntimeInfo): Promise<void> {
  const { app, dialog } = electron
  const { env, platform } = runtime

  // Same folder as the CLI and web mode use (paths.ts): package.json's name is
  // lower-case "spanmark", which Electron would otherwise use. SPANMARK_HOME moves
  // all of it, Chromium's own files included, so isolated instances (tests,
  // portable use) do not share the single-instance lock either. Set before the
  // lock, because the lock lives in this folder.
  app.setName('Spanmark')
  const dataDir = env['SPANMARK_HOME'] ? resolve(env['SPANMARK_HOME']) : join(app.getPath('appData'), 'Spanmark')
  app.setPath('userData', dataDir)

  if (!app.requestSingleInstanceLock()) {
    // The running instance gets 'second-instance' and comes to the front.
    app.quit()
    return Promise.resolve()
  }

  const root = appRoot(runtime.mainDir)
  const source = rendererSource(root, { isPackaged: app.isPackaged, env })
  const recent = new RecentProjects(join(dataDir, 'recent-projects.json'))
  const windowStateFile = join(dataDir, 'window-state.json')
  let window: BrowserWindow | null = null
  let session: ProjectSession | null = null
  let disposeIpc: (() => void) | null = null
  let stopForwarding: (() => void) | null = null
  // What the page last reported: its language (menus follow it) and whether an import runs.
  let locale: Locale = 'en'
  let busy = false
  const send = commandSender(() => window)

  const refreshMenu = (): void => {
    installMenu(electron.Menu, send, { platform, locale, recent: recent.list(), openRecent: (path) => void switchToRecent(path) })
  }
  const switchToRecent = async (path: string): Promise<void> => {
    if (!session) return
    try {
      const { switched } = await session.switchProject({ how: 'recent', path })
      if (switched) send('project-changed')
    } catch (err) {
      dialog.showErrorBox('Spanmark', err instanceof Error ? err.message : String(err))
      refreshMenu() // the file may be gone: the list drops it
    }
  }
  const forward = (project: Project): void => {
    stopForwarding?.()
    stopForwarding = forwardOutsideChanges(project, () => (window && !window.isDestroyed() ? window.webContents : null))
  }
  const chooseProject = async (how: 'open' | 'new'): Promise<string | null> => {
    const p = resources[locale].desktop.project
    const filters = [{ name: p.filterName, extensions: ['sqlite'] }]
    if (how === 'open') {
      const result = window
        ? await dialog.showOpenDialog(window, { title: p.openTitle, properties: ['openFile'], filters })
        : await dialog.showOpenDialog({ title: p.openTitle, properties: ['openFile'], filters })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
    const options = { title: p.newTitle, defaultPath: join(app.getPath('documents'), p.newDefaultName), filters }
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }

  const openWindow = (): void => {
    const { bounds, maximized } = restoreWindowState(windowStateFile, electron.screen)
    const created = createMainWindow({ BrowserWindow: electron.BrowserWindow, source, preload: preloadPath(root), bounds, maximized })
    guardClose(created, dialog, () => ({ busy, locale }))
    trackWindowState(created, windowStateFile, (err) => console.error('[spanmark] could not save the window position', err))
    created.on('closed', () => {
      if (window === created) window = null
      busy = false
    })
    window = created
    refreshMenu()
  }

  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // Every webContents, not only the main window's, is kept from navigating or opening windows.
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (session && !window) openWindow()
  })
  app.on('will-quit', () => {
    disposeIpc?.()
    disposeIpc = null
    stopForwarding?.()
    stopForwarding = null
    session?.close()
    session = null
  })

  return app
    .whenReady()
    .then(async () => {
      const { nativeBinding, seeds } = appAssets(root, app.isPackaged, runtime)
      const startPath = recent.list()[0] ?? defaultProjectPath(dataDir)
      // A damaged project: the newest good backup is offered; Quit leaves everything as it is.
      const open = (): Project => openOrCreateProject(startPath, seeds, nativeBinding ? { nativeBinding } : {}, locale)
      const opened = await openOrOfferRestore(dialog, open, nativeBinding)
      if (!opened) {
        app.exit(1)
        return
      }
      // Backups: a snapshot now (in the background) and every few minutes while it changes.
      session = new ProjectSession(opened, {
        prefs: new PrefsStore(prefsPath(dataDir)),
        recent,
        nativeBinding,
        choose: chooseProject,
        locale: () => locale,
        onSwitched: (project) => {
          forward(project)
          refreshMenu()
        }
      })
      const isTrusted = createSenderCheck(source)
      const disposeInvoke = registerIpc(electron.ipcMain, session.dispatch, isTrusted)
      const onState = (event: IpcMainEvent, state: unknown): void => {
        if (!isTrusted(event.senderFrame) || !isDesktopState(state)) return
        if (state.busy !== undefined) busy = state.busy
        applyNativeTheme(electron.nativeTheme, state)
        if (state.language !== undefined && state.language !== locale) {
          locale = state.language
          refreshMenu()
        }
      }
      electron.ipcMain.on(IPC_STATE_CHANNEL, onState)
      disposeIpc = () => {
        disposeInvoke()
        electron.ipcMain.removeListener(IPC_STATE_CHANNEL, onState)
      }
      forward(session.project)
      // Before the window exists, so its very first response already carries the CSP.
      hardenSession(electron.session.defaultSession, rendererCsp(source))
      openWindow()
    })
    .catch((err: unknown) => {
      console.error('[spanmark]', err)
      dialog.showErrorBox('Spanmark could not start', startupErrorMessage(err, dataDir))
      app.exit(1)
    })
}
