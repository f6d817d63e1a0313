import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import { appRoot } from '../../src/main/paths'

// CI checks the installer configuration without building installers: electron-builder's own
// loader and schema validation read electron-builder.yml, and every file it names must exist.
const ROOT = appRoot(__dirname)
const require = createRequire(import.meta.url)

interface FileSet {
  from: string
  to: string
  filter?: string[]
}
interface BuilderConfig {
  appId: string
  productName: string
  directories: { buildResources: string; output: string }
  /** getConfig normalises the list into one file set. */
  files: { filter: string[] }[]
  asar: boolean
  asarUnpack: string[]
  extraResources: FileSet[]
  afterPack: string
  linux: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, logger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule
const loadConfig = (): Promise<BuilderConfig> => getConfig(ROOT, null, null)
const quietLogger = { isEnabled: false, add: () => {} }

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined()
  })

  it('the validation is real: a misspelt option is refused', async () => {
    const config = { ...(await loadConfig()), asarUnpak: ['x'] } as BuilderConfig
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/asarUnpak/)
  })

  it('builds Spanmark: AppImage and deb, dmg, nsis', async () => {
    const config = await loadConfig()
    expect(config.productName).toBe('Spanmark')
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('packs the built app from out/, where package.json main points', async () => {
    const config = await loadConfig()
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main
    const patterns = config.files.flatMap((set) => set.filter)
    expect(patterns.some((pattern) => minimatch(main, pattern))).toBe(true)
    expect(patterns).toContain('package.json')
  })

  it("unpacks better-sqlite3's native module from the asar, and only that", async () => {
    const config = await loadConfig()
    expect(config.asar).toBe(true)
    const matches = (path: string): boolean => config.asarUnpack.some((pattern) => minimatch(path, pattern))
    expect(matches('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true)
    expect(matches('node_modules/better-sqlite3/lib/database.js')).toBe(false)
  })

  it('ships the seed articles as extra resources (process.resourcesPath/seeds)', async () => {
    const config = await loadConfig()
    const seeds = config.extraResources.find((r) => r.to === 'seeds')
    expect(seeds).toBeDefined()
    const from = join(ROOT, seeds?.from ?? '')
    const shipped = readdirSync(from).filter((name) => (seeds?.filter ?? ['**']).some((p) => minimatch(name, p)))
    expect(shipped.length).toBeGreaterThanOrEqual(5)
    expect(shipped.every((name) => name.endsWith('.txt'))).toBe(true)
  })

  it('every file it names exists: build resources, icons, the afterPack hook', async () => {
    const config = await loadConfig()
    expect(existsSync(join(ROOT, config.directories.buildResources))).toBe(true)
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true)
    expect(existsSync(join(ROOT, config.mac.icon))).toBe(true)
    expect(existsSync(join(ROOT, config.win.icon))).toBe(true)
    // Linux takes a folder of <n>x<n>.png; desktops want these sizes.
    const linuxIcons = readdirSync(join(ROOT, config.linux.icon))
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(linuxIcons).toContain(`${size}x${size}.png`)
  })

  it('the icons are what their names say: PNG, ICO and ICNS files', () => {
    const png = readFileSync(join(ROOT, 'resources', 'icons', '512x512.png'))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(512) // IHDR width
    const ico = readFileSync(join(ROOT, 'resources', 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5)
    const icns = readFileSync(join(ROOT, 'resources', 'icon.icns'))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
  })
})
