import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test'

/** The repository root (this file is test/e2e/fixtures.ts). */
export const ROOT = resolve(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'spanmark.js')
const URL_TIMEOUT_MS = 20_000

export interface ServerOptions {
  /** --annotator NAME, or null to start without one (the app then asks for a name). */
  annotator: string | null
  /**
   * false: the default project in SPANMARK_HOME (created with the five seed articles);
   * true: --project <home>/p.sqlite, a new project with no documents.
   */
  emptyProject: boolean
  /** --project FILE: an existing project file (e.g. one made with the CLI) to open; overrides emptyProject. */
  project?: string
}

export interface SpanmarkServer {
  /** The page to open as printed, with this run's token: http://127.0.0.1:41234/#token=… */
  url: string
  /** The origin without the token, e.g. http://127.0.0.1:41234/ */
  base: string
  /** This run's token (every /api/ request must present it). */
  token: string
  /** POST /api/<method> with the token, as the renderer calls it; resolves to the status and the parsed envelope. */
  api(method: string, args?: unknown): Promise<{ status: number; body: ApiEnvelope }>
  /** SPANMARK_HOME: the temp folder holding the project and preferences.json. */
  home: string
  /** The project file the server opened. */
  projectFile: string
  /** What the server wrote to stderr so far. */
  stderr(): string
  /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>
  /** kill -9: the process dies at once, wherever it is. */
  crash(): Promise<void>
}

export interface ApiEnvelope {
  ok: boolean
  result?: unknown
  error?: { code: string; message: { key: string; params?: Record<string, string | number> }; details: { key: string; params?: Record<string, string | number> }[] }
}

/** The line `spanmark serve` prints: "… open http://127.0.0.1:PORT/#token=TOKEN". */
export const PRINTED_URL = /open (http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]{43})\b/

interface Fixtures {
  serverOptions: ServerOptions
  /** Console errors that a test expects (e.g. the 4xx of a refused import); matched against the message text. */
  allowedConsoleErrors: RegExp[]
  /** A fresh temp folder for this test, removed afterwards. */
  home: string
  /** Starts another `spanmark serve` on this test's home; every server started is stopped after the test. */
  startServer(options?: Partial<ServerOptions>): Promise<SpanmarkServer>
  /** The server for this test, started with serverOptions. */
  server: SpanmarkServer
  /** Console errors and uncaught page errors seen during the test; the test fails if any is not allowed. */
  consoleErrors: string[]
}

function projectFileFor(home: string, options: ServerOptions): string {
  if (options.project !== undefined) return options.project
  return options.emptyProject ? join(home, 'p.sqlite') : join(home, 'default-project.sqlite')
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      done(true)
    })
  })
}

/** Runs `node bin/spanmark.js serve --port 0` and resolves once it prints its URL. */
export async function launchServer(home: string, options: ServerOptions): Promise<SpanmarkServer> {
  const projectFile = projectFileFor(home, options)
  const args = [CLI, 'serve', '--port', '0']
  if (options.emptyProject || options.project !== undefined) args.push('--project', projectFile)
  if (options.annotator !== null) args.push('--annotator', options.annotator)
  const env: NodeJS.ProcessEnv = { ...process.env, SPANMARK_HOME: home }
  delete env['ELECTRON_RUN_AS_NODE']
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk
  })

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL')
      await waitForExit(child, 5_000)
    }
  }

  try {
    const [base, token] = await new Promise<[string, string]>((done, fail) => {
      const describe = (why: string): Error =>
        new Error(`spanmark serve ${why}.\n  command: node ${args.join(' ')}\n  stdout: ${stdout.trim() || '(empty)'}\n  stderr: ${stderr.trim() || '(empty)'}`)
      const timer = setTimeout(() => fail(describe(`printed no URL within ${URL_TIMEOUT_MS / 1000} s`)), URL_TIMEOUT_MS)
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk
        const m = PRINTED_URL.exec(stdout)
        if (m?.[1] && m[2]) {
          clearTimeout(timer)
          done([m[1], m[2]])
        }
      })
      child.once('error', (err) => {
        clearTimeout(timer)
        fail(describe(`could not be started (${err.message})`))
      })
      child.once('close', (code, signal) => {
        clearTimeout(timer)
        fail(describe(`exited before printing its URL (code ${code}, signal ${signal})`))
      })
    })
    const crash = async (): Promise<void> => {
      child.kill('SIGKILL')
      await waitForExit(child, 5_000)
    }
    const api = async (method: string, args: unknown = {}): Promise<{ status: number; body: ApiEnvelope }> => {
      const res = await fetch(new URL(`api/${method}`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args)
      })
      return { status: res.status, body: (await res.json()) as ApiEnvelope }
    }
    return { url: `${base}#token=${token}`, base, token, api, home, projectFile, stderr: () => stderr, stop, crash }
  } catch (err) {
    await stop()
    throw err
  }
}

export const test = base.extend<Fixtures>({
  serverOptions: [{ annotator: 'alice', emptyProject: false }, { option: true }],
  allowedConsoleErrors: [[], { option: true }],

  home: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  startServer: async ({ home, serverOptions }, use) => {
    const started: SpanmarkServer[] = []
    await use(async (options = {}) => {
      const server = await launchServer(home, { ...serverOptions, ...options })
      started.push(server)
      return server
    })
    await Promise.all(started.map((s) => s.stop()))
  },

  server: async ({ startServer }, use) => {
    await use(await startServer())
  },

  consoleErrors: [
    // Depends on startServer so that it is checked before the test's servers stop
    // (a save still in flight when a server stops would log a refused connection).
    async ({ page, allowedConsoleErrors, startServer }, use) => {
      const errors: string[] = []
      const isFavicon = (msg: ConsoleMessage): boolean => /\/favicon\.ico(\?|$)/.test(msg.location().url)
      page.on('console', (msg) => {
        if (msg.type() !== 'error' || isFavicon(msg)) return
        const text = `${msg.text()} (${msg.location().url})`
        if (!allowedConsoleErrors.some((re) => re.test(text))) errors.push(text)
      })
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`))
      await use(errors)
      expect(errors, 'console errors or uncaught page errors').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }

/** Opens the app and waits until it has loaded its session and document list. */
export async function openApp(page: Page, server: SpanmarkServer): Promise<void> {
  // From a page of the same server, a URL that differs only in its #fragment would not load the app again.
  if (page.url().startsWith(server.base)) await page.goto('about:blank')
  await page.goto(server.url)
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true')
}
