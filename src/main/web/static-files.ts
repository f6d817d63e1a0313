import { realpathSync } from 'node:fs'
import { readFile, realpath } from 'node:fs/promises'
import { extname, isAbsolute, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

export interface StaticFile {
  body: Buffer
  type: string
}

/** The folder's real path (symlinks resolved), so containment checks compare like with like. */
export function realRoot(dir: string): string {
  try {
    return realpathSync(dir)
  } catch {
    return resolve(dir)
  }
}

function inside(root: string, full: string): boolean {
  return full.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * Reads a file of the built renderer for a URL path, or null when there is none.
 * `root` must be a real path (see realRoot). A path is refused when, decoded,
 * it holds a NUL, a backslash, a "." or ".." segment, or a drive letter; the
 * file it names must lie inside `root` after symlinks are resolved too.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded) || /^\/*[A-Za-z]:/.test(decoded)) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '.' || s === '..')) return null
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  if (isAbsolute(relative)) return null
  const full = join(root, relative)
  if (!inside(root, full)) return null
  try {
    const real = await realpath(full)
    if (!inside(root, real)) return null
    return { body: await readFile(real), type: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
