// Debian's Chromium driven by Playwright, and the in-page helpers every measurement uses.
import { chromium } from '@playwright/test'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info'
]

export const VIEWPORT = { width: 1400, height: 850 }

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/**
 * Installed before any page script (addInitScript). `window.__bench.whenPainted(cond)`
 * checks `cond()` once per animation frame; in the first frame where it holds it records
 * the count `cond` returned and, in a task posted from that frame's rAF callback (so it runs
 * after the frame has been rendered), performance.now() — milliseconds since navigation start.
 * With `window.__benchCond` set by the init script, the wait starts at document start and the
 * result lands in `window.__benchPainted` = { t, count }.
 */
function pageHelpers() {
  const whenPainted = (cond) =>
    new Promise((resolve) => {
      const tick = () => {
        let count = 0
        try {
          count = cond()
        } catch {
          count = 0
        }
        if (count) setTimeout(() => resolve({ t: performance.now(), count }), 0)
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  window.__bench = { whenPainted }
  if (typeof window.__benchCond === 'function') {
    whenPainted(window.__benchCond).then((r) => {
      window.__benchPainted = r
    })
  }
}

/** The init-script source: an optional navigation condition (a function source) and the helpers. */
export function initScript(condSource) {
  return `${condSource ? `window.__benchCond = (${condSource});` : ''}(${pageHelpers.toString()})();`
}

/** The browser, launched on first use and relaunched after a page had to be abandoned. */
export class Chromium {
  browser = null
  async get() {
    this.browser ??= await launch()
    return this.browser
  }
  /** Closes the whole browser: the one way to stop a page stuck in a long task at once. */
  async reset() {
    const b = this.browser
    this.browser = null
    if (b) await Promise.race([b.close().catch(() => {}), giveUpAfter(15_000)])
  }
  close() {
    return this.reset()
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** A timer that does not keep the process alive, for racing a close that might hang. */
const giveUpAfter = (ms) => new Promise((r) => setTimeout(r, ms).unref())

/** Races a promise against a limit; resolves to { timedOut: true } when the limit comes first. */
export async function withLimit(promise, ms) {
  let timer
  const limit = new Promise((resolve) => (timer = setTimeout(() => resolve({ timedOut: true }), ms)))
  try {
    return await Promise.race([promise.then((value) => ({ value })), limit])
  } finally {
    clearTimeout(timer)
  }
}

/** page.evaluate that fails (instead of waiting forever) when the page has not answered within `ms`. */
export async function evaluateWithin(page, ms, what, fn, arg) {
  const run = page.evaluate(fn, arg)
  run.catch(() => {})
  const r = await withLimit(run, ms)
  if (r.timedOut) throw new Error(`${what}: no answer from the page within ${ms / 1000} s`)
  return r.value
}

/**
 * Opens `url` in a fresh context (no HTTP cache, no storage) and returns the time from
 * navigation start until the frame in which `condSource` first returned a truthy count was
 * painted: { ms, count }. When `timeout` passes first, the browser is closed (relaunched on
 * next use) and the result is { timedOut: true }. With keepOpen, the context and page are
 * returned for more measurements (the caller closes the context). `extract` (a function or its
 * source) runs in the page once it has painted; its result comes back as `extra`.
 */
export async function measureNavigation(chromium, url, condSource, { timeout, keepOpen = false, extract }) {
  const browser = await chromium.get()
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: initScript(condSource) })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  const run = (async () => {
    await page.goto(url, { waitUntil: 'commit', timeout: 0 })
    const handle = await page.waitForFunction(() => window.__benchPainted, null, { timeout: 0, polling: 50 })
    return handle.jsonValue()
  })()
  run.catch(() => {}) // after a timeout it fails when the browser closes
  const r = await withLimit(run, timeout).catch(async (err) => {
    await closeQuietly(context)
    throw new Error(`${url}: ${err.message}${errors.length ? `\npage errors: ${errors.join('\n')}` : ''}`)
  })
  if (r.timedOut) {
    await chromium.reset()
    return { timedOut: true, errors }
  }
  const extra = extract ? await page.evaluate(typeof extract === 'string' ? `(${extract})()` : extract) : undefined
  if (keepOpen) return { ms: r.value.t, count: r.value.count, extra, context, page, errors }
  await closeQuietly(context)
  return { ms: r.value.t, count: r.value.count, extra, errors }
}

/** Closes a context, giving up after 10 s. */
export async function closeQuietly(context) {
  await Promise.race([context.close().catch(() => {}), giveUpAfter(10_000)])
}

/** JS heap in use after a full GC, via CDP (Performance.getMetrics JSHeapUsedSize) and performance.memory. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
    const perfMemory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null)
    return { cdp: used, perfMemory }
  } finally {
    await cdp.detach().catch(() => {})
  }
}
