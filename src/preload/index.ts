import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_STATE_CHANNEL, isMenuCommand, type DesktopBridge } from '../shared/commands'

// The sandboxed preload can only require 'electron'; shared/commands has no
// runtime dependencies and is bundled in. The page gets these four functions and
// never ipcRenderer itself (nor the IPC event objects).
const bridge: DesktopBridge = {
  invoke: (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args),
  onCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(IPC_COMMAND_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_COMMAND_CHANNEL, handler)
    }
  },
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, event: unknown): void => listener(event)
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  },
  reportState: (state) => ipcRenderer.send(IPC_STATE_CHANNEL, state)
}

contextBridge.exposeInMainWorld('spanmark', bridge)
