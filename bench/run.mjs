#!/usr/bin/env node
// `npm run bench` (full) / `npm run bench -- --quick` (small sizes, few repetitions; CI runs it so
// the harness never rots: every metric is produced, no timing is asserted).
//
// Generates its data deterministically into a temp folder, runs every measurement and writes
// bench/results/latest.json and bench/results/latest.md (full run) or quick.json / quick.md
// (quick run, unless --out says otherwise). Needs the app built (npm run bench builds it first)
// and Debian's Chromium at /usr/bin/chromium.
//
// Options: --quick, --only long,corpus,core,dataset (a subset, for working on one), --out DIR,
//          --keep (keep the temp folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { Chromium } from './lib/browser.mjs'
import { CONFIG } from './lib/config.mjs'
import { Results, renderMarkdown } from './lib/report.mjs'
import { ROOT } from './lib/servers.mjs'
import { coreSuite } from './suites/core.mjs'
import { corpusSuite } from './suites/corpus.mjs'
import { datasetSuite } from './suites/dataset.mjs'
import { longDocSuite } from './suites/long-doc.mjs'

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const keep = argv.includes('--keep')
const only = argValue('--only')?.split(',')
const outDir = argValue('--out') ?? join(ROOT, 'bench', 'results')
const cfg = CONFIG[quick ? 'quick' : 'full']

const started = performance.now()
const log = (line) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)
const tmp = mkdtempSync(join(tmpdir(), 'spanmark-bench-'))
const home = join(tmp, 'home')
mkdirSync(home)
const results = new Results()
const chromium = new Chromium()
const ctx = { cfg, quick, tmp, home, chromium, results, log }

const suites = [
  ['long', 'Long document', longDocSuite],
  ['corpus', 'Corpus', corpusSuite],
  ['core', 'Node core (vitest bench)', coreSuite],
  ['dataset', 'Datasets (KLUE-NER sample)', datasetSuite]
]

let failed = false
try {
  for (const [key, title, run] of suites) {
    if (only && !only.includes(key)) continue
    log(`${title}…`)
    await run(ctx)
  }
} catch (err) {
  failed = true
  console.error(err)
} finally {
  const browserVersion = chromium.browser?.version() ?? (await chromium.get().then((b) => b.version()).catch(() => 'unknown'))
  await chromium.close()
  if (!keep) rmSync(tmp, { recursive: true, force: true })
  else log(`kept ${tmp}`)
  if (!failed) {
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      chromium: browserVersion,
      mode: quick ? 'quick' : 'full',
      runSeconds: Math.round((performance.now() - started) / 1000)
    }
    const report = { machine, date: new Date().toISOString(), config: cfg, metrics: results.metrics }
    mkdirSync(outDir, { recursive: true })
    const base = quick ? 'quick' : 'latest'
    writeFileSync(join(outDir, `${base}.json`), JSON.stringify(report, null, 2) + '\n')
    writeFileSync(join(outDir, `${base}.md`), renderMarkdown(report))
    log(`wrote ${join(outDir, `${base}.json`)} and ${base}.md (${results.metrics.length} metrics)`)
  }
}
process.exitCode = failed ? 1 : 0

function argValue(name) {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}
