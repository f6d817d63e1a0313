import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { startDesktopApp } from './app'

// The Electron entry (out/main/index.js). It only hands the real electron module
// and process facts to startDesktopApp, which the unit tests drive with fakes.
export const started: Promise<void> = startDesktopApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, session },
  {
    mainDir: __dirname,
    env: process.env,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron
  }
)
