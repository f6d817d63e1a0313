import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_STATE_CHANNEL, type DesktopBridge, type MenuCommand } from '../../src/shared/commands'

type Listener = (event: unknown, ...args: unknown[]) => void

// The fake 'electron' the sandboxed preload sees: contextBridge records what is
// exposed, ipcRenderer records invokes and keeps real listener lists.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>()
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, result: 'pong' })),
    send: vi.fn(),
    emit(channel: string, ...args: unknown[]): void {
      for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: 'ipc-event' }, ...args)
    }
  }
})

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api)
  },
  ipcRenderer: {
    invoke: fake.invoke,
    send: fake.send,
    on: (channel: string, listener: Listener) => {
      fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), listener])
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.listeners.set(channel, (fake.listeners.get(channel) ?? []).filter((l) => l !== listener))
    }
  }
}))

async function loadBridge(): Promise<DesktopBridge> {
  vi.resetModules()
  fake.exposed.clear()
  fake.listeners.clear()
  await import('../../src/preload/index')
  return fake.exposed.get('spanmark') as DesktopBridge
}

describe('preload bridge', () => {
  beforeEach(() => fake.invoke.mockClear())

  it('exposes only window.spanmark with invoke, onCommand, onEvent and reportState', async () => {
    const bridge = await loadBridge()
    expect([...fake.exposed.keys()]).toEqual(['spanmark'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onCommand', 'onEvent', 'reportState'])
  })

  it('reportState sends the language and busy state on the state channel', async () => {
    const bridge = await loadBridge()
    bridge.reportState({ language: 'ko', busy: true })
    expect(fake.send).toHaveBeenCalledWith(IPC_STATE_CHANNEL, { language: 'ko', busy: true })
  })

  it('invoke sends the method and args on the invoke channel and returns the reply', async () => {
    const bridge = await loadBridge()
    const reply = await bridge.invoke('listDocuments', { annotator: 'alice' })
    expect(fake.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'listDocuments', { annotator: 'alice' })
    expect(reply).toEqual({ ok: true, result: 'pong' })
  })

  it('onCommand passes known menu commands only, without the IPC event, until unsubscribed', async () => {
    const bridge = await loadBridge()
    const seen: MenuCommand[] = []
    const rawArgs: unknown[][] = []
    const unsubscribe = bridge.onCommand((command, ...rest: unknown[]) => {
      seen.push(command)
      rawArgs.push(rest)
    })
    fake.emit(IPC_COMMAND_CHANNEL, 'undo')
    fake.emit(IPC_COMMAND_CHANNEL, 'rm -rf')
    fake.emit(IPC_COMMAND_CHANNEL, { command: 'import' })
    fake.emit(IPC_COMMAND_CHANNEL, 'import')
    fake.emit('some-other-channel', 'export')
    expect(seen).toEqual(['undo', 'import'])
    expect(rawArgs).toEqual([[], []])

    unsubscribe()
    expect(fake.listeners.get(IPC_COMMAND_CHANNEL)).toEqual([])
    fake.emit(IPC_COMMAND_CHANNEL, 'redo')
    expect(seen).toEqual(['undo', 'import'])
  })

  it('onEvent passes live-update events on the event channel, without the IPC event, until unsubscribed', async () => {
    const bridge = await loadBridge()
    const seen: unknown[][] = []
    const unsubscribe = bridge.onEvent((...args: unknown[]) => seen.push(args))
    const event = { seq: 1, kind: 'reload', origin: null, at: 'now', description: 'x' }
    fake.emit(IPC_EVENT_CHANNEL, event)
    fake.emit(IPC_COMMAND_CHANNEL, 'undo')
    expect(seen).toEqual([[event]])
    unsubscribe()
    expect(fake.listeners.get(IPC_EVENT_CHANNEL)).toEqual([])
    fake.emit(IPC_EVENT_CHANNEL, event)
    expect(seen).toHaveLength(1)
  })
})
