// The long document: open → painted (Spanmark, the floor, Label Studio, Recogito), labelling
// latency, jumps inside the windowed document, and the JS heap with one and two panes.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { closeQuietly, evaluateWithin, heapAfterGc, initScript, measureNavigation, VIEWPORT, withLimit } from '../lib/browser.mjs'
import { spanmark } from '../lib/cli.mjs'
import { longDocument } from '../lib/data.mjs'
import { PAGES, PAINTED, startPeers } from '../lib/peers.mjs'
import { ROOT, startSpanmark } from '../lib/servers.mjs'
import { median, p95 } from '../lib/stats.mjs'

const SYSTEMS = ['spanmark', 'floor', 'recogito', 'label-studio']
/**
 * SPANMARK_BENCH_LONG_PARTS=label (or open,click,jump,label,heap, comma-separated) runs only those
 * parts of this suite, for working on one; unset, all of them run.
 */
const PARTS = process.env.SPANMARK_BENCH_LONG_PARTS?.split(',').map((p) => p.trim())
const want = (part) => !PARTS || PARTS.includes(part)

/** Where Spanmark's open went (Navigation and Resource Timing), read once the text has painted. */
const SPANMARK_PHASES = `() => {
  const nav = performance.getEntriesByType('navigation')[0]
  const api = (m) => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/' + m))
  const doc = api('getDocument')
  const spans = api('listSpans')
  const t = window.__benchPainted.t
  if (!nav || !doc || !spans) return {}
  const sent = Math.min(doc.startTime, spans.startTime)
  const got = Math.max(doc.responseEnd, spans.responseEnd)
  return {
    'page load until DOMContentLoaded (HTML, main bundle)': nav.domContentLoadedEventEnd,
    'DOMContentLoaded → document and spans requested (session, document list)': sent - nav.domContentLoadedEventEnd,
    'getDocument + listSpans, first request → last response': got - sent,
    'last response → labelled text painted': t - got
  }
}`
const MB = 1e6

export async function longDocSuite({ cfg, tmp, home, chromium, results, log }) {
  const c = cfg.long
  const doc = longDocument(join(ROOT, 'seeds'), { length: c.length, spans: c.spans })
  const docId = doc.id
  // Code point offsets for Spanmark; the text is BMP-only, so the peers get the same numbers as UTF-16.
  const jsonl = join(tmp, 'long.jsonl')
  writeFileSync(jsonl, JSON.stringify({ id: docId, text: doc.text, spans: doc.spans }) + '\n')
  const project = join(tmp, 'long.sqlite')
  await spanmark(['import', '--project', project, '--annotator', 'bench', jsonl], home)
  log(`long document: ${doc.text.length.toLocaleString('en')} characters, ${doc.spans.length.toLocaleString('en')} spans`)

  const app = await startSpanmark({ project, annotator: 'bench', home })
  const peers = await startPeers(doc, tmp)
  const urls = { spanmark: app.url, ...Object.fromEntries(Object.entries(PAGES).map(([k, p]) => [k, peers.url + p])) }
  const docItem = `[data-testid="doc-item-${docId}"]`
  try {
    // Open it once by a click, so that the layout saved in the project restores it on every load.
    {
      const browser = await chromium.get()
      const context = await browser.newContext({ viewport: VIEWPORT })
      const page = await context.newPage()
      await page.goto(app.url)
      await page.click(docItem)
      await page.waitForSelector(`[data-testid="doc-text-${docId}"]`, { timeout: c.limit })
      await closeQuietly(context)
    }

    // 1. Navigation → labelled text painted, the four systems in turn, first round a warm-up.
    const samples = Object.fromEntries(SYSTEMS.map((s) => [s, []]))
    const phases = {}
    const counts = {}
    const timedOut = new Set()
    const slow = new Set()
    for (let round = 0; round <= (want('open') ? c.openRuns : -1); round++) {
      for (const system of SYSTEMS) {
        if (timedOut.has(system) || (slow.has(system) && samples[system].length >= 1)) continue
        const r = await measureNavigation(chromium, urls[system], PAINTED[system], { timeout: c.limit, extract: system === 'spanmark' ? SPANMARK_PHASES : undefined })
        if (r.timedOut) {
          timedOut.add(system)
          log(`  ${system}: no highlights painted within ${c.limit / 1000} s`)
          continue
        }
        counts[system] = r.count
        if (round === 0) {
          // A system that needs a large part of the limit is measured once more, not openRuns times.
          if (r.ms > c.limit / 4) slow.add(system)
          log(`  ${system}: warm-up ${r.ms.toFixed(0)} ms (${r.count} highlight elements at first paint)`)
        } else {
          samples[system].push(r.ms)
          if (r.extra) for (const [k, v] of Object.entries(r.extra)) (phases[k] ??= []).push(v)
        }
      }
    }
    for (const system of want('open') ? SYSTEMS : []) {
      const note = system === 'floor' ? 'plain pre-wrap element, same text, no highlights' : `${counts[system] ?? 0} highlight elements in the DOM at first paint`
      if (timedOut.has(system)) {
        for (const stat of ['median', 'p95'])
          results.add({ name: `long doc: open → labelled text painted (${stat})`, system, value: c.limit, unit: 'ms', timedOut: true, note: `no highlights painted within the ${c.limit / 1000} s limit` })
        continue
      }
      const v = samples[system]
      results.add({ name: 'long doc: open → labelled text painted (median)', system, value: median(v), unit: 'ms', n: v.length, note })
      results.add({ name: 'long doc: open → labelled text painted (p95)', system, value: p95(v), unit: 'ms', n: v.length })
    }

    for (const [what, v] of Object.entries(phases))
      results.add({ name: `long doc: open, of which: ${what} (median)`, system: 'spanmark', value: median(v), unit: 'ms', n: v.length })

    // 2. Spanmark in one page: click in the sidebar → painted, jumps, labelling. When the document
    // did not paint on open, these run after the workaround (see showPanes) and say so.
    const notPainted = timedOut.has('spanmark')
    const workaroundNote = 'measured after a workaround: the document did not paint on open (its blocks appeared only after another pane was opened beside it)'
    {
      const { page, context } = notPainted ? await spanmarkPage(chromium, app.url, docItem, c) : await measureNavigation(chromium, app.url, PAINTED.spanmark, { timeout: c.limit, keepOpen: true })
      try {
        const clickFailed = want('click') ? await clickOpenRuns(page, docId, docItem, c, results, log) : false
        const note = notPainted
          ? workaroundNote
          : clickFailed
            ? 'measured after a workaround: the document, opened again by a click, did not paint until another pane was opened beside it and closed'
            : undefined
        if (want('jump')) await jumpRuns(page, c, results, log, note)
        if (want('label')) await labelRuns(page, c, results, log, note)
      } finally {
        await closeQuietly(context)
      }
    }

    // 3. JS heap after GC: each system with the document open; Spanmark also with two panes.
    for (const system of want('heap') ? SYSTEMS : []) {
      if (timedOut.has(system) && system !== 'spanmark') {
        results.add({ name: 'long doc: JS heap after GC, one view', system, value: null, unit: 'MB', timedOut: true, note: 'not measured: it did not finish opening the document within the limit' })
        continue
      }
      const r =
        system === 'spanmark' && notPainted
          ? await spanmarkPage(chromium, app.url, docItem, c)
          : await measureNavigation(chromium, urls[system], PAINTED[system], { timeout: c.limit, keepOpen: true })
      if (r.timedOut) continue
      try {
        const one = await heapAfterGc(r.page)
        const note = (h) => `performance.memory.usedJSHeapSize ${(h.perfMemory / MB).toFixed(1)} MB${system === 'spanmark' && notPainted ? `; ${workaroundNote}` : ''}`
        results.add({ name: 'long doc: JS heap after GC, one view', system, value: one.cdp / MB, unit: 'MB', note: note(one) })
        if (system === 'spanmark') {
          const nudged = await showPanes(r.page, docItem, 2)
          const heap = await heapAfterGc(r.page)
          const how = nudged ? '; the second pane (Ctrl+click) painted only after a third was opened beside and closed' : ''
          results.add({ name: 'long doc: JS heap after GC, two panes', system, value: heap.cdp / MB, unit: 'MB', note: note(heap) + how })
          log(`  heap: one pane ${(one.cdp / MB).toFixed(1)} MB, two panes ${(heap.cdp / MB).toFixed(1)} MB`)
          // Back to one pane, as the layout was.
          await r.page.locator('[aria-label^="Close "]').last().click()
        }
      } finally {
        await closeQuietly(r.context)
      }
    }
  } finally {
    await peers.close()
    await app.close()
  }
}

/**
 * Close the pane, then click the doc in the sidebar: time until its labelled text is painted.
 * Each click gets a tenth of the open limit; when one does not paint, that limit is recorded,
 * the document is brought on screen by the workaround, and the result is true.
 */
async function clickOpenRuns(page, docId, docItem, c, results, log) {
  const times = []
  const limit = c.limit / 10
  let failed = false
  for (let i = 0; i <= c.openRuns && !failed; i++) {
    await page.evaluate(() => document.querySelectorAll('[aria-label^="Close "]').forEach((b) => b.click()))
    await page.waitForSelector('[data-doc-text]', { state: 'detached' })
    const r = await withLimit(
      page.evaluate(async (id) => {
        const t0 = performance.now()
        document.querySelector(`[data-testid="doc-item-${id}"]`).click()
        const r = await window.__bench.whenPainted(() => (document.querySelector(`[data-testid="doc-text-${id}"] .block mark[data-label]`) ? 1 : 0))
        return r.t - t0
      }, docId),
      limit
    )
    if (r.timedOut) failed = true
    else if (i > 0) times.push(r.value)
  }
  const name = 'long doc: click in sidebar → labelled text painted (median)'
  if (failed) {
    results.add({ name, system: 'spanmark', value: limit, unit: 'ms', timedOut: true, note: `the text was not painted within ${limit / 1000} s of the click` })
    log(`  spanmark click → painted: nothing painted within ${limit / 1000} s`)
    await showPanes(page, docItem, 1)
    return true
  }
  results.add({ name, system: 'spanmark', value: median(times), unit: 'ms', n: times.length })
  log(`  spanmark click → painted: median ${median(times).toFixed(0)} ms`)
  return false
}

/** A page of Spanmark with the long document painted in its (restored) pane, by the workaround if need be. */
async function spanmarkPage(chromium, url, docItem, c) {
  const browser = await chromium.get()
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: initScript() })
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForSelector('[data-doc-text]', { timeout: c.limit })
  await showPanes(page, docItem, 1)
  return { page, context }
}

/**
 * Makes `want` panes show the document with its text painted. Opens panes beside (Ctrl+click)
 * until there are `want`; while fewer than `want` have painted blocks, opens one more beside and
 * closes it again (which re-renders the others: the workaround for a windowed document that
 * stays blank after it is opened). Returns whether that workaround was needed.
 */
async function showPanes(page, docItem, want) {
  const state = () =>
    page.evaluate(() => {
      const texts = [...document.querySelectorAll('[data-doc-text]')]
      return { total: texts.length, painted: texts.filter((t) => t.querySelector('.block mark')).length }
    })
  const settle = () => page.waitForTimeout(1000)
  while ((await state()).total < want) {
    await page.click(docItem, { modifiers: ['Control'] })
    await settle()
  }
  await settle()
  let nudged = false
  for (let tries = 0; (await state()).painted < want; tries++) {
    if (tries >= 3) throw new Error(`could not get ${want} painted pane(s) of the long document`)
    nudged = true
    await page.click(docItem, { modifiers: ['Control'] })
    await settle()
    await page.locator('[aria-label^="Close "]').last().click()
    await settle()
  }
  return nudged
}

/** Scroll .doc-scroll from the top to the middle / the end: time until marks of that region are painted. */
async function jumpRuns(page, c, results, log, note) {
  const targets = { middle: { frac: 0.5, lo: 0.3, hi: 0.7 }, end: { frac: 1, lo: 0.95, hi: 1 } }
  for (const [where, t] of Object.entries(targets)) {
    const times = []
    for (let i = 0; i <= c.jumpRuns; i++) {
      const ms = await evaluateWithin(page, 10_000, `jump to the ${where}`, async ({ frac, lo, hi }) => {
        const text = document.querySelector('[data-doc-text]')
        const sc = text.closest('.doc-scroll')
        const L = Number(text.dataset.length)
        const region = (a, b) => () => {
          let n = 0
          for (const blk of text.querySelectorAll('.block')) {
            const o = Number(blk.dataset.offset)
            if (o >= a * L && o <= b * L && blk.querySelector('mark')) n++
          }
          return n
        }
        sc.scrollTop = 0
        await window.__bench.whenPainted(region(0, 0.02))
        await new Promise((r) => setTimeout(r, 50))
        const t0 = performance.now()
        sc.scrollTop = frac >= 1 ? sc.scrollHeight : Math.round(sc.scrollHeight * frac)
        const r = await window.__bench.whenPainted(region(lo, hi))
        return r.t - t0
      }, t)
      if (i > 0) times.push(ms)
    }
    results.add({ name: `long doc: jump to the ${where} → marks painted (median)`, system: 'spanmark', value: median(times), unit: 'ms', n: times.length, note })
    results.add({ name: `long doc: jump to the ${where} → marks painted (p95)`, system: 'spanmark', value: p95(times), unit: 'ms', n: times.length })
    log(`  spanmark jump to the ${where}: median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms`)
  }
}

/**
 * In the middle of the document: select three characters of unlabelled text inside a word (a DOM
 * Range, as a mouse selection makes; the span saved is the whole word, as snapping to words is on by
 * default) and press the PERSON hotkey for real (Playwright keyboard). Timed from
 * the keydown event's timestamp until a mark with a new data-span-id and data-label="PERSON" is
 * in the DOM, the status line says "Saved at …", and that frame has been painted.
 */
async function labelRuns(page, c, results, log, note) {
  await evaluateWithin(page, 10_000, 'scroll to the middle', async () => {
    const text = document.querySelector('[data-doc-text]')
    const sc = text.closest('.doc-scroll')
    sc.scrollTop = Math.round(sc.scrollHeight / 2)
    await window.__bench.whenPainted(() => text.querySelectorAll('.block mark').length)
  })
  const times = []
  const parts = { first: [], provisional: 0, inDom: [], fetch: [], toFetch: [], afterFetch: [] }
  for (let i = 0; i < c.labelWarmup + c.labelRuns; i++) {
    const arm = (nth) => {
      const text = document.querySelector('[data-doc-text]')
      const view = text.closest('.doc-scroll').getBoundingClientRect()
      // Three characters inside a word of unlabelled text, laid out inside the view (a block may be
      // taller than the view: the characters are checked, not the block).
      const spots = []
      const probe = document.createRange()
      for (const blk of text.querySelectorAll('.block')) {
        const r = blk.getBoundingClientRect()
        if (r.bottom < view.top + 20 || r.top > view.bottom - 20) continue
        // Text outside marks (it may sit in an overlay's <span>, e.g. a suggestion: that is unlabelled text).
        const walker = document.createTreeWalker(blk, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('mark')) continue
          for (const m of n.data.matchAll(/[^\s]{5,}/g)) {
            probe.setStart(n, m.index + 1)
            probe.setEnd(n, m.index + 4)
            const box = probe.getBoundingClientRect()
            if (box.height > 0 && box.top >= view.top + 20 && box.bottom <= view.bottom - 20) spots.push({ node: n, at: m.index + 1 })
          }
        }
      }
      if (spots.length === 0) return null
      const spot = spots[(nth * 7) % spots.length]
      let maxId = 0
      for (const m of text.querySelectorAll('mark[data-span-id]')) maxId = Math.max(maxId, Number(m.dataset.spanId))
      const range = document.createRange()
      range.setStart(spot.node, spot.at)
      range.setEnd(spot.node, spot.at + 3)
      performance.clearResourceTimings()
      const sel = window.getSelection()
      sel.removeAllRanges()
      sel.addRange(range)
      const status = document.querySelector('[data-testid="status"]')
      window.__labelled = new Promise((resolve) => {
        let t0 = null
        const onKey = (e) => {
          if (e.key === '1') {
            t0 = e.timeStamp
            window.removeEventListener('keydown', onKey, true)
          }
        }
        window.addEventListener('keydown', onKey, true)
        const done = () => {
          if (!status.textContent.startsWith('Saved at')) return false
          for (const m of text.querySelectorAll('mark[data-label="PERSON"]')) if (Number(m.dataset.spanId) > maxId) return true
          return false
        }
        // Optimistic painting: a provisional mark (data-pending) is drawn at the keydown, with the span
        // the core will save (snapped to the word, trimmed: src/renderer/state/span-plan.ts), so it is
        // painted by the first frame after the key; the first mark of either kind is what the user sees first.
        const isNew = (m) => m.hasAttribute('data-pending') || Number(m.dataset.spanId) > maxId
        // When was a DOM change painted? A change made in a task is painted by the next frame
        // (rAF, then a task after it); one made inside a frame's rAF callbacks (the provisional mark
        // is drawn there) is painted by that same frame, so the next task already comes after it.
        let inFrame = false
        let looping = true
        const tick = () => {
          if (!looping) return
          inFrame = true
          setTimeout(() => (inFrame = false), 0)
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
        const afterPaint = (fn) => (inFrame ? setTimeout(fn, 0) : requestAnimationFrame(() => setTimeout(fn, 0)))
        let first = null
        const mo = new MutationObserver(() => {
          if (t0 !== null && first === null) {
            const m = [...text.querySelectorAll('mark[data-label="PERSON"]')].find(isNew)
            if (m) {
              first = { pending: m.hasAttribute('data-pending'), painted: null }
              afterPaint(() => (first.painted = performance.now() - t0))
            }
          }
          if (t0 === null || !done()) return
          mo.disconnect()
          const shown = performance.now()
          looping = false
          afterPaint(() => {
            // Where the time went: the createSpan request (Resource Timing) and the rest.
            const call = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/createSpan')).at(-1)
            resolve({ ms: performance.now() - t0, first: first?.painted ?? null, firstPending: first?.pending ?? false, inDom: shown - t0, fetch: call ? call.responseEnd - call.startTime : null, toFetch: call ? call.startTime - t0 : null, afterFetch: call ? shown - call.responseEnd : null })
          })
        })
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
      })
      return sel.toString()
    }
    // The view may still be rendering (after the scroll or the previous label): try again at the next frames.
    let armed = null
    for (let tries = 0; !armed && tries < 120; tries++) {
      if (tries > 0) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
      armed = await page.evaluate(arm, i)
    }
    if (!armed) throw new Error('no unlabelled text in view to label')
    await page.keyboard.press('1')
    const r = await withLimit(page.evaluate(() => window.__labelled), 10_000)
    if (r.timedOut) throw new Error(`label ${i} (${armed}) was not painted and saved within 10 s`)
    if (i >= c.labelWarmup) {
      times.push(r.value.ms)
      if (r.value.first !== null) parts.first.push(r.value.first)
      if (r.value.firstPending) parts.provisional += 1
      parts.inDom.push(r.value.inDom)
      parts.fetch.push(r.value.fetch)
      parts.toFetch.push(r.value.toFetch)
      parts.afterFetch.push(r.value.afterFetch)
    }
    await page.waitForTimeout(30)
  }
  if (parts.first.length < times.length) throw new Error(`only ${parts.first.length} of ${times.length} labels recorded their first paint`)
  const firstNote = `${parts.provisional} of ${times.length} first drawn as a provisional mark, the rest saved before the next frame`
  results.add({ name: 'long doc: label, keydown → mark painted (provisional or saved, whichever is first) (median)', system: 'spanmark', value: median(parts.first), unit: 'ms', n: parts.first.length, note: firstNote })
  results.add({ name: 'long doc: label, keydown → mark painted (provisional or saved, whichever is first) (p95)', system: 'spanmark', value: p95(parts.first), unit: 'ms', n: parts.first.length })
  results.add({ name: 'long doc: label, keydown → saved mark in the DOM, before painting (median)', system: 'spanmark', value: median(parts.inDom), unit: 'ms', n: times.length })
  results.add({ name: 'long doc: label, of which: keydown → createSpan request sent (median)', system: 'spanmark', value: median(parts.toFetch), unit: 'ms', n: times.length })
  results.add({ name: 'long doc: label, of which: createSpan request → response (median)', system: 'spanmark', value: median(parts.fetch), unit: 'ms', n: times.length, note: 'Resource Timing of POST /api/createSpan: HTTP, validation, SQLite commit (WAL, synchronous=FULL), JSON both ways' })
  results.add({ name: 'long doc: label, of which: response → mark in the DOM (median)', system: 'spanmark', value: median(parts.afterFetch), unit: 'ms', n: times.length, note: 'JSON parse, store update, React render and commit; painting the frame comes after' })
  results.add({ name: 'long doc: label (selection + hotkey → painted and saved) (median)', system: 'spanmark', value: median(times), unit: 'ms', n: times.length, note })
  results.add({ name: 'long doc: label (selection + hotkey → painted and saved) (p95)', system: 'spanmark', value: p95(times), unit: 'ms', n: times.length })
  log(`  spanmark label: median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms (${times.length} labels)`)
}
