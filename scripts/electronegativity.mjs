#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's Electronegativity over the sources and the build.
// It needs the old TypeScript API (4.x), which this project's TypeScript 7 does not have, so it is
// installed on first use into node_modules/.cache/electronegativity, outside the app's dependencies.
// Exits 1 if it reports anything not reviewed below.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tool = join(root, 'node_modules', '.cache', 'electronegativity')
const bin = join(tool, 'node_modules', '.bin', 'electronegativity')
if (!existsSync(bin)) {
  mkdirSync(tool, { recursive: true })
  console.log('Installing @doyensec/electronegativity 1.10.3 (with TypeScript 4.9.5) into', tool)
  execFileSync('npm', ['install', '--prefix', tool, '--no-audit', '--no-fund', '--no-save', '@doyensec/electronegativity@1.10.3', 'typescript@4.9.5'], { stdio: 'inherit' })
}

/** Findings looked at and accepted, with the reason. Keyed by check id and file. */
const REVIEWED = {
  'PRELOAD_JS_CHECK main/electron/window.ts': 'the preload exposes only invoke(method, args) for contract methods, onCommand and onEvent (src/preload; tests in electron-preload.test.ts)',
  'PRELOAD_JS_CHECK main/index.js': 'the same preload, in the build',
  'CSP_GLOBAL_CHECK main/electron/security.ts': 'the policy is built from constants (src/shared/csp.ts), which the static parser cannot read',
  'CSP_GLOBAL_CHECK main/index.js': 'the same policy, in the build',
  'CSP_GLOBAL_CHECK renderer/index.html': "flagged even for the strictest policy tried (only 'self', no data:); ours has no inline or remote script, object-src 'none', base-uri 'none'"
}

let unreviewed = 0
for (const [label, dir] of [['sources', 'src'], ['build', 'out']]) {
  if (!existsSync(join(root, dir))) {
    console.log(`${label}: ${dir}/ does not exist (run npm run build first); skipped`)
    continue
  }
  const csv = join(tool, `${dir}.csv`)
  execFileSync(bin, ['-i', join(root, dir), '-e', '45.0.0', '-r', '-v', 'false', '-o', csv], { stdio: 'ignore' })
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean)
  console.log(`${label} (${dir}/): ${rows.length} finding(s)`)
  for (const row of rows) {
    const [check, severity, confidence, file, location] = row.split(',').map((c) => c.replace(/"/g, ''))
    const reason = REVIEWED[`${check} ${file}`]
    if (!reason) unreviewed++
    console.log(`  ${check} ${severity}/${confidence} ${file}:${location} — ${reason ? `reviewed: ${reason}` : 'NOT REVIEWED'}`)
  }
}
process.exit(unreviewed > 0 ? 1 : 0)
