// Runs a command as its own process and times it from spawn to exit (wall clock).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './servers.mjs'

export function timeProcess(args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - t0
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${err}${out}`.slice(0, 4000)))
      else resolve({ ms, out, err })
    })
  })
}

/** `node bin/spanmark.js ...args`, with SPANMARK_HOME pointing at the bench's temp folder. */
export function spanmark(args, home) {
  return timeProcess([join(ROOT, 'bin', 'spanmark.js'), ...args], { env: { SPANMARK_HOME: home } })
}
