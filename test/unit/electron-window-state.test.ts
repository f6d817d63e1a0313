import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SIZE, restoreWindowState, trackWindowState, type TrackedWindow } from '../../src/main/electron/window-state'

vi.mock('electron', () => ({}))

// Two displays side by side, as screen.getAllDisplays() reports them.
const twoDisplays = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, { workArea: { x: 1920, y: 0, width: 1280, height: 1024 } }]
} as unknown as Parameters<typeof restoreWindowState>[1]
const oneDisplay = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] } as unknown as Parameters<typeof restoreWindowState>[1]

describe('window-state.json', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanmark-winstate-'))
    file = join(dir, 'window-state.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('first start (no file) or a damaged file: the default size, no position', () => {
    expect(restoreWindowState(file, oneDisplay)).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
    writeFileSync(file, '{"x": "left"')
    expect(restoreWindowState(file, oneDisplay)).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('saves the normal bounds on close and restores them on the second display while it is there', () => {
    let closeListener: (() => void) | undefined
    const window = {
      on: (event: string, listener: () => void) => {
        if (event === 'close') closeListener = listener
      },
      getNormalBounds: () => ({ x: 2100, y: 50, width: 1000, height: 800 }),
      isMaximized: () => true
    } as unknown as TrackedWindow
    trackWindowState(window, file)
    closeListener?.()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 2100, y: 50, width: 1000, height: 800, maximized: true })
    expect(restoreWindowState(file, twoDisplays)).toEqual({ bounds: { x: 2100, y: 50, width: 1000, height: 800 }, maximized: true })
    // The second display is unplugged: same size, but Electron centres it on the one that is left.
    expect(restoreWindowState(file, oneDisplay)).toEqual({ bounds: { width: 1000, height: 800 }, maximized: true })
  })

  it('a window barely on screen (a sliver at the edge) counts as off-screen; sizes below the minimum grow to it', () => {
    writeFileSync(file, JSON.stringify({ x: 1900, y: 10, width: 300, height: 200 }))
    expect(restoreWindowState(file, oneDisplay)).toEqual({ bounds: { width: 720, height: 480 }, maximized: false })
  })

  it('a folder it cannot write to does not stop the window closing', () => {
    const log = vi.fn()
    let closeListener: (() => void) | undefined
    const window = {
      on: (_e: string, l: () => void) => (closeListener = l),
      getNormalBounds: () => ({ x: 0, y: 0, width: 800, height: 600 }),
      isMaximized: () => false
    } as unknown as TrackedWindow
    writeFileSync(join(dir, 'not-a-folder'), '')
    trackWindowState(window, join(dir, 'not-a-folder', 'window-state.json'), log)
    expect(() => closeListener?.()).not.toThrow()
    expect(log).toHaveBeenCalled()
  })
})
