import { basename } from 'node:path'
import type { BrowserWindow, Menu, MenuItemConstructorOptions } from 'electron'
import { IPC_COMMAND_CHANNEL, type MenuCommand } from '../../shared/commands'
import { resources, type Locale } from '../../shared/i18n'

export type SendCommand = (command: MenuCommand) => void

export interface MenuOptions {
  platform?: NodeJS.Platform
  /** The UI's language (the page reports it); labels come from the `desktop` catalogue. */
  locale?: Locale
  /** File → Recent projects, newest first. */
  recent?: readonly string[]
  /** Runs in the main process: switches to a recent project. */
  openRecent?: (path: string) => void
}

/**
 * The application menu. Every item that acts on Spanmark sends the command the in-app menu's
 * item runs (src/renderer/state/commands.ts); clipboard, zoom and window items use Electron roles.
 * Recent projects are opened by the main process itself, which then tells the page to start over.
 */
export function buildMenuTemplate(send: SendCommand, options: MenuOptions = {}): MenuItemConstructorOptions[] {
  const { platform = process.platform, locale = 'en', recent = [], openRecent = () => {} } = options
  const m = resources[locale].desktop.menu
  const isMac = platform === 'darwin'
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd)
  })
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const settings = command(m.settings, 'settings', 'CmdOrCtrl+,')

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: m.noRecent, enabled: false }]
      : recent.map((path) => ({ label: `${basename(path)} — ${path}`, click: () => openRecent(path) }))
  const file: MenuItemConstructorOptions = {
    label: m.file,
    submenu: [
      command(m.newProject, 'new-project', 'CmdOrCtrl+N'),
      command(m.openProject, 'open-project', 'CmdOrCtrl+O'),
      { label: m.recentProjects, submenu: recentItems },
      separator,
      command(m.import, 'import', 'CmdOrCtrl+I'),
      command(m.export, 'export', 'CmdOrCtrl+E'),
      command(m.merge, 'merge'),
      command(m.meetingsExport, 'meetings'),
      command(m.dataset, 'dataset'),
      separator,
      command(m.restore, 'restore'),
      separator,
      command(m.closePane, 'close-pane', 'CmdOrCtrl+W'),
      // macOS keeps Settings and Quit in the app menu.
      ...(isMac ? [] : [separator, settings, separator, { role: 'quit' as const, label: m.quit }])
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: m.edit,
    submenu: [
      // The renderer's keydown handler already handles these keys (and leaves
      // them to text fields so they keep their native undo). Registering the
      // accelerators would let the menu take the keys first, so they are only
      // shown; a click still sends the command.
      { label: m.undo, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
      { label: m.redo, accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => send('redo') },
      separator,
      { role: 'cut', label: m.cut },
      { role: 'copy', label: m.copy },
      { role: 'paste', label: m.paste },
      { role: 'selectAll', label: m.selectAll },
      separator,
      command(m.labels, 'labels')
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      // The page handles Ctrl+B itself (outside text fields): the accelerator is only shown.
      { label: resources[locale].screens.sidebar.toggle, accelerator: 'CmdOrCtrl+B', registerAccelerator: false, click: () => send('toggle-sidebar') },
      separator,
      command(m.agreement, 'agreement'),
      command(m.meetings, 'meetings'),
      separator,
      { role: 'reload', label: m.reload },
      { role: 'toggleDevTools', label: m.devTools },
      separator,
      { role: 'resetZoom', label: m.actualSize },
      { role: 'zoomIn', label: m.zoomIn },
      { role: 'zoomOut', label: m.zoomOut },
      separator,
      { role: 'togglefullscreen', label: m.fullScreen }
    ]
  }
  const help: MenuItemConstructorOptions = {
    label: m.help,
    submenu: [command(m.shortcuts, 'shortcuts', 'F1'), ...(isMac ? [] : [separator, { role: 'about' as const, label: m.about }])]
  }
  const appMenu: MenuItemConstructorOptions = {
    label: 'Spanmark',
    submenu: [
      { role: 'about', label: m.about },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: m.quit }
    ]
  }
  return [...(isMac ? [appMenu] : []), file, edit, view, help]
}

export type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>
export type CommandTarget = Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'send'> }

/** Sends a command to the page of `window` (nothing once the window is gone). */
export function commandSender(window: () => CommandTarget | null): SendCommand {
  return (command) => {
    const target = window()
    if (target && !target.isDestroyed()) target.webContents.send(IPC_COMMAND_CHANNEL, command)
  }
}

/** Builds the menu and makes it the application menu; call again when the language or the recent list changes. */
export function installMenu(menu: MenuApi, send: SendCommand, options: MenuOptions = {}): Menu {
  const built = menu.buildFromTemplate(buildMenuTemplate(send, options))
  menu.setApplicationMenu(built)
  return built
}
