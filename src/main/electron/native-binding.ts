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

/** Where electron-builder.yml's asarUnpack puts better-sqlite3's binary, rebuilt for Electron, in a packaged app. */
export function packagedNativeBindingPath(resourcesPath: string): string {
  return join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
}

/**
 * The native module a packaged app loads: the unpacked file, named explicitly so a missing one is
 * reported as such rather than as a failed require from inside app.asar. Undefined when it is not
 * there (better-sqlite3's own lookup then gives its error).
 */
export function packagedNativeBinding(resourcesPath: string): string | undefined {
  const file = packagedNativeBindingPath(resourcesPath)
  return existsSync(file) ? file : undefined
}

/** The seed articles of a packaged app (electron-builder.yml extraResources): <resources>/seeds. */
export function packagedSeedsDir(resourcesPath: string): string {
  return join(resourcesPath, 'seeds')
}
