import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { appRoot } from '../../src/main/paths'

interface Runtime {
  installed: boolean
  version: string | null
  executable: string | null
}
interface RuntimeModule {
  electronRuntime(root: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Runtime
}

const ROOT = appRoot(__dirname)
// A plain .mjs script, loaded by URL (it has no type declarations).
const loadRuntime = async (): Promise<RuntimeModule> =>
  (await import(pathToFileURL(join(ROOT, 'scripts', 'electron-runtime.mjs')).href)) as RuntimeModule

describe('scripts/electron-runtime.mjs', () => {
  const dirs: string[] = []
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-rt-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** A project folder whose node_modules/electron looks like the npm package, before or after its download. */
  function fakeProject(pathTxt: string | null, withBinary: boolean): string {
    const root = temp()
    const pkg = join(root, 'node_modules', 'electron')
    mkdirSync(pkg, { recursive: true })
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
    if (pathTxt !== null) writeFileSync(join(pkg, 'path.txt'), pathTxt)
    if (withBinary && pathTxt !== null) {
      mkdirSync(join(pkg, 'dist'), { recursive: true })
      writeFileSync(join(pkg, 'dist', pathTxt), '')
    }
    return root
  }

  it('is not installed when the package never downloaded its binary (no path.txt)', async () => {
    const { electronRuntime } = await loadRuntime()
    expect(electronRuntime(fakeProject(null, false), {}, 'linux')).toEqual({ installed: false, version: '45.4.1', executable: null })
  })

  it('is not installed when path.txt names a binary that is missing', async () => {
    const { electronRuntime } = await loadRuntime()
    expect(electronRuntime(fakeProject('electron', false), {}, 'linux').installed).toBe(false)
  })

  it('is installed when dist/<path.txt> exists', async () => {
    const { electronRuntime } = await loadRuntime()
    const root = fakeProject('electron', true)
    expect(electronRuntime(root, {}, 'linux')).toEqual({
      installed: true,
      version: '45.4.1',
      executable: join(root, 'node_modules', 'electron', 'dist', 'electron')
    })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const { electronRuntime } = await loadRuntime()
    const root = fakeProject(null, false)
    const dist = temp()
    expect(electronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux').installed).toBe(false)
    writeFileSync(join(dist, 'electron'), '')
    expect(electronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux').executable).toBe(join(dist, 'electron'))
  })

  it('is not installed without the electron package at all', async () => {
    const { electronRuntime } = await loadRuntime()
    expect(electronRuntime(temp(), {}, 'linux')).toEqual({ installed: false, version: null, executable: null })
  })

  it('prepare-electron-sqlite exits 0 silently when the runtime is missing', () => {
    const empty = temp()
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prepare-electron-sqlite.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty }
    })
    expect(result.status).toBe(0)
    expect(result.stdout + result.stderr).toBe('')
  })
})
