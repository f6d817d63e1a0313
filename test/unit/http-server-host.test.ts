import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { allowedHostHeaders, hostProblem, hostWarning } from '../../src/main/web/host'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { tempCore } from './helpers/core'

let core: ReturnType<typeof tempCore>
let staticDir: string
const servers: WebServer[] = []

beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
  staticDir = join(core.dir, 'renderer')
  mkdirSync(staticDir, { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spanmark</title>')
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  core.cleanup()
})

async function start(host?: string): Promise<WebServer> {
  const s = await startWebServer({ dispatch: core.dispatch, staticDir, port: 0, ...(host === undefined ? {} : { host }) })
  servers.push(s)
  return s
}

/** GET / (or an API call) to `connectTo` with an exact Host header. */
function ask(connectTo: string, port: number, hostHeader: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: hostHeader }
    if (token) Object.assign(headers, { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })
    const req = request({ host: connectTo, port, path: token ? '/api/getSession' : '/', method: token ? 'POST' : 'GET', headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(token ? '{}' : undefined)
  })
}

/** An address of this machine that other machines could reach, if it has one. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address

describe('web mode --host', () => {
  it('listens on 127.0.0.1 by default and accepts Host 127.0.0.1 or localhost with its port, nothing else', async () => {
    const s = await start()
    expect(s.host).toBe('127.0.0.1')
    expect(await ask('127.0.0.1', s.port, `127.0.0.1:${s.port}`)).toBe(200)
    expect(await ask('127.0.0.1', s.port, `LOCALHOST:${s.port}`)).toBe(200)
    for (const h of [`127.0.0.2:${s.port}`, `evil.example:${s.port}`, `127.0.0.1`, `127.0.0.1:${s.port}.evil.example`, `localhost.:${s.port}`]) {
      expect(await ask('127.0.0.1', s.port, h), h).toBe(421)
    }
  })

  it('binds another address when asked, and accepts only that address in Host', async () => {
    const s = await start('127.0.0.2')
    expect(s.url).toBe(`http://127.0.0.2:${s.port}/#token=${s.token}`)
    expect(await ask('127.0.0.2', s.port, `127.0.0.2:${s.port}`, s.token)).toBe(200)
    expect(await ask('127.0.0.2', s.port, `127.0.0.1:${s.port}`, s.token)).toBe(421)
    expect(await ask('127.0.0.2', s.port, `localhost:${s.port}`, s.token)).toBe(421)
    // Not listening on 127.0.0.1 at all.
    await expect(ask('127.0.0.1', s.port, `127.0.0.1:${s.port}`)).rejects.toThrow(/ECONNREFUSED/)
  })

  it('brackets an IPv6 address in the URL and in the accepted Host', async () => {
    const s = await start('::1')
    expect(s.url).toBe(`http://[::1]:${s.port}/#token=${s.token}`)
    expect(await ask('::1', s.port, `[::1]:${s.port}`, s.token)).toBe(200)
    expect(allowedHostHeaders('::1', 80)).toEqual(new Set(['[::1]:80']))
  })

  it('refuses wildcard and malformed addresses with a message', async () => {
    for (const h of ['0.0.0.0', '::', '', 'a b', 'evil.example/x']) expect(hostProblem(h), h).not.toBeNull()
    expect(hostProblem('0.0.0.0')).toContain('Name the address of one interface')
    for (const h of ['127.0.0.1', '192.168.1.20', 'fd00::2', 'my-laptop.local']) expect(hostProblem(h), h).toBeNull()
    await expect(start('0.0.0.0')).rejects.toThrow(/every network interface/)
    const out: string[] = []
    const err: string[] = []
    expect(await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(2)
    expect(err.join('\n')).toMatch(/^spanmark: --host 0\.0\.0\.0 would listen on every network interface/)
    expect(out).toEqual([])
  })

  it('warns for an address others can reach, not for loopback', () => {
    expect(hostWarning('127.0.0.1', 5000)).toBeNull()
    expect(hostWarning('::1', 5000)).toBeNull()
    expect(hostWarning('localhost', 5000)).toBeNull()
    const w = hostWarning('192.168.1.20', 5000)
    expect(w).toContain('192.168.1.20:5000')
    expect(w).toContain('can read and change this project')
  })

  it.runIf(external !== undefined)('serves on an external address of this machine when asked', async () => {
    const addr = external as string
    const s = await start(addr)
    expect(await ask(addr, s.port, `${addr}:${s.port}`, s.token)).toBe(200)
    expect(await ask(addr, s.port, `localhost:${s.port}`, s.token)).toBe(421)
  })
})
