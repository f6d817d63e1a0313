import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/commands'
import type { Envelope } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Dispatch } from '../dispatch'
import { ChangeFeed, watchOtherWriters } from '../services/change-feed'
import type { Project } from '../store/project'
import type { SenderCheck } from './security'

export type IpcRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>

/**
 * The one IPC channel: every renderer call goes through the same dispatcher as
 * web mode, after checking that it comes from Spanmark's own page. Returns a
 * disposer that removes the handler.
 */
export function registerIpc(ipc: IpcRegistry, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  ipc.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'rejected', message: msg('errors:ipcForeign'), details: [] }
      }
    }
    return dispatch(method, args)
  })
  return () => ipc.removeHandler(IPC_INVOKE_CHANNEL)
}

/**
 * Live updates for the desktop window: watches the project file for commits by
 * other programs (e.g. `spanmark import` in a terminal) and pushes a "reload"
 * event to the window, which then refetches what it shows. Changes made through
 * this app need no push: an instance has one window, and it made them itself.
 * Returns a function that stops watching.
 */
export function forwardOutsideChanges(project: Project, target: () => Pick<WebContents, 'send'> | null, intervalMs = 1000): () => void {
  const feed = new ChangeFeed()
  const unsubscribe = feed.subscribe((event) => {
    if (event.kind === 'reload') target()?.send(IPC_EVENT_CHANNEL, event)
  })
  const stopWatching = watchOtherWriters(project, feed, intervalMs)
  return () => {
    stopWatching()
    unsubscribe()
  }
}
