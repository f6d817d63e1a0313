#!/usr/bin/env node
// npm run screens: regenerates the documentation screenshots (docs/screenshot.png, docs/review.png,
// docs/screens/*.png) by running the screenshot tests with SPANMARK_SCREENS_DIR=docs. `npm test`
// runs the same tests but writes to a temp folder, so it never changes tracked files.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (args, env = process.env) => {
  const r = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run(['electron-vite', 'build'])
run(
  [
    'playwright',
    'test',
    'test/e2e/screenshot.spec.ts',
    'test/e2e/readme-screens.spec.ts',
    'test/e2e/review.spec.ts',
    '--grep',
    'README screenshot|README screens|docs/review.png',
    '--workers=1'
  ],
  { ...process.env, SPANMARK_SCREENS_DIR: join(root, 'docs') }
)
console.log('screens: docs/screenshot.png, docs/review.png and docs/screens/*.png are up to date')
