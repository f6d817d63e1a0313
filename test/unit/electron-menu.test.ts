import type { Menu, MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, installMenu, type CommandTarget, type MenuApi } from '../../src/main/electron/menu'
import { IPC_COMMAND_CHANNEL } from '../../src/shared/commands'

vi.mock('electron', () => ({}))

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label)
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`)
  return menu.submenu
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label)
  if (!found) throw new Error(`no item ${label}`)
  return found
}

/** Clicks an item the way Electron would (the arguments are not used by our items). */
function click(entry: MenuItemConstructorOptions): void {
  const fn = entry.click as (() => void) | undefined
  if (!fn) throw new Error(`${entry.label ?? entry.role} has no click`)
  fn()
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(buildMenuTemplate(() => {}, platform).map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Help'])
    }
  })

  it('puts the app menu first on macOS and Quit there instead of in File', () => {
    const template = buildMenuTemplate(() => {}, 'darwin')
    expect(template.map((m) => m.label ?? m.role)).toEqual(['appMenu', 'File', 'Edit', 'View', 'Help'])
    expect(submenu(template, 'File').some((i) => i.role === 'quit')).toBe(false)
  })

  it('File: Import, Export, Restore from backup, Close pane, Quit, with their accelerators', () => {
    const file = submenu(buildMenuTemplate(() => {}, 'linux'), 'File')
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'Import…',
      'Export…',
      'separator',
      'Restore from backup…',
      'separator',
      'Close pane',
      'separator',
      'quit'
    ])
    expect(item(file, 'Import…').accelerator).toBe('CmdOrCtrl+I')
    expect(item(file, 'Export…').accelerator).toBe('CmdOrCtrl+E')
    expect(item(file, 'Close pane').accelerator).toBe('CmdOrCtrl+W')
  })

  it('Edit: Undo/Redo shown but not registered (the renderer handles the keys), then clipboard roles', () => {
    const edit = submenu(buildMenuTemplate(() => {}, 'linux'), 'Edit')
    expect(item(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false })
    expect(item(edit, 'Redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false })
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })

  it('View and Help use the standard roles', () => {
    const template = buildMenuTemplate(() => {}, 'linux')
    expect(submenu(template, 'View').filter((i) => i.role).map((i) => i.role)).toEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen'
    ])
    expect(submenu(template, 'Help').map((i) => i.role)).toEqual(['about'])
  })

  it('clicking a command item sends that command', () => {
    const send = vi.fn()
    const template = buildMenuTemplate(send, 'linux')
    const file = submenu(template, 'File')
    const edit = submenu(template, 'Edit')
    click(item(file, 'Import…'))
    click(item(edit, 'Undo'))
    click(item(edit, 'Redo'))
    click(item(file, 'Export…'))
    click(item(file, 'Close pane'))
    click(item(file, 'Restore from backup…'))
    expect(send.mock.calls.map(([command]: unknown[]) => command)).toEqual(['import', 'undo', 'redo', 'export', 'close-pane', 'restore'])
  })
})

describe('installMenu', () => {
  function setup(destroyed = false): { menu: MenuApi; window: CommandTarget; sent: ReturnType<typeof vi.fn>; applied: () => MenuItemConstructorOptions[] } {
    let applied: MenuItemConstructorOptions[] | null = null
    const sent = vi.fn()
    const menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu,
      setApplicationMenu: (built: { template: MenuItemConstructorOptions[] } | null) => {
        applied = built?.template ?? null
      }
    } as unknown as MenuApi
    const window = { isDestroyed: () => destroyed, webContents: { send: sent } } as unknown as CommandTarget
    return {
      menu,
      window,
      sent,
      applied: () => {
        if (!applied) throw new Error('no application menu was set')
        return applied
      }
    }
  }

  it("sets the application menu and sends commands to the window's renderer", () => {
    const { menu, window, sent, applied } = setup()
    installMenu(menu, window, 'linux')
    click(item(submenu(applied(), 'File'), 'Import…'))
    expect(sent).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, 'import')
  })

  it('sends nothing to a destroyed window', () => {
    const { menu, window, sent, applied } = setup(true)
    installMenu(menu, window, 'linux')
    click(item(submenu(applied(), 'Edit'), 'Undo'))
    expect(sent).not.toHaveBeenCalled()
  })
})
