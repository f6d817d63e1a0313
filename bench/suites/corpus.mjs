// The corpus: CLI import, export (against a floor) and agreement; in the browser, the sidebar
// (open, scroll to the end) and opening any document.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { closeQuietly, evaluateWithin, measureNavigation } from '../lib/browser.mjs'
import { spanmark, timeProcess } from '../lib/cli.mjs'
import { prng, writeCorpus } from '../lib/data.mjs'
import { ROOT, startSpanmark } from '../lib/servers.mjs'
import { median, p95 } from '../lib/stats.mjs'

const ROW_HEIGHT = 76 // the sidebar's row height (src/renderer/components/Sidebar.tsx)

export async function corpusSuite({ cfg, tmp, home, chromium, results, log }) {
  const c = cfg.corpus
  const corpus = await writeCorpus(join(ROOT, 'seeds'), tmp, { docs: c.docs, chars: c.chars, spansPerDoc: c.spansPerDoc })
  log(`corpus: ${corpus.docs.toLocaleString('en')} documents, ${corpus.chars.toLocaleString('en')} characters, ${corpus.spans.toLocaleString('en')} spans`)
  const [alice, bob] = corpus.annotators

  // Import: a new project file each run, one CLI call per annotator's file.
  const imports = []
  let project
  for (let i = 0; i < c.importRuns; i++) {
    if (project) for (const f of [project, `${project}-wal`, `${project}-shm`]) rmSync(f, { force: true })
    project = join(tmp, `corpus-${i}.sqlite`)
    const a = await spanmark(['import', '--project', project, '--annotator', alice, corpus.files[0]], home)
    const b = await spanmark(['import', '--project', project, '--annotator', bob, corpus.files[1]], home)
    imports.push(a.ms + b.ms)
    log(`  import: ${alice} ${a.ms.toFixed(0)} ms + ${bob} ${b.ms.toFixed(0)} ms`)
  }
  results.add({ name: 'corpus: import, both annotators (CLI wall time) (median)', system: 'spanmark', value: median(imports), unit: 'ms', n: imports.length, note: `two \`import --annotator\` calls (${alice}, then ${bob}) into a new project file` })

  // Export one layer: Spanmark's CLI and the floor, taking turns.
  const wall = { spanmark: [], floor: [] }
  for (let i = 0; i < c.cliRuns; i++) {
    wall.spanmark.push((await spanmark(['export', '--project', project, '--annotator', alice, '--out', join(tmp, 'export.jsonl')], home)).ms)
    wall.floor.push((await timeProcess([join(ROOT, 'bench', 'lib', 'export-floor.mjs'), project, alice, join(tmp, 'export-floor.jsonl')])).ms)
  }
  for (const system of ['spanmark', 'floor']) {
    results.add({ name: 'corpus: export one layer (CLI wall time) (median)', system, value: median(wall[system]), unit: 'ms', n: wall[system].length })
    results.add({ name: 'corpus: export one layer, throughput (median)', system, value: corpus.docs / (median(wall[system]) / 1000), unit: 'docs/s', n: wall[system].length })
  }
  log(`  export: spanmark ${median(wall.spanmark).toFixed(0)} ms, floor ${median(wall.floor).toFixed(0)} ms`)

  const agreement = []
  for (let i = 0; i < c.cliRuns; i++) agreement.push((await spanmark(['agreement', '--project', project, '--annotators', `${alice},${bob}`, '--json'], home)).ms)
  results.add({ name: 'corpus: agreement, two annotators (CLI --json wall time) (median)', system: 'spanmark', value: median(agreement), unit: 'ms', n: agreement.length })
  log(`  agreement: ${median(agreement).toFixed(0)} ms`)

  // The browser: Spanmark serving the corpus as alice.
  const app = await startSpanmark({ project, annotator: alice, home })
  try {
    await searchBench(app, results, log)
    const firstItem = `() => document.querySelector('[data-testid^="doc-item-"]') ? 1 : 0`
    const opens = []
    for (let i = 0; i <= c.sidebarRuns; i++) {
      const r = await measureNavigation(chromium, app.url, firstItem, { timeout: c.limit })
      if (r.timedOut) throw new Error('the sidebar did not paint within the limit')
      if (i > 0) opens.push(r.ms)
    }
    results.add({ name: 'corpus: sidebar open, page load → first doc-item painted (median)', system: 'spanmark', value: median(opens), unit: 'ms', n: opens.length })
    log(`  sidebar open: median ${median(opens).toFixed(0)} ms`)

    const nav = await measureNavigation(chromium, app.url, firstItem, { timeout: c.limit, keepOpen: true })
    const { page, context } = nav
    try {
      const scrolls = []
      for (let i = 0; i <= c.scrollRuns; i++) {
        const ms = await evaluateWithin(page, 10_000, 'sidebar scroll to the end', async ({ lastId, firstId }) => {
          const list = document.querySelector('.doc-list')
          list.scrollTop = 0
          await window.__bench.whenPainted(() => (document.querySelector(`[data-testid="doc-item-${firstId}"]`) ? 1 : 0))
          await new Promise((r) => setTimeout(r, 50))
          const t0 = performance.now()
          list.scrollTop = list.scrollHeight
          const r = await window.__bench.whenPainted(() => (document.querySelector(`[data-testid="doc-item-${lastId}"]`) ? 1 : 0))
          return r.t - t0
        }, corpus)
        if (i > 0) scrolls.push(ms)
      }
      results.add({ name: 'corpus: sidebar scroll to the end → last doc-item painted (median)', system: 'spanmark', value: median(scrolls), unit: 'ms', n: scrolls.length })
      log(`  sidebar scroll to the end: median ${median(scrolls).toFixed(0)} ms`)

      // Open any document: documents spread over the corpus by a seeded PRNG.
      const rng = prng(7)
      const opened = []
      const width = String(c.docs - 1).length
      for (let i = 0; i < c.openWarmup + c.openRuns; i++) {
        const index = rng.int(0, c.docs - 1)
        const id = `doc-${String(index).padStart(width, '0')}`
        const ms = await evaluateWithin(
          page,
          10_000,
          `open ${id}`,
          async ({ id, top }) => {
            const list = document.querySelector('.doc-list')
            list.scrollTop = Math.max(0, top)
            await window.__bench.whenPainted(() => (document.querySelector(`[data-testid="doc-item-${id}"]`) ? 1 : 0))
            await new Promise((r) => setTimeout(r, 50))
            const t0 = performance.now()
            document.querySelector(`[data-testid="doc-item-${id}"]`).click()
            const r = await window.__bench.whenPainted(() => (document.querySelector(`[data-testid="doc-text-${id}"] .block mark[data-label]`) ? 1 : 0))
            return r.t - t0
          },
          { id, top: index * ROW_HEIGHT - 200 }
        )
        if (i >= c.openWarmup) opened.push(ms)
      }
      results.add({ name: 'corpus: open any document, click → painted (median)', system: 'spanmark', value: median(opened), unit: 'ms', n: opened.length })
      results.add({ name: 'corpus: open any document, click → painted (p95)', system: 'spanmark', value: p95(opened), unit: 'ms', n: opened.length })
      log(`  open any document: median ${median(opened).toFixed(0)} ms, p95 ${p95(opened).toFixed(0)} ms`)
    } finally {
      await closeQuietly(context)
    }
  } finally {
    await app.close()
  }
}

/** Corpus search over HTTP, as the search box calls it. The first search loads every text into memory (cold). */
async function searchBench(app, results, log) {
  const call = async (args) => {
    const res = await fetch(new URL('api/searchCorpus', app.base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
      body: JSON.stringify(args)
    })
    const body = await res.json()
    if (!body.ok) throw new Error(`searchCorpus failed: ${body.error.message}`)
    return body.result
  }
  const timed = async (args) => {
    const t0 = performance.now()
    const r = await call(args)
    return { ms: performance.now() - t0, r }
  }
  const cold = await timed({ query: '올트먼', mode: 'text' })
  results.add({ name: 'corpus: search, first search (loads the texts) (HTTP round trip)', system: 'spanmark', value: cold.ms, unit: 'ms', n: 1 })
  const kinds = [
    ['plain text', { query: '올트먼', mode: 'text' }],
    ['regex', { query: '\\d+월', mode: 'regex' }],
    ['plain text in PERSON spans', { query: '올트먼', mode: 'text', label: 'PERSON' }]
  ]
  for (const [kind, args] of kinds) {
    const times = []
    let last
    for (let i = 0; i < 11; i++) {
      const { ms, r } = await timed(args)
      if (i > 0) times.push(ms)
      last = r
    }
    results.add({ name: `corpus: search, ${kind} (HTTP round trip) (median)`, system: 'spanmark', value: median(times), unit: 'ms', n: times.length, note: `${args.query}: ${last.total} hits, ${last.hits.length} listed, core ${last.tookMs.toFixed(0)} ms` })
    log(`  search ${kind}: median ${median(times).toFixed(0)} ms (${last.total} hits; core ${last.tookMs.toFixed(0)} ms)`)
  }
}
