import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where the documentation screenshots go. `npm test` must leave tracked files alone, so by default
 * they are written to a temp folder (the tests still take and check them); `npm run screens`
 * (scripts/screens.mjs) sets SPANMARK_SCREENS_DIR to the repository's docs/ to regenerate the
 * README's pictures. `sub` is a path inside that folder, e.g. screensDir('screens').
 */
export function screensDir(...sub: string[]): string {
  const fromEnv = process.env['SPANMARK_SCREENS_DIR']
  const base = fromEnv ? resolve(fromEnv) : join(tmpdir(), 'spanmark-screens')
  const dir = join(base, ...sub)
  mkdirSync(dir, { recursive: true })
  return dir
}
