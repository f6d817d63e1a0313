// The servers the browser measurements talk to: Spanmark's web mode (a child process)
// and a small static server for the floor and the peers' pages (127.0.0.1, port 0).
import { spawn } from 'node:child_process'
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')

/**
 * Starts `spanmark serve` on a project; resolves to { url, token, close() } once it prints its URL.
 * `url` is the printed one, with the run's token in its fragment (#token=…): opening it logs the page in.
 * A page already showing it has moved the token out of the address bar, and a URL differing only in
 * its fragment would not load again there: use `base` for a second load in the same page.
 */
export async function startSpanmark({ project, annotator, home }) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'serve', '--project', project, '--port', '0', '--annotator', annotator], {
    env: { ...process.env, SPANMARK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`spanmark serve printed no URL in 30 s: ${out}${err}`)), 30_000)
    child.stdout.on('data', (d) => {
      out += d
      const m = out.match(/open (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`spanmark serve exited with ${code}: ${err}`))
    })
  })
  child.removeAllListeners('exit')
  return {
    url,
    token: new URL(url).hash.replace(/^#token=/, ''),
    /** The page without the token: for loading it again in a page that already has the token (sessionStorage). */
    base: url.replace(/#.*$/, ''),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill()
      })
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json; charset=utf-8'
}

/**
 * A static server: `mounts` maps a URL prefix to a folder, `pages` maps a path to an
 * in-memory body (string or Buffer, with its type). Same cache policy as Spanmark's web
 * mode (Cache-Control: no-cache), so no system gets a cache the others do not.
 */
export async function startStatic({ mounts = {}, pages = {} }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    const page = pages[path]
    if (page) {
      const body = typeof page.body === 'function' ? page.body() : page.body
      res.writeHead(200, { 'Content-Type': page.type, 'Cache-Control': 'no-cache', 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
      return
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue
      const full = normalize(join(dir, path.slice(prefix.length)))
      if (!full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) break
      let st
      try {
        st = statSync(full)
      } catch {
        break
      }
      if (!st.isFile()) break
      res.writeHead(200, { 'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Length': st.size })
      createReadStream(full).pipe(res)
      return
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('not found')
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
