import type { WebContents } from 'electron'

export type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * The renderer is a single page that never needs to leave itself: any navigation,
 * redirect, popup or <webview> would put foreign content next to the IPC bridge,
 * so all of them are refused. Programmatic loads (loadFile/loadURL from the main
 * process) do not emit these events and are unaffected.
 */
export function lockNavigation(contents: LockableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
