import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../../src/main/services/import-service'
import { Project } from '../../src/main/store/project'
import { dumpProject } from './helpers/dump'
import { tempDir, utf8 } from './helpers/temp-project'

/**
 * `spanmark import` killed with SIGKILL at several moments (starting up,
 * parsing, half-way through writing): the project is always exactly as before
 * (or, if the kill came after the commit, holds the whole import), and passes
 * integrity_check. Runs the built CLI (npx electron-vite build writes out/).
 */

const ROOT = join(__dirname, '..', '..')
const BIN = join(ROOT, 'bin', 'spanmark.js')
const LINES = 15_000
const SPANS_PER_LINE = 2

let t: ReturnType<typeof tempDir>
let project: string
let big: string
let before: Record<string, unknown[]>
let baseDocs: number
let baseSpans: number

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build the app first (npx electron-vite build): this test runs bin/spanmark.js.')
  t = tempDir()
  project = join(t.dir, 'P.sqlite')
  const p = Project.open(project)
  const seed = [
    { id: 'old-1', text: '최태원 SK그룹 회장', spans: [{ start: 0, end: 3, label: 'PERSON' }] },
    { id: 'old-2', text: '삼성전자 주주총회 3월 15일', spans: [{ start: 0, end: 4, label: 'ORGANISATION' }, { start: 10, end: 16, label: 'DATE' }] }
  ]
  importFiles(p, [{ name: 'seed.jsonl', bytes: utf8(seed.map((l) => JSON.stringify(l)).join('\n')) }], { annotator: 'x' })
  before = dumpProject(p)
  baseDocs = p.documents.count()
  baseSpans = spanCount(p)
  p.close()
  big = join(t.dir, 'BIG.jsonl')
  const lines: string[] = []
  for (let i = 0; i < LINES; i++) {
    const text = `최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자가 ${i}일 서울에서 만났다. 삼성전자는 정기 주주총회를 열었다.`
    lines.push(JSON.stringify({ id: `big-${i}`, text, spans: [{ start: 0, end: 3, label: 'PERSON' }, { start: 4, end: 8, label: 'ORGANISATION' }] }))
  }
  writeFileSync(big, lines.join('\n') + '\n')
})
afterAll(() => t?.cleanup())

function spanCount(p: Project): number {
  return (p.db.prepare('SELECT COUNT(*) AS n FROM spans').get() as { n: number }).n
}

function startImport(): ChildProcess {
  return spawn(process.execPath, [BIN, 'import', '--project', project, '--annotator', 'x', big], { stdio: ['ignore', 'pipe', 'pipe'] })
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Outcome = 'unchanged' | 'complete'

/** Opens the project as the app would after the crash, and says which of the two allowed states it is in. */
function inspect(): Outcome {
  const p = Project.open(project)
  try {
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const now = dumpProject(p)
    if (p.documents.count() === baseDocs) {
      expect(now).toEqual(before)
      return 'unchanged'
    }
    // Killed after the commit: then all of it is there, nothing less.
    expect(p.documents.count()).toBe(baseDocs + LINES)
    expect(spanCount(p)).toBe(baseSpans + LINES * SPANS_PER_LINE)
    return 'complete'
  } finally {
    p.close()
  }
}

describe('an import killed half-way leaves the project as it was', () => {
  it('SIGKILL while the write transaction is spilling pages into the WAL, then at several moments', async () => {
    // A deterministic moment first: the transaction has written more than 2 MB of pages into the WAL and has not committed.
    const child = startImport()
    const wal = `${project}-wal`
    let size = 0
    while (child.exitCode === null && child.signalCode === null) {
      size = existsSync(wal) ? statSync(wal).size : 0
      if (size > 2 * 1024 * 1024) break
      await sleep(2)
    }
    child.kill('SIGKILL')
    const killed = await exited(child)
    expect(killed.signal, 'the import was still running with a large WAL when killed').toBe('SIGKILL')
    expect(size).toBeGreaterThan(2 * 1024 * 1024)
    expect(inspect(), 'a kill before the commit leaves nothing').toBe('unchanged')

    // Then at moments in time: starting up, reading, parsing, writing, or after the commit on a fast machine.
    const outcomes: { when: string; signal: string | null; outcome: Outcome }[] = []
    for (const ms of [50, 200, 500, 1000, 1500]) {
      const run = startImport()
      await Promise.race([sleep(ms), exited(run)])
      run.kill('SIGKILL')
      const { signal } = await exited(run)
      const outcome = inspect()
      outcomes.push({ when: `${ms} ms`, signal, outcome })
      if (outcome === 'complete') break // later kills would only meet a finished import
    }
    expect(outcomes.some((o) => o.signal === 'SIGKILL' && o.outcome === 'unchanged'), JSON.stringify(outcomes)).toBe(true)
  })

  it('afterwards the same import runs to the end and everything is there', async () => {
    const child = startImport()
    let out = ''
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
    const { code } = await exited(child)
    expect(code, out).toBe(0)
    const p = Project.open(project)
    try {
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(p.documents.count()).toBe(baseDocs + LINES)
      expect(spanCount(p)).toBe(baseSpans + LINES * SPANS_PER_LINE)
      expect(p.spans.layer('old-2', 'x')).toHaveLength(2)
    } finally {
      p.close()
    }
  })
})
