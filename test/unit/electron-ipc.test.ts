import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher, type Dispatch } from '../../src/main/dispatch'
import { registerIpc, type IpcRegistry } from '../../src/main/electron/ipc'
import { rendererSource } from '../../src/main/electron/renderer-source'
import { createSenderCheck } from '../../src/main/electron/security'
import { appRoot, seedsDir } from '../../src/main/paths'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import type { Project } from '../../src/main/store/project'
import { IPC_INVOKE_CHANNEL } from '../../src/shared/commands'
import type { Envelope } from '../../src/shared/errors'

vi.mock('electron', () => ({}))

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope>

const ROOT = appRoot(__dirname)
const source = rendererSource(ROOT, { isPackaged: false, env: {} })
const OWN_PAGE = source.url

describe('registerIpc', () => {
  let dir: string
  let project: Project
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>
  let handlers: Map<string, InvokeHandler>
  let dispose: () => void

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanmark-ipc-'))
    project = openOrCreateProject(join(dir, 'default-project.sqlite'), seedsDir(ROOT))
    const real = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(dir, 'preferences.json')) }), () => {})
    dispatch = vi.fn<Dispatch>(real)
    handlers = new Map()
    const ipc = {
      handle: (channel: string, handler: InvokeHandler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
        handlers.set(channel, handler)
      },
      removeHandler: (channel: string) => handlers.delete(channel)
    } as unknown as IpcRegistry
    dispose = registerIpc(ipc, dispatch, createSenderCheck(source))
  })

  afterEach(() => {
    project.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Calls the registered handler the way ipcMain does for a renderer's invoke. */
  function invoke(frame: { url: string; parent: unknown } | null, method: unknown, args?: unknown): Promise<Envelope> {
    const handler = handlers.get(IPC_INVOKE_CHANNEL)
    if (!handler) throw new Error('no handler registered')
    return handler({ senderFrame: frame } as unknown as IpcMainInvokeEvent, method, args)
  }
  const ownPage = { url: OWN_PAGE, parent: null }

  it('answers getSession from the real project for the own page', async () => {
    const reply = await invoke(ownPage, 'getSession', {})
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    expect(reply.result).toMatchObject({ projectName: 'default-project', annotator: null, documentCount: 5 })
    expect((reply.result as { labels: unknown[] }).labels.length).toBeGreaterThan(0)
  })

  it('lists the seeded documents', async () => {
    const reply = await invoke({ url: `${OWN_PAGE}#/documents`, parent: null }, 'listDocuments', { annotator: 'alice' })
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    const docs = reply.result as { id: string; title: string; length: number; spanCount: number }[]
    expect(docs).toHaveLength(5)
    for (const doc of docs) {
      expect(doc.length).toBeGreaterThan(0)
      expect(doc.spanCount).toBe(0)
    }
  })

  it('returns invalid_args for bad arguments, unknown_method for bad names', async () => {
    const bad = await invoke(ownPage, 'listDocuments', {})
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    const extra = await invoke(ownPage, 'getDocument', { id: 'x', sneaky: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    const unknown = await invoke(ownPage, 'dropTables', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('rejects other senders without calling the dispatcher', async () => {
    const senders = [
      { url: 'https://evil.example/', parent: null },
      { url: OWN_PAGE, parent: { url: 'https://evil.example/' } },
      { url: 'file:///tmp/evil.html', parent: null },
      null
    ]
    for (const sender of senders) {
      const reply = await invoke(sender, 'getSession', {})
      expect(reply).toEqual({ ok: false, error: { code: 'rejected', message: { key: 'errors:ipcForeign' }, details: [] } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('the disposer removes the handler', () => {
    expect(handlers.has(IPC_INVOKE_CHANNEL)).toBe(true)
    dispose()
    expect(handlers.has(IPC_INVOKE_CHANNEL)).toBe(false)
  })
})
