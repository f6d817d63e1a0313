import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BrowserWindow, Rectangle, Screen } from 'electron'
import { z } from 'zod'

/** The window's place and size as last left (userData/window-state.json). */
const windowStateSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().min(1),
  height: z.int().min(1),
  maximized: z.boolean().optional()
})
export type WindowState = z.output<typeof windowStateSchema>

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 720, height: 480 }
/** How much of the window must lie on a display for the saved position to be used. */
const MIN_VISIBLE = { width: 120, height: 60 }

export type DisplayLookup = Pick<Screen, 'getAllDisplays'>

/** The bounds to open the window with: the saved ones when they are on a display now, else the saved size centred (or the default). */
export function restoreWindowState(file: string, screen: DisplayLookup): { bounds: Partial<Rectangle>; maximized: boolean } {
  let saved: WindowState | null = null
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) saved = parsed.data
  } catch {
    // first start, or an unreadable file: defaults
  }
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false }
  const size = { width: Math.max(saved.width, MIN_SIZE.width), height: Math.max(saved.height, MIN_SIZE.height) }
  const onScreen = screen.getAllDisplays().some(({ workArea }) => overlap(workArea, saved))
  // A display that was unplugged, or a smaller one: open centred (Electron's default) rather than off-screen.
  if (!onScreen) return { bounds: size, maximized: saved.maximized ?? false }
  return { bounds: { x: saved.x, y: saved.y, ...size }, maximized: saved.maximized ?? false }
}

function overlap(area: Rectangle, box: Rectangle): boolean {
  const width = Math.min(area.x + area.width, box.x + box.width) - Math.max(area.x, box.x)
  const height = Math.min(area.y + area.height, box.y + box.height) - Math.max(area.y, box.y)
  return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n')
  renameSync(tmp, file)
}

export type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>

/** Saves the window's bounds when it closes (the normal bounds, so a maximised window comes back maximised over its old size). */
export function trackWindowState(window: TrackedWindow, file: string, log: (err: unknown) => void = () => {}): void {
  window.on('close', () => {
    try {
      saveWindowState(file, { ...window.getNormalBounds(), maximized: window.isMaximized() })
    } catch (err) {
      log(err) // a read-only data folder must not keep the window open
    }
  })
}
