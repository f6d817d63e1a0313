#!/usr/bin/env node
// Where Spanmark spends its time on the long document, in Chromium: a CPU profile (CDP Profiler,
// 100 µs sampling) and a trace (rendering phases) of (1) the page load that restores the pane
// with the long document and (2) ten labels (selection + hotkey until the mark appears).
// Prints the functions with the most self time and the main thread's time per trace event;
// writes the .cpuprofile and trace .json files (open them in Chromium's DevTools, Performance).
//
//   npm run build && node bench/profile.mjs [--quick] [--out DIR]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { initScript, launch, VIEWPORT } from './lib/browser.mjs'
import { spanmark } from './lib/cli.mjs'
import { CONFIG } from './lib/config.mjs'
import { longDocument } from './lib/data.mjs'
import { PAINTED } from './lib/peers.mjs'
import { ROOT, startSpanmark } from './lib/servers.mjs'

const argv = process.argv.slice(2)
const c = CONFIG[argv.includes('--quick') ? 'quick' : 'full'].long
const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : mkdtempSync(join(tmpdir(), 'spanmark-profile-'))
mkdirSync(out, { recursive: true })
const tmp = mkdtempSync(join(tmpdir(), 'spanmark-profile-data-'))

const doc = longDocument(join(ROOT, 'seeds'), { length: c.length, spans: c.spans })
writeFileSync(join(tmp, 'long.jsonl'), JSON.stringify({ id: doc.id, text: doc.text, spans: doc.spans }) + '\n')
await spanmark(['import', '--project', join(tmp, 'long.sqlite'), '--annotator', 'bench', join(tmp, 'long.jsonl')], tmp)
const app = await startSpanmark({ project: join(tmp, 'long.sqlite'), annotator: 'bench', home: tmp })
const browser = await launch()
try {
  // Open it once so that every load restores it.
  {
    const page = await browser.newPage()
    await page.goto(app.url)
    await page.click(`[data-testid="doc-item-${doc.id}"]`)
    await page.waitForSelector(`[data-testid="doc-text-${doc.id}"]`)
    await page.close()
  }
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: initScript(PAINTED.spanmark) })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })

  const phase = async (name, run) => {
    await browser.startTracing(page, { path: join(out, `${name}.trace.json`), categories: ['devtools.timeline', 'blink', 'v8'] })
    await cdp.send('Profiler.start')
    const t0 = performance.now()
    await run()
    const wall = performance.now() - t0
    const { profile } = await cdp.send('Profiler.stop')
    await browser.stopTracing()
    writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile))
    report(name, wall, profile, JSON.parse(readFileSync(join(out, `${name}.trace.json`), 'utf8')))
  }

  // A first load, so the measured one stays in the same renderer process (traced) and is warm like the bench's.
  await page.goto(app.url)
  await page.waitForFunction(() => window.__benchPainted, null, { polling: 50, timeout: c.limit })
  await phase('open', async () => {
    await page.goto(app.base, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__benchPainted, null, { polling: 50, timeout: c.limit })
    console.log(`open: painted at ${(await page.evaluate(() => window.__benchPainted.t)).toFixed(0)} ms after navigation start`)
  })

  await page.evaluate(async () => {
    const sc = document.querySelector('.doc-scroll')
    sc.scrollTop = Math.round(sc.scrollHeight / 2)
    await window.__bench.whenPainted(() => document.querySelectorAll('[data-doc-text] .block mark').length)
  })
  await phase('label', async () => {
    for (let i = 0; i < 10; i++) {
      const before = await page.evaluate((nth) => {
        const text = document.querySelector('[data-doc-text]')
        const view = text.closest('.doc-scroll').getBoundingClientRect()
        const spots = []
        for (const blk of text.querySelectorAll('.block')) {
          const r = blk.getBoundingClientRect()
          if (r.top < view.top + 20 || r.bottom > view.bottom - 20) continue
          for (const n of blk.childNodes) if (n.nodeType === Node.TEXT_NODE && /[^\s]{5,}/.test(n.data)) spots.push(n)
        }
        const node = spots[(nth * 7) % spots.length]
        const at = /[^\s]{5,}/.exec(node.data).index + 1
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 3)
        getSelection().removeAllRanges()
        getSelection().addRange(range)
        return Math.max(0, ...[...text.querySelectorAll('mark[data-span-id]')].map((m) => Number(m.dataset.spanId)))
      }, i)
      await page.keyboard.press('1')
      await page.waitForFunction((max) => [...document.querySelectorAll('mark[data-label="PERSON"]')].some((m) => Number(m.dataset.spanId) > max), before, { polling: 'raf' })
      await page.waitForTimeout(50)
    }
  })
  console.log(`\nprofiles and traces in ${out}`)
} finally {
  await browser.close()
  await app.close()
  rmSync(tmp, { recursive: true, force: true })
}

function report(name, wall, profile, trace) {
  // CPU profile: self time per function.
  const self = new Map()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = profile.timeDeltas
  let total = 0
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)
    const f = n.callFrame
    const key = f.url ? `${f.functionName || '(anonymous)'}  ${basename(f.url.split('?')[0])}:${f.lineNumber + 1}` : f.functionName || '(anonymous)'
    const ms = (dt[i + 1] ?? 0) / 1000
    self.set(key, (self.get(key) ?? 0) + ms)
    total += ms
  })
  console.log(`\n== ${name}: ${wall.toFixed(0)} ms wall; CPU profile ${total.toFixed(0)} ms; self time by function (top 15) ==`)
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`)

  // Trace: the renderer main thread's time per event name (inclusive; nested events overlap).
  const events = trace.traceEvents ?? trace
  // The renderer main thread that did the most (a navigation may move the page to a new process).
  const busy = new Map()
  for (const e of events) if (e.ph === 'X' && e.dur && e.name === 'RunTask') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur)
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const main = mains.sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0]
  if (!main) return
  const sums = new Map()
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000)
  }
  const wanted = ['RunTask', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'HitTest']
  console.log(`-- ${name}: renderer main thread, inclusive time per trace event --`)
  for (const k of wanted) if (sums.has(k)) console.log(`${sums.get(k).toFixed(1).padStart(8)} ms  ${k}`)
}
