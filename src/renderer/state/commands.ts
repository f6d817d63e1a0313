import type { SpanmarkApi } from '../../shared/api'
import type { MenuCommand } from '../../shared/commands'
import type { AppStore } from './app-store'
import { say } from './status'
import { toggleSidebar } from './layout'
import { errorText } from '../error-text'

/** What commands act on; main.tsx passes the real page, tests their own. */
export interface CommandContext {
  store: AppStore
  api: SpanmarkApi
  /** Starts the page over on the newly opened project (window.location.reload). */
  reload: () => void
  /** The focused element is a text field: undo/redo belong to its own typing then. */
  typing: () => boolean
  /** The browser's own undo/redo in a text field. */
  editText: (command: 'undo' | 'redo') => void
}

type Action = (ctx: CommandContext) => void | Promise<void>

const dialog =
  (name: 'import' | 'export' | 'merge' | 'dataset' | 'restore' | 'meetings' | 'agreement' | 'labels' | 'settings' | 'shortcuts'): Action =>
  ({ store }) =>
    store.getState().setDialog(name)

const switchProject =
  (how: 'open' | 'new'): Action =>
  async (ctx) => {
    await runSwitch(ctx, () => ctx.api.switchProject({ how }))
  }

/**
 * The one command table: the native application menu (Electron) and the in-app menus (TopBar)
 * both run these, so an item does the same thing wherever it is chosen.
 */
export const COMMANDS: Record<MenuCommand, Action> = {
  'new-project': switchProject('new'),
  'open-project': switchProject('open'),
  import: dialog('import'),
  export: dialog('export'),
  merge: dialog('merge'),
  dataset: dialog('dataset'),
  restore: dialog('restore'),
  meetings: dialog('meetings'),
  agreement: dialog('agreement'),
  labels: dialog('labels'),
  settings: dialog('settings'),
  shortcuts: dialog('shortcuts'),
  'close-pane': ({ store }) => {
    const s = store.getState()
    if (s.panes.length > 0) s.closePane(s.activePane)
  },
  'toggle-sidebar': () => toggleSidebar(),
  // On macOS the menu's Cmd+Z also fires while typing in a field: undo the typing there, not a span.
  undo: (ctx) => (ctx.typing() ? ctx.editText('undo') : ctx.store.getState().undo()),
  redo: (ctx) => (ctx.typing() ? ctx.editText('redo') : ctx.store.getState().redo()),
  'project-changed': ({ reload }) => reload()
}

export function runCommand(command: MenuCommand, ctx: CommandContext): Promise<void> {
  return Promise.resolve(COMMANDS[command](ctx))
}

/** File → Recent projects → one of them (in-app menu; the native menu's items switch in the main process). */
export function openRecentProject(path: string, ctx: CommandContext): Promise<void> {
  return runSwitch(ctx, () => ctx.api.switchProject({ how: 'recent', path }))
}

async function runSwitch(ctx: CommandContext, call: () => Promise<{ switched: boolean }>): Promise<void> {
  try {
    const { switched } = await call()
    if (switched) ctx.reload()
  } catch (err) {
    // Refusals (web mode, not a Spanmark project, …) are sentences for people from the core.
    ctx.store.getState().setStatus({ kind: 'error', message: err instanceof Error ? errorText(err) : say('desktop:project.webOnlyServer') })
  }
}

/** The page as main.tsx wires it. */
export function pageCommandContext(store: AppStore, api: SpanmarkApi): CommandContext {
  return {
    store,
    api,
    reload: () => window.location.reload(),
    typing: () => {
      const focus = document.activeElement
      return focus instanceof HTMLElement && (focus.isContentEditable || ['INPUT', 'TEXTAREA'].includes(focus.tagName))
    },
    editText: (command) => void document.execCommand(command)
  }
}
