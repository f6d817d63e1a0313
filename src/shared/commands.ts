/** Commands the native application menu sends to the renderer (Electron only). */
export const MENU_COMMANDS = ['import', 'export', 'undo', 'redo', 'close-pane', 'restore'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** What the preload exposes as window.spanmark: one generic call plus menu commands. */
export interface DesktopBridge {
  invoke(method: string, args: unknown): Promise<unknown>
  onCommand(listener: (command: MenuCommand) => void): () => void
  /** Live updates from the main process (another program changed the project); unvalidated, returns an unsubscribe. */
  onEvent(listener: (event: unknown) => void): () => void
}

export const IPC_INVOKE_CHANNEL = 'spanmark:invoke'
export const IPC_COMMAND_CHANNEL = 'spanmark:command'
export const IPC_EVENT_CHANNEL = 'spanmark:event'
