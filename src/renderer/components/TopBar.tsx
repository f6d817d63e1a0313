import { useEffect, useMemo, useState } from 'react'
import type { MenuCommand } from '../../shared/commands'
import type { ProjectInfo } from '../../shared/project-schema'
import { openRecentProject, runCommand, type CommandContext } from '../state/commands'
import { useApi, useApp, useAppStore } from '../state/context'
import { toggleSidebar, useSidebarCollapsed } from '../state/layout'
import { isEditable } from '../state/shortcuts'
import { matches } from '../../shared/shortcut-table'
import { useT } from '../use-t'
import { MenuButton, type MenuEntry } from './MenuButton'
import { SettingsButton } from './SettingsButton'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const mod = isMac ? '⌘' : 'Ctrl+'

/** The file name of a project path, on any platform. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/**
 * App title, the in-app menus (File, Edit, View, Help) and the current annotator. Every item runs
 * the command table (state/commands.ts), as the desktop app's native menu does. Projects can be
 * switched only where the core allows it (the desktop app); web mode leaves those items out.
 */
export function TopBar() {
  const t = useT()
  const api = useApi()
  const store = useAppStore()
  const annotator = useApp((s) => s.annotator)
  const setDialog = useApp((s) => s.setDialog)
  const [project, setProject] = useState<ProjectInfo | null>(null)
  const collapsed = useSidebarCollapsed()

  // Ctrl+B (⌘B) hides or shows the sidebar, outside text fields and dialogs (src/shared/shortcut-table.ts).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!matches('toggleSidebar', e) || store.getState().dialog || isEditable(e.target)) return
      e.preventDefault()
      toggleSidebar()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])

  useEffect(() => {
    let live = true
    api.getProjectInfo({}).then(
      (info) => live && setProject(info),
      () => live && setProject(null)
    )
    return () => {
      live = false
    }
  }, [api])

  const ctx = useMemo<CommandContext>(
    () => ({
      store,
      api,
      reload: () => window.location.reload(),
      typing: () => false, // chosen from a menu: the focus is on the menu, not in a text field
      editText: () => {}
    }),
    [store, api]
  )
  const item = (label: string, command: MenuCommand, shortcut?: string, hint?: string): MenuEntry => ({
    kind: 'item',
    label,
    onSelect: () => void runCommand(command, ctx),
    ...(shortcut ? { shortcut } : {}),
    ...(hint ? { hint } : {})
  })
  const separator: MenuEntry = { kind: 'separator' }

  const projectEntries: MenuEntry[] = project?.canSwitch
    ? [
        item(t('desktop:menu.newProject'), 'new-project', undefined, `${mod}N`),
        item(t('desktop:menu.openProject'), 'open-project', undefined, `${mod}O`),
        { kind: 'heading', label: t('desktop:menu.recentProjects') },
        ...(project.recent.filter((p) => p !== project.path).length === 0
          ? [{ kind: 'heading' as const, label: t('desktop:menu.noRecent') }]
          : project.recent
              .filter((p) => p !== project.path)
              .map((path): MenuEntry => ({ kind: 'item', label: fileName(path), title: path, onSelect: () => void openRecentProject(path, ctx) }))),
        separator
      ]
    : []
  const file: MenuEntry[] = [
    ...projectEntries,
    item(t('desktop:menu.import'), 'import'),
    item(t('desktop:menu.export'), 'export'),
    item(t('desktop:menu.merge'), 'merge'),
    item(t('desktop:menu.meetingsExport'), 'meetings'),
    item(t('desktop:menu.dataset'), 'dataset'),
    item(t('desktop:menu.restore'), 'restore')
  ]
  const edit: MenuEntry[] = [
    item(t('desktop:menu.undo'), 'undo', undefined, `${mod}Z`),
    item(t('desktop:menu.redo'), 'redo', undefined, isMac ? '⇧⌘Z' : 'Ctrl+Y'),
    separator,
    item(t('desktop:menu.labels'), 'labels'),
    item(t('desktop:menu.settings'), 'settings')
  ]
  const sidebarItem: MenuEntry = { kind: 'item', label: t(collapsed ? 'screens:sidebar.show' : 'screens:sidebar.hide'), onSelect: toggleSidebar, shortcut: 'Control+B', hint: `${mod}B` }
  const view: MenuEntry[] = [sidebarItem, separator, item(t('desktop:menu.agreement'), 'agreement'), item(t('desktop:menu.meetings'), 'meetings'), separator, item(t('desktop:menu.closePane'), 'close-pane')]
  const help: MenuEntry[] = [item(t('desktop:menu.shortcuts'), 'shortcuts', '?', '?')]

  return (
    <header className="top-bar">
      <span className="app-name">Spanmark</span>
      <MenuButton id="file" label={t('desktop:menu.file')} entries={file} />
      <MenuButton id="edit" label={t('desktop:menu.edit')} entries={edit} />
      <MenuButton id="view" label={t('desktop:menu.view')} entries={view} />
      <MenuButton id="help" label={t('desktop:menu.help')} entries={help} />
      <button type="button" className="menu-button" onClick={() => setDialog('agreement')}>
        {t('desktop:menu.agreement')}
      </button>
      <button type="button" className="menu-button" onClick={() => setDialog('meetings')}>
        {t('desktop:menu.meetings')}
      </button>
      <span className="spacer" />
      <span className="annotator">
        {t('desktop:topBar.annotator')} <strong data-testid="annotator-name">{annotator ?? t('desktop:topBar.notSet')}</strong>
      </span>
      <button type="button" className="link-button" onClick={() => setDialog('annotator')}>
        {t('desktop:topBar.changeAnnotator')}
      </button>
      <SettingsButton />
    </header>
  )
}
