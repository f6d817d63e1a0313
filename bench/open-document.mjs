// Measures, in Debian's Chromium against web mode, how long opening the largest seed takes:
// from the click in the sidebar to the text painted (next animation frame). Prints the median.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const root = join(__dirname_(), '..')
const home = mkdtempSync(join(tmpdir(), 'spanmark-bench-'))
const largest = readdirSync(join(root, 'seeds'))
  .map((f) => ({ f, size: statSync(join(root, 'seeds', f)).size }))
  .sort((a, b) => b.size - a.size)[0].f.replace(/\.txt$/, '')

const server = spawn(process.execPath, [join(root, 'bin', 'spanmark.js'), 'serve', '--port', '0', '--annotator', 'bench'], {
  env: { ...process.env, SPANMARK_HOME: home },
  stdio: ['ignore', 'pipe', 'inherit']
})
const url = await new Promise((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (d) => {
    out += d
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//)
    if (m) resolve(m[0])
  })
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)))
})

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } })
  await page.goto(url)
  await page.waitForSelector(`[data-testid="doc-item-${largest}"]`)
  const times = []
  for (let i = 0; i < 15; i++) {
    // Close the pane, so each run opens the document afresh (fetch, layout, paint).
    await page.evaluate(() => document.querySelectorAll('[aria-label^="Close "]').forEach((b) => b.click()))
    await page.waitForSelector('[data-testid^="doc-text-"]', { state: 'detached' })
    const ms = await page.evaluate(
      (id) =>
        new Promise((resolve) => {
          const t0 = performance.now()
          const seen = () => {
            if (document.querySelector(`[data-testid="doc-text-${id}"] .block`)) requestAnimationFrame(() => resolve(performance.now() - t0))
            else requestAnimationFrame(seen)
          }
          document.querySelector(`[data-testid="doc-item-${id}"]`).click()
          requestAnimationFrame(seen)
        }),
      largest
    )
    times.push(ms)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(`open largest seed (${largest}) in Chromium, click → painted: median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)} (15 runs)`)
} finally {
  await browser.close()
  server.kill()
  rmSync(home, { recursive: true, force: true })
}

function __dirname_() {
  return new URL('.', import.meta.url).pathname
}
