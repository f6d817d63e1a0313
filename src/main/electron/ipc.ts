import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE_CHANNEL } from '../../shared/commands'
import type { Envelope } from '../../shared/errors'
import type { Dispatch } from '../dispatch'
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
        error: { code: 'rejected', message: 'Spanmark only answers calls from its own window; this call came from somewhere else.', details: [] }
      }
    }
    return dispatch(method, args)
  })
  return () => ipc.removeHandler(IPC_INVOKE_CHANNEL)
}
