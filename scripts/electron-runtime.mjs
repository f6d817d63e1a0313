// Finds Electron's runtime binary WITHOUT require('electron'): that package's
// index.js starts a download when the binary is missing, which must never
// happen as a side effect of `npm start` (and fails without network anyway).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Spanmark's folder (this file lives in <root>/scripts). */
export const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

const DEFAULT_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe'
}

/**
 * @returns {{ installed: boolean, version: string | null, executable: string | null }}
 *   version is the electron package's (the runtime it downloads has the same one).
 */
export function electronRuntime(root = appRoot, env = process.env, platform = process.platform) {
  const pkgDir = join(root, 'node_modules', 'electron')
  let version = null
  try {
    version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version ?? null
  } catch {
    return { installed: false, version: null, executable: null }
  }
  // Mirrors node_modules/electron/index.js: path.txt names the binary inside dist/,
  // ELECTRON_OVERRIDE_DIST_PATH replaces dist/ with another folder.
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  let executable = null
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    executable = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || DEFAULT_EXECUTABLE[platform] || 'electron')
  } else if (relative) {
    executable = join(pkgDir, 'dist', relative)
  }
  const installed = executable !== null && existsSync(executable)
  return { installed, version, executable: installed ? executable : null }
}
