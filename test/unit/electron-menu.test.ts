import type { Menu, MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, commandSender, installMenu, type CommandTarget, type MenuApi } from '../../src/main/electron/menu'
import { COMMANDS } from '../../src/renderer/state/commands'
import { IPC_COMMAND_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../../src/shared/commands'
import { resources } from '../../src/shared/i18n'

vi.mock('electron', () => ({}))

const en = resources.en.desktop.menu
const ko = resources.ko.desktop.menu

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

/** Every item with a click handler, through all submenus. */
function clickable(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [...(i.click ? [i] : []), ...(Array.isArray(i.submenu) ? clickable(i.submenu) : [])])
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Linux and Windows, in English and Korean', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(buildMenuTemplate(() => {}, { platform }).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
      expect(buildMenuTemplate(() => {}, { platform, locale: 'ko' }).map((m) => m.label)).toEqual(['파일', '편집', '보기', '도움말'])
    }
  })

  it('puts the app menu first on macOS, with About, Settings and Quit there instead of in File and Help', () => {
    for (const locale of ['en', 'ko'] as const) {
      const m = resources[locale].desktop.menu
      const template = buildMenuTemplate(() => {}, { platform: 'darwin', locale })
      expect(template.map((x) => x.label)).toEqual(['Spanmark', m.file, m.edit, m.view, m.help])
      const appMenu = submenu(template, 'Spanmark')
      expect(appMenu.map((i) => i.role ?? i.label ?? i.type)).toEqual([
        'about', 'separator', m.settings, 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit'
      ])
      expect(item(appMenu, m.settings).accelerator).toBe('CmdOrCtrl+,')
      expect(submenu(template, m.file).some((i) => i.role === 'quit' || i.label === m.settings)).toBe(false)
      expect(submenu(template, m.help).some((i) => i.role === 'about')).toBe(false)
    }
  })

  it('File: projects, import and export, restore, close pane, settings, quit, with the platform accelerators', () => {
    const file = submenu(buildMenuTemplate(() => {}, { platform: 'linux' }), 'File')
    expect(file.map((i) => i.label ?? i.type)).toEqual([
      en.newProject, en.openProject, en.recentProjects, 'separator',
      en.import, en.export, en.merge, en.meetingsExport, en.dataset, 'separator',
      en.restore, 'separator', en.closePane, 'separator', en.settings, 'separator', en.quit
    ])
    expect(item(file, en.quit).role).toBe('quit')
    const accelerators = Object.fromEntries(file.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]))
    expect(accelerators).toEqual({
      [en.newProject]: 'CmdOrCtrl+N',
      [en.openProject]: 'CmdOrCtrl+O',
      [en.import]: 'CmdOrCtrl+I',
      [en.export]: 'CmdOrCtrl+E',
      [en.closePane]: 'CmdOrCtrl+W',
      [en.settings]: 'CmdOrCtrl+,'
    })
  })

  it('Korean labels come from the desktop catalogue, accelerators stay the same', () => {
    const file = submenu(buildMenuTemplate(() => {}, { platform: 'win32', locale: 'ko' }), '파일')
    expect(item(file, '프로젝트 열기…').accelerator).toBe('CmdOrCtrl+O')
    expect(item(file, '가져오기…').accelerator).toBe('CmdOrCtrl+I')
    expect(item(file, '내보내기…').accelerator).toBe('CmdOrCtrl+E')
    expect(item(file, 'Spanmark 종료').role).toBe('quit')
    const help = submenu(buildMenuTemplate(() => {}, { platform: 'win32', locale: 'ko' }), '도움말')
    expect(item(help, '단축키').accelerator).toBe('F1')
  })

  it('Edit: Undo/Redo shown but not registered (the renderer handles the keys), clipboard roles, Labels…', () => {
    const edit = submenu(buildMenuTemplate(() => {}, { platform: 'linux' }), 'Edit')
    expect(item(edit, en.undo)).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false })
    expect(item(edit, en.redo)).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false })
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    expect(item(edit, en.cut).role).toBe('cut')
  })

  it('View has Agreement, Meetings and the standard roles; Help has the shortcuts (F1) and About', () => {
    const template = buildMenuTemplate(() => {}, { platform: 'linux' })
    expect(submenu(template, 'View').filter((i) => i.role).map((i) => i.role)).toEqual([
      'reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'
    ])
    expect(submenu(template, 'Help').map((i) => i.role ?? i.label ?? i.type)).toEqual([en.shortcuts, 'separator', 'about'])
  })

  it('every command item sends the command the in-app menu runs for the same label, and every command has an item', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const sent: MenuCommand[] = []
      const template = buildMenuTemplate((c) => sent.push(c), { platform })
      const pairs = clickable(template).map((entry) => {
        const before = sent.length
        click(entry)
        expect(sent.length).toBe(before + 1)
        return [entry.label, sent[sent.length - 1]] as const
      })
      const byLabel = new Map(pairs)
      expect(byLabel.get(en.newProject)).toBe('new-project')
      expect(byLabel.get(en.openProject)).toBe('open-project')
      expect(byLabel.get(en.import)).toBe('import')
      expect(byLabel.get(en.export)).toBe('export')
      expect(byLabel.get(en.merge)).toBe('merge')
      expect(byLabel.get(en.meetingsExport)).toBe('meetings')
      expect(byLabel.get(en.dataset)).toBe('dataset')
      expect(byLabel.get(en.restore)).toBe('restore')
      expect(byLabel.get(en.closePane)).toBe('close-pane')
      expect(byLabel.get(en.undo)).toBe('undo')
      expect(byLabel.get(en.redo)).toBe('redo')
      expect(byLabel.get(en.labels)).toBe('labels')
      expect(byLabel.get(en.settings)).toBe('settings')
      expect(byLabel.get(en.agreement)).toBe('agreement')
      expect(byLabel.get(en.meetings)).toBe('meetings')
      expect(byLabel.get(en.shortcuts)).toBe('shortcuts')
      // Each one is in the renderer's command table; only the main process's own notice has no item.
      for (const command of sent) expect(Object.keys(COMMANDS)).toContain(command)
      expect(MENU_COMMANDS.filter((c) => !sent.includes(c))).toEqual(['project-changed'])
    }
  })

  it('Recent projects lists the files, newest first; a click opens that file in the main process', () => {
    const openRecent = vi.fn()
    const recent = ['/home/a/회의록.sqlite', '/home/a/b.sqlite']
    const file = submenu(buildMenuTemplate(() => {}, { platform: 'linux', recent, openRecent }), 'File')
    const items = item(file, en.recentProjects).submenu as MenuItemConstructorOptions[]
    expect(items.map((i) => i.label)).toEqual(['회의록.sqlite — /home/a/회의록.sqlite', 'b.sqlite — /home/a/b.sqlite'])
    click(items[1] as MenuItemConstructorOptions)
    expect(openRecent).toHaveBeenCalledWith('/home/a/b.sqlite')
    const none = submenu(buildMenuTemplate(() => {}, { platform: 'linux', locale: 'ko' }), '파일')
    expect(item(none, ko.recentProjects).submenu).toEqual([{ label: ko.noRecent, enabled: false }])
  })
})

describe('installMenu and commandSender', () => {
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
    installMenu(menu, commandSender(() => window), { platform: 'linux' })
    click(item(submenu(applied(), 'File'), en.import))
    expect(sent).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, 'import')
  })

  it('rebuilding in another language replaces the menu', () => {
    const { menu, window, applied } = setup()
    installMenu(menu, commandSender(() => window), { platform: 'linux' })
    installMenu(menu, commandSender(() => window), { platform: 'linux', locale: 'ko' })
    expect(applied().map((m) => m.label)).toEqual(['파일', '편집', '보기', '도움말'])
  })

  it('sends nothing to a destroyed window, or when there is none', () => {
    const { menu, window, sent, applied } = setup(true)
    installMenu(menu, commandSender(() => window), { platform: 'linux' })
    click(item(submenu(applied(), 'Edit'), en.undo))
    expect(sent).not.toHaveBeenCalled()
    expect(() => commandSender(() => null)('undo')).not.toThrow()
  })
})
