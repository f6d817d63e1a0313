import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session } from 'electron'
import { startDesktopApp } from './app'

// The Electron entry (out/main/index.js). It only hands the real electron module
// and process facts to startDesktopApp, which the unit tests drive with fakes.
// nativeTheme is looked up when the renderer reports a theme, not at startup.
const lazyNativeTheme = {
  get themeSource(): Electron.NativeTheme['themeSource'] {
    return nativeTheme.themeSource
  },
  set themeSource(value: Electron.NativeTheme['themeSource']) {
    nativeTheme.themeSource = value
  }
}

export const started: Promise<void> = startDesktopApp(
  // screen only works once the app is ready: looked up when the window opens, not now.
  { app, BrowserWindow, dialog, ipcMain, Menu, screen: { getAllDisplays: () => screen.getAllDisplays() }, session, nativeTheme: lazyNativeTheme },
  {
    mainDir: __dirname,
    env: process.env,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron
  }
)
