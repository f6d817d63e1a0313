#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's Electronegativity over the sources and the build.
// It needs the old TypeScript API (4.x), which this project's TypeScript 7 does not have, so it is
// installed on first use into node_modules/.cache/electronegativity, outside the app's dependencies.
// Exits 1 if it reports anything not reviewed below.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

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

/** Severity and confidence by "check file:line", from the CSV report (the SARIF report has no severity). */
function severities(csvPath) {
  const out = new Map()
  for (const line of readFileSync(csvPath, 'utf8').split('\n').slice(1)) {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m) => m[1] ?? m[2])
    const [check, severity, confidence, file, location] = cells
    if (check && /^(LOW|MEDIUM|HIGH|INFORMATIONAL)$/.test(severity ?? '')) out.set(`${check} ${file}:${String(location).split(':')[0]}`, `${severity}/${confidence}`)
  }
  return out
}

let unreviewed = 0
let serious = 0
// `--input DIR` audits another directory instead (used to check that the audit fails on a bad app).
const inputAt = process.argv.indexOf('--input')
const targets = inputAt > 0 ? [['input', process.argv[inputAt + 1]]] : [['sources', 'src'], ['build', 'out']]
for (const [label, dir] of targets) {
  if (!existsSync(resolve(root, dir))) {
    console.log(`${label}: ${dir}/ does not exist (run npm run build first); skipped`)
    continue
  }
  const sarif = join(tool, `${label}.sarif`)
  const csv = join(tool, `${label}.csv`)
  // The findings come from the SARIF report; severity (which SARIF lacks) from the CSV report of the same run.
  execFileSync(bin, ['-i', resolve(root, dir), '-e', '45.0.0', '-r', '-v', 'false', '-o', sarif], { stdio: 'ignore' })
  execFileSync(bin, ['-i', resolve(root, dir), '-e', '45.0.0', '-r', '-v', 'false', '-o', csv], { stdio: 'ignore' })
  const bySite = severities(csv)
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results
  console.log(`${label} (${dir}/): ${results.length} finding(s)`)
  for (const r of results) {
    const where = r.locations?.[0]?.physicalLocation
    const file = where?.artifactLocation?.uri ?? '?'
    const line = where?.region?.startLine ?? 0
    // SARIF lines start at 1 where the CSV says 0 for "whole file"; look up both.
    const severity = bySite.get(`${r.ruleId} ${file}:${line}`) ?? bySite.get(`${r.ruleId} ${file}:${line - 1}`) ?? bySite.get(`${r.ruleId} ${file}:0`) ?? 'UNKNOWN'
    const manual = r.level === 'note' // Electronegativity's "review this" findings
    const reason = REVIEWED[`${r.ruleId} ${file}`]
    // Fail on: any finding not reviewed below, and any HIGH/MEDIUM (or unknown) finding that is not a manual-review one.
    const bad = !reason || (!manual && !/^(LOW|INFORMATIONAL)/.test(severity))
    if (!reason) unreviewed++
    if (bad) serious++
    console.log(`  ${r.ruleId} ${severity} ${manual ? 'review' : 'finding'} ${file}:${line} — ${reason ? `reviewed: ${reason}` : 'NOT REVIEWED'}${bad ? ' — FAIL' : ''}`)
  }
}
console.log(serious > 0 ? `electronegativity: ${serious} finding(s) fail the audit (${unreviewed} not reviewed)` : 'electronegativity: no unreviewed finding and no HIGH/MEDIUM finding outside manual review')
process.exit(serious > 0 ? 1 : 0)
