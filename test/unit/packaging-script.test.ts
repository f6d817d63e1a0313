import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { appRoot } from '../../src/main/paths'

const ROOT = appRoot(__dirname)

interface PackageScript {
  targetFlag(platform: string): string | null
  electronCacheDir(env: NodeJS.ProcessEnv, platform: string, home: string): string
  electronZipName(version: string, platform: string, arch: string): string
  zipInCache(cacheDir: string, zipName: string): boolean
  downloadHost(env: NodeJS.ProcessEnv): string
}
const load = async (): Promise<PackageScript> =>
  (await import(pathToFileURL(join(ROOT, 'scripts', 'package.mjs')).href)) as PackageScript

describe('scripts/package.mjs (npm run package)', () => {
  const dirs: string[] = []
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-pkg-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('builds for the platform it runs on', async () => {
    const s = await load()
    expect([s.targetFlag('linux'), s.targetFlag('darwin'), s.targetFlag('win32'), s.targetFlag('aix')]).toEqual(['--linux', '--mac', '--win', null])
  })

  it("looks for Electron's zip where @electron/get caches it, in its hashed sub-folders", async () => {
    const s = await load()
    expect(s.electronCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/electron')
    expect(s.electronCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/electron')
    expect(s.electronCacheDir({ ELECTRON_CACHE: '/c' }, 'linux', '/home/u')).toBe('/c')
    const zip = s.electronZipName('45.4.1', 'linux', 'x64')
    expect(zip).toBe('electron-v45.4.1-linux-x64.zip')
    const cache = temp()
    expect(s.zipInCache(cache, zip)).toBe(false)
    mkdirSync(join(cache, 'a1b2c3'))
    writeFileSync(join(cache, 'a1b2c3', zip), '')
    expect(s.zipInCache(cache, zip)).toBe(true)
    expect(s.downloadHost({ ELECTRON_MIRROR: 'https://mirror.example.org/electron/' })).toBe('mirror.example.org')
    expect(s.downloadHost({})).toBe('github.com')
  })

  it('without the zip and without a reachable download host it says so, builds nothing and exits 2', () => {
    const cache = temp()
    // .invalid never resolves (RFC 2606), so this is "offline" on any machine.
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_CACHE: cache, ELECTRON_MIRROR: 'https://electron.invalid/' },
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("cannot build installers here: Electron's runtime (electron-v")
    expect(run.stderr).toContain('electron.invalid cannot be reached')
    expect(run.stderr).toContain('What to do:')
    expect(run.stdout).not.toContain('electron-builder')
  })
})
