import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { electronNativeBinding } from '../../src/main/electron/native-binding'

describe('electronNativeBinding', () => {
  const dirs: string[] = []
  const tempRoot = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-abi-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('is undefined when no Electron build was prepared (packaged apps, or before npm start)', () => {
    expect(electronNativeBinding(tempRoot(), '45.4.1')).toBeUndefined()
  })

  it("picks .electron-abi/<version>/better_sqlite3.node when it exists for this Electron version", () => {
    const root = tempRoot()
    const file = join(root, '.electron-abi', '45.4.1', 'better_sqlite3.node')
    mkdirSync(join(root, '.electron-abi', '45.4.1'), { recursive: true })
    writeFileSync(file, 'binary')
    expect(electronNativeBinding(root, '45.4.1')).toBe(file)
    // A build for another Electron version has the wrong ABI.
    expect(electronNativeBinding(root, '46.0.0')).toBeUndefined()
  })

  it('is undefined outside Electron (no version)', () => {
    expect(electronNativeBinding(tempRoot(), undefined)).toBeUndefined()
  })
})
