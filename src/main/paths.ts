import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives
 * for an app named Spanmark. SPANMARK_HOME overrides it (tests, portable use).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env['SPANMARK_HOME']) return resolve(env['SPANMARK_HOME'])
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Spanmark')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Spanmark')
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Spanmark')
}

export function defaultProjectPath(dataDir: string): string {
  return join(dataDir, 'default-project.sqlite')
}

export function prefsPath(dataDir: string): string {
  return join(dataDir, 'preferences.json')
}

/** The folder holding Spanmark's package.json, found from a file inside it. */
export function appRoot(from: string = __dirname): string {
  let dir = resolve(from)
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'spanmark') return dir
      } catch {
        /* not ours; keep looking */
      }
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Cannot find Spanmark's folder above ${from}.`)
    dir = parent
  }
}

export function seedsDir(root: string = appRoot()): string {
  return join(root, 'seeds')
}

/** The built renderer that web mode serves. */
export function rendererDir(root: string = appRoot()): string {
  return join(root, 'out', 'renderer')
}
