import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { appRoot } from '../../src/main/paths'

// The afterPack hook (scripts/after-pack.cjs) run for real with @electron/fuses on a fake Electron
// binary: any file holding the fuse sentinel, then the wire (version 1, length, one byte per fuse:
// '0' off, '1' on), is what the library edits. The test reads the bytes back itself.
const ROOT = appRoot(__dirname)
const require = createRequire(import.meta.url)

interface AfterPackModule {
  (context: unknown): Promise<void>
  SPANMARK_FUSES: Record<string, boolean>
  electronBinaryPath(context: unknown): string
  flipSpanmarkFuses(binary: string): Promise<number>
}
const hook = require(join(ROOT, 'scripts', 'after-pack.cjs')) as AfterPackModule

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// FuseV1Options order in the wire.
const WIRE = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
  'WasmTrapHandlers'
]
// Electron's defaults: RunAsNode, NODE_OPTIONS, inspector, file-protocol privileges and wasm trap handlers on.
const DEFAULTS = '101100011'

function fakeBinary(dir: string, name: string): string {
  const file = join(dir, name)
  const before = Buffer.alloc(4096, 0xcc)
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, WIRE.length]), Buffer.from(DEFAULTS, 'ascii')])
  writeFileSync(file, Buffer.concat([before, wire, Buffer.alloc(1024, 0xdd)]))
  return file
}

function fuses(file: string): Record<string, boolean> {
  const bytes = readFileSync(file)
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2
  return Object.fromEntries(WIRE.map((name, i) => [name, bytes[at + i] === 0x31]))
}

describe('scripts/after-pack.cjs (Electron fuses)', () => {
  const dirs: string[] = []
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-fuses-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('turns off runAsNode, NODE_OPTIONS and the inspector; turns on asar integrity, asar-only and cookie encryption', async () => {
    const binary = fakeBinary(temp(), 'spanmark')
    expect(fuses(binary)).toMatchObject({ RunAsNode: true, EnableNodeOptionsEnvironmentVariable: true, OnlyLoadAppFromAsar: false })
    await hook.flipSpanmarkFuses(binary)
    expect(fuses(binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      // not Spanmark's business: Electron's defaults stay
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: true,
      WasmTrapHandlers: true
    })
  })

  it('changes only the fuse bytes, nothing else in the binary', async () => {
    const binary = fakeBinary(temp(), 'spanmark')
    const before = readFileSync(binary)
    await hook.flipSpanmarkFuses(binary)
    const after = readFileSync(binary)
    expect(after.length).toBe(before.length)
    const changed = [...after.keys()].filter((i) => after[i] !== before[i])
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2
    expect(changed.every((i) => i >= wireStart && i < wireStart + WIRE.length)).toBe(true)
    expect(changed.length).toBe(6) // all six of ours differ from the defaults
  })

  it('as the afterPack hook, finds the Linux executable and Windows .exe electron-builder wrote', async () => {
    const linux = temp()
    const linuxBinary = fakeBinary(linux, 'spanmark')
    await hook({ appOutDir: linux, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Spanmark' }, executableName: 'spanmark' } })
    expect(fuses(linuxBinary).RunAsNode).toBe(false)

    const win = temp()
    const winBinary = fakeBinary(win, 'Spanmark.exe')
    await hook({ appOutDir: win, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'Spanmark' }, executableName: 'Spanmark' } })
    expect(fuses(winBinary).EnableNodeCliInspectArguments).toBe(false)
  })

  it('on macOS, edits the Electron Framework inside the .app', async () => {
    const out = temp()
    const framework = join(out, 'Spanmark.app', 'Contents', 'Frameworks', 'Electron Framework.framework')
    mkdirSync(framework, { recursive: true })
    const binary = fakeBinary(framework, 'Electron Framework')
    const context = { appOutDir: out, electronPlatformName: 'darwin', arch: 1, packager: { appInfo: { productFilename: 'Spanmark' }, executableName: 'Spanmark' } }
    expect(hook.electronBinaryPath(context)).toBe(join(out, 'Spanmark.app'))
    await hook(context)
    expect(fuses(binary).OnlyLoadAppFromAsar).toBe(true)
  })

  it('fails loudly on a file without fuses instead of shipping an unfused app', async () => {
    const dir = temp()
    const file = join(dir, 'spanmark')
    writeFileSync(file, Buffer.alloc(2048, 0x41))
    await expect(hook.flipSpanmarkFuses(file)).rejects.toThrow(/sentinel/)
  })
})
