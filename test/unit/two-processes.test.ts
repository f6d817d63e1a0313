import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { ChangeFeed, otherWriterCheck } from '../../src/main/services/change-feed'
import { Project } from '../../src/main/store/project'
import { tempProject } from './helpers/temp-project'

const WRITER = join(__dirname, 'helpers', 'writer-process.mjs')
const COUNT = 150
const LENGTH = 20_000
const TEXT = '가'.repeat(LENGTH)

/** Runs the writer script in a real child process; resolves with its exit code and output. */
function writer(file: string, annotator: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, 'd1', annotator, String(COUNT)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

let t: ReturnType<typeof tempProject>
beforeEach(() => {
  t = tempProject()
  t.project.write(() => t.project.documents.insert({ id: 'd1', title: 'd1', text: TEXT, meta: {}, length: LENGTH }, 'now'))
})
afterEach(() => t.cleanup())

describe('two processes on one project file', () => {
  it('all writes of two other processes and this one land; nobody gets SQLITE_BUSY; the file stays intact', async () => {
    const feed = new ChangeFeed()
    const seen: string[] = []
    feed.subscribe((e) => seen.push(e.kind))
    const check = otherWriterCheck(t.project, feed)
    const svc = new AnnotationService(t.project)

    const children = [writer(t.file, 'proc1'), writer(t.file, 'proc2')]
    let finished = false
    const all = Promise.all(children).finally(() => (finished = true))
    // This process writes too, one committed action at a time, for as long as the children run
    // (so their writes and these overlap), pausing between actions so the children's exits are seen.
    let mine = 0
    while (!finished && mine < LENGTH - 1) {
      svc.createSpan({ docId: 'd1', annotator: 'alice', start: mine, end: mine + 1, label: 'PERSON' })
      mine++
      // A short pause, not just a turn of the event loop: SQLite's busy handler is not a fair queue,
      // so a process committing back to back can starve the waiting ones past busy_timeout on a
      // loaded machine (seen once in CI-like runs). People do not commit in a tight loop.
      await new Promise((r) => setTimeout(r, 2))
    }
    const results = await all
    expect(results).toEqual([
      { code: 0, out: `done ${COUNT}\n` },
      { code: 0, out: `done ${COUNT}\n` }
    ])

    expect(mine).toBeGreaterThan(0)
    for (const [who, n] of [['alice', mine], ['proc1', COUNT], ['proc2', COUNT]] as const) {
      expect(t.project.spans.layer('d1', who).map((s) => s.start)).toEqual(Array.from({ length: n }, (_, i) => i))
    }
    expect(t.project.history.recent(100_000)).toHaveLength(mine + 2 * COUNT)
    // The feed's poll notices the other processes' commits.
    expect(check()).toBe(true)
    expect(seen).toEqual(['reload'])

    t.project.close()
    const reopened = Project.open(t.file)
    try {
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(reopened.db.pragma('foreign_key_check')).toEqual([])
      expect(reopened.spans.layerCounts().map((c) => [c.annotator, c.spans])).toEqual([
        ['alice', mine],
        ['proc1', COUNT],
        ['proc2', COUNT]
      ])
    } finally {
      reopened.close()
    }
  })
})
