import type { BrowserWindow, Dialog, Event } from 'electron'
import { resources, type Locale } from '../../shared/i18n'

export type GuardedWindow = Pick<BrowserWindow, 'on'>
export type MessageBoxSync = Pick<Dialog, 'showMessageBoxSync'>

/**
 * Closing the window while an import runs asks first; Cancel ("Keep working") is the default and
 * what Escape picks, so a stray keypress never throws an import away.
 */
export function guardClose(
  window: GuardedWindow,
  dialog: MessageBoxSync,
  state: () => { busy: boolean; locale: Locale }
): void {
  window.on('close', (event: Event) => {
    const { busy, locale } = state()
    if (!busy) return
    const c = resources[locale].desktop.close
    const choice = dialog.showMessageBoxSync(window as BrowserWindow, {
      type: 'warning',
      title: c.title,
      message: c.message,
      detail: c.detail,
      buttons: [c.cancel, c.closeAnyway],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    })
    if (choice !== 1) event.preventDefault()
  })
}
