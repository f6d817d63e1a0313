import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is a native module, and a .node file only loads in the runtime
 * (ABI) it was compiled for. node_modules keeps the Node-ABI build because the
 * CLI, web mode and the unit tests run under plain Node; the Electron main
 * process needs an Electron-ABI build instead. `npm start` runs
 * scripts/prepare-electron-sqlite.mjs, which puts that build in
 * .electron-abi/<electron version>/, and it is loaded through better-sqlite3's
 * `nativeBinding` option. Packaged apps rebuild better-sqlite3 for Electron at
 * packaging time, so there is no such file and undefined (the default binding)
 * is right.
 */
export function electronNativeBinding(root: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined
  const file = join(root, '.electron-abi', electronVersion, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
