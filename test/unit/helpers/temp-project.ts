import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Project } from '../../../src/main/store/project'

/** A real project file in a fresh temp dir; call cleanup() when done. */
export function tempProject(): { project: Project; dir: string; file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'spanmark-test-'))
  const file = join(dir, 'project.sqlite')
  const project = Project.open(file)
  return {
    project,
    dir,
    file,
    cleanup() {
      project.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'spanmark-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
