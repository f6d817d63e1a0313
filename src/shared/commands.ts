/**
 * Commands of the application menus. The native menu (Electron) sends one of these to the
 * renderer, whose command table (src/renderer/state/commands.ts) runs it: the very action the
 * in-app menu's item runs. 'project-changed' is the main process telling the page to start over
 * after File → Recent projects switched the project.
 */
export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'import',
  'export',
  'merge',
  'dataset',
  'restore',
  'close-pane',
  'toggle-sidebar',
  'undo',
  'redo',
  'labels',
  'settings',
  'agreement',
  'meetings',
  'shortcuts',
  'project-changed'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** What the page tells the desktop app: its UI language (native menus follow it) and whether an import runs (closing then asks). */
export interface DesktopState {
  language?: 'en' | 'ko'
  busy?: boolean
  /** The theme chosen in Settings (src/renderer/theme.ts); the main process sets nativeTheme.themeSource from it. */
  theme?: 'system' | 'light' | 'dark'
}

export function isDesktopState(value: unknown): value is DesktopState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { language, busy, theme, ...rest } = value as Record<string, unknown>
  return (
    Object.keys(rest).length === 0 &&
    (language === undefined || language === 'en' || language === 'ko') &&
    (busy === undefined || typeof busy === 'boolean') &&
    (theme === undefined || theme === 'system' || theme === 'light' || theme === 'dark')
  )
}

/** What the preload exposes as window.spanmark: one generic call plus menu commands. */
export interface DesktopBridge {
  invoke(method: string, args: unknown): Promise<unknown>
  onCommand(listener: (command: MenuCommand) => void): () => void
  /** Live updates from the main process (another program changed the project); unvalidated, returns an unsubscribe. */
  onEvent(listener: (event: unknown) => void): () => void
  /** Tells the main process the page's language and busy state (fire and forget). */
  reportState(state: DesktopState): void
}

export const IPC_INVOKE_CHANNEL = 'spanmark:invoke'
export const IPC_COMMAND_CHANNEL = 'spanmark:command'
export const IPC_EVENT_CHANNEL = 'spanmark:event'
export const IPC_STATE_CHANNEL = 'spanmark:state'
