import type { BrowserWindow, Menu, MenuItemConstructorOptions } from 'electron'
import { IPC_COMMAND_CHANNEL, type MenuCommand } from '../../shared/commands'

export type SendCommand = (command: MenuCommand) => void

/**
 * The application menu. Items that act on the annotation state send a command
 * to the renderer, which owns that state; everything else uses Electron roles.
 */
export function buildMenuTemplate(send: SendCommand, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => send('import') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      { type: 'separator' },
      { label: 'Restore from backup…', click: () => send('restore') },
      { type: 'separator' },
      { label: 'Close pane', accelerator: 'CmdOrCtrl+W', click: () => send('close-pane') },
      // macOS keeps Quit in the app menu.
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }])
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // The renderer's keydown handler already handles these keys (and leaves
      // them to text fields so they keep their native undo). Registering the
      // accelerators would let the menu take the keys first, so they are only
      // shown; a click still sends the command.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }
  const help: MenuItemConstructorOptions = { label: 'Help', submenu: [{ label: 'About Spanmark', role: 'about' }] }
  return [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, help]
}

export type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>
export type CommandTarget = Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'send'> }

/** Builds the menu and makes it the application menu; commands go to `window`. */
export function installMenu(menu: MenuApi, window: CommandTarget, platform: NodeJS.Platform = process.platform): Menu {
  const send: SendCommand = (command) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_COMMAND_CHANNEL, command)
  }
  const built = menu.buildFromTemplate(buildMenuTemplate(send, platform))
  menu.setApplicationMenu(built)
  return built
}
