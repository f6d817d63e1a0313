import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Where the window's page comes from: the built renderer on disk, or the dev
 * server that `electron-vite dev` starts (it sets ELECTRON_RENDERER_URL).
 */
export type RendererSource =
  | { kind: 'file'; path: string; url: string }
  | { kind: 'dev'; url: string; origin: string }

export interface SourceOptions {
  isPackaged: boolean
  env?: NodeJS.ProcessEnv
}

/**
 * A packaged app never honours ELECTRON_RENDERER_URL: otherwise an environment
 * variable could point the window, and with it the IPC bridge, at any site.
 */
export function rendererSource(root: string, { isPackaged, env = process.env }: SourceOptions): RendererSource {
  const devUrl = env['ELECTRON_RENDERER_URL']
  if (!isPackaged && devUrl) {
    const parsed = new URL(devUrl)
    return { kind: 'dev', url: parsed.href, origin: parsed.origin }
  }
  const path = join(root, 'out', 'renderer', 'index.html')
  return { kind: 'file', path, url: pathToFileURL(path).href }
}

/** The preload electron-vite builds (CommonJS, since package.json has no "type": "module"). */
export function preloadPath(root: string): string {
  return join(root, 'out', 'preload', 'index.js')
}
