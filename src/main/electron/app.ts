import { join, resolve } from 'node:path'
import type { App, BrowserWindow, Dialog } from 'electron'
import { openOrCreateProject } from '../default-project'
import { createDispatcher } from '../dispatch'
import { appRoot, defaultProjectPath, prefsPath, seedsDir } from '../paths'
import { PrefsStore } from '../prefs'
import { createApiHandlers } from '../services/api-handlers'
import { BackupService } from '../services/backup-service'
import type { Project } from '../store/project'
import { forwardOutsideChanges, registerIpc, type IpcRegistry } from './ipc'
import { installMenu, type MenuApi } from './menu'
import { electronNativeBinding } from './native-binding'
import { lockNavigation } from './navigation'
import { preloadPath, rendererSource } from './renderer-source'
import { createSenderCheck, hardenSession, rendererCsp, type HardenableSession } from './security'
import { openOrOfferRestore, startupErrorMessage } from './startup-error'
import { createMainWindow, type WindowConstructor } from './window'

/** The parts of the electron module the app uses; tests pass fakes. */
export interface ElectronApi {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady' | 'getPath' | 'setPath' | 'setName' | 'isPackaged'>
  BrowserWindow: WindowConstructor
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>
  ipcMain: IpcRegistry
  Menu: MenuApi
  session: { readonly defaultSession: HardenableSession }
}

/** Facts about the running process, passed in so tests can choose them. */
export interface RuntimeInfo {
  /** Folder of the built main script (its __dirname); Spanmark's root is found above it. */
  mainDir: string
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  /** Electron's resources folder; packaged apps ship the seeds there. */
  resourcesPath: string | undefined
  electronVersion: string | undefined
}

/**
 * Runs the desktop app: one instance, one window, one open default project.
 * Resolves once the window exists (or at once when another instance owns the lock).
 */
export function startDesktopApp(electron: ElectronApi, runtime: RuntimeInfo): Promise<void> {
  const { app } = electron
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
  let window: BrowserWindow | null = null
  let project: Project | null = null
  let disposeIpc: (() => void) | null = null
  let stopForwarding: (() => void) | null = null

  const openWindow = (): void => {
    const created = createMainWindow({ BrowserWindow: electron.BrowserWindow, source, preload: preloadPath(root) })
    created.on('closed', () => {
      if (window === created) window = null
    })
    installMenu(electron.Menu, created, platform)
    window = created
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
    if (project && !window) openWindow()
  })
  app.on('will-quit', () => {
    disposeIpc?.()
    disposeIpc = null
    stopForwarding?.()
    stopForwarding = null
    project?.close()
    project = null
  })

  return app
    .whenReady()
    .then(async () => {
      const seeds = app.isPackaged && runtime.resourcesPath ? join(runtime.resourcesPath, 'seeds') : seedsDir(root)
      const nativeBinding = electronNativeBinding(root, runtime.electronVersion)
      // A damaged project: the newest good backup is offered; Quit leaves everything as it is.
      const open = (): Project => openOrCreateProject(defaultProjectPath(dataDir), seeds, nativeBinding ? { nativeBinding } : {})
      const opened = await openOrOfferRestore(electron.dialog, open, nativeBinding)
      if (!opened) {
        app.exit(1)
        return
      }
      project = opened
      // A snapshot now (in the background) and every few minutes while it changes.
      const backups = new BackupService(project, { nativeBinding })
      void backups.start()
      const handlers = createApiHandlers({ project, prefs: new PrefsStore(prefsPath(dataDir)), backups })
      disposeIpc = registerIpc(electron.ipcMain, createDispatcher(handlers), createSenderCheck(source))
      stopForwarding = forwardOutsideChanges(project, () => (window && !window.isDestroyed() ? window.webContents : null))
      // Before the window exists, so its very first response already carries the CSP.
      hardenSession(electron.session.defaultSession, rendererCsp(source))
      openWindow()
    })
    .catch((err: unknown) => {
      console.error('[spanmark]', err)
      electron.dialog.showErrorBox('Spanmark could not start', startupErrorMessage(err, dataDir))
      app.exit(1)
    })
}
