import { execFileSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { storageError } from '../../src/main/storage-errors'
import { Project } from '../../src/main/store/project'
import type { Envelope } from '../../src/shared/errors'
import { tempCore } from './helpers/core'
import { dumpProject } from './helpers/dump'
import { english } from './helpers/english'

/**
 * A write that fails at the SQLite level (disk full, read-only file or folder,
 * locked, damaged file) reaches the user through the dispatcher as a clear
 * message, and loses nothing: what was committed before is all there, the
 * failed change is not half-applied, and the file passes integrity_check.
 */

const SEED = '000_2f535eeb48f059c6'
let core: ReturnType<typeof tempCore>
let file: string
const immutable: string[] = []

beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
  file = join(core.dir, 'p.sqlite')
})
afterEach(() => {
  for (const p of immutable.splice(0)) execFileSync('chattr', ['-i', p])
  core.cleanup()
})

const refused = (r: Envelope) => (r.ok ? null : english(r.error))

async function createSpans(dispatch: Dispatch, n: number, offset = 0): Promise<number> {
  let made = 0
  for (let i = 0; i < n; i++) {
    const start = (offset + i) % 200
    const r = await dispatch('createSpan', { docId: SEED, annotator: 'alice', start, end: start + 1 + (i % 3), label: 'DATE' })
    if (!r.ok) return made
    made++
  }
  return made
}

/** A dispatcher over a project opened again from the same file (as after a restart). */
function reopen(options: { readonly?: boolean } = {}): { project: Project; dispatch: Dispatch; logged: unknown[] } {
  const project = Project.open(file, options)
  const logged: unknown[] = []
  const dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(core.dir, 'prefs.json')), annotator: 'alice' }), (e) => logged.push(e))
  return { project, dispatch, logged }
}

function integrity(project: Project): string {
  return project.db.pragma('integrity_check', { simple: true }) as string
}

/** Marks a file or folder immutable: read-only even for root (tests here may run as root, where chmod does not bind). */
function lock(path: string): void {
  execFileSync('chattr', ['+i', path])
  immutable.push(path)
}
function unlock(path: string): void {
  execFileSync('chattr', ['-i', path])
  immutable.splice(immutable.indexOf(path), 1)
}

describe('disk full (PRAGMA max_page_count on the real project file)', () => {
  it('refuses the write with a "disk is full" message; everything committed before is kept, nothing half-written', async () => {
    expect(await createSpans(core.dispatch, 30)).toBe(30)
    const pages = core.project.db.pragma('page_count', { simple: true }) as number
    core.project.db.pragma(`max_page_count = ${pages}`)
    const before = dumpProject(core.project)

    // An import that needs many new pages fails part-way through its transaction.
    const files = [{ name: 'big.jsonl', base64: Buffer.from(Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `big-${i}`, text: `기사 ${i} `.repeat(800), spans: [{ start: 0, end: 2, label: 'DATE' }] })).join('\n')).toString('base64') }]
    const imported = refused(await core.dispatch('importFiles', { annotator: 'alice', files }))
    expect(imported?.code).toBe('storage')
    expect(imported?.message).toMatch(/^The disk holding the project file is full, so this change was not saved \(everything saved before is intact\)\. Free some disk space and try again\.$/)
    expect(imported?.details[0]).toMatch(/^SQLITE_FULL: /)
    expect(dumpProject(core.project)).toEqual(before)

    // Single spans fit in free room for a while, then the disk is full: the failed one leaves no trace.
    let last = before
    let failure: ReturnType<typeof refused> = null
    for (let i = 0; i < 5000 && !failure; i++) {
      last = dumpProject(core.project)
      const start = i % 200
      failure = refused(await core.dispatch('createSpan', { docId: '001_2d6efb4355ea70ef', annotator: 'alice', start, end: start + 1 + (i % 5), label: 'PERSON' }))
    }
    expect(failure?.code).toBe('storage')
    expect(failure?.message).toMatch(/disk holding the project file is full/)
    expect(dumpProject(core.project)).toEqual(last)
    expect(integrity(core.project)).toBe('ok')
    const saved = dumpProject(core.project)

    // After a restart (the limit is gone, as after freeing space) everything committed is there and writing works again.
    core.project.close()
    const again = reopen()
    try {
      expect(integrity(again.project)).toBe('ok')
      expect(dumpProject(again.project)).toEqual(saved)
      expect((await again.dispatch('importFiles', { annotator: 'alice', files })).ok).toBe(true)
      expect(again.project.documents.count()).toBe(5 + 60)
    } finally {
      again.project.close()
    }
  })
})

describe('read-only project file and folder', () => {
  it('a project opened read-only (SQLite read-only connection): reads work, writes say the file is read-only', async () => {
    expect(await createSpans(core.dispatch, 5)).toBe(5)
    core.project.close()
    const ro = reopen({ readonly: true })
    try {
      const before = dumpProject(ro.project)
      const listed = await ro.dispatch('listSpans', { docId: SEED, annotator: 'alice' })
      expect(listed.ok && (listed.result as unknown[]).length).toBe(5)
      const made = refused(await ro.dispatch('createSpan', { docId: SEED, annotator: 'alice', start: 100, end: 104, label: 'PERSON' }))
      expect(made?.code).toBe('storage')
      expect(made?.message).toMatch(/^The project file or its folder is read-only, so this change was not saved \(everything saved before is intact\)\. Make the file and its folder writable/)
      expect(dumpProject(ro.project)).toEqual(before)
    } finally {
      ro.project.close()
    }
  })

  it('an immutable project file (chattr +i): the write is refused, nothing is lost, and it works again once writable', async () => {
    expect(await createSpans(core.dispatch, 7)).toBe(7)
    core.project.close()
    const bytes = readFileSync(file)
    lock(file)
    const ro = reopen()
    try {
      const before = dumpProject(ro.project)
      for (const [method, args] of [
        ['createSpan', { docId: SEED, annotator: 'alice', start: 100, end: 104, label: 'PERSON' }],
        ['importFiles', { files: [{ name: 'x.txt', base64: Buffer.from('새 문서').toString('base64') }] }],
        ['undo', { annotator: 'alice' }]
      ] as const) {
        const r = refused(await ro.dispatch(method, args))
        expect(r?.code, method).toBe('storage')
        expect(r?.message, method).toMatch(/read-only/)
        expect(r?.details[0], method).toMatch(/^SQLITE_READONLY/)
      }
      expect(dumpProject(ro.project)).toEqual(before)
      expect(integrity(ro.project)).toBe('ok')
    } finally {
      ro.project.close()
    }
    expect(readFileSync(file).equals(bytes)).toBe(true)
    unlock(file)
    const rw = reopen()
    try {
      expect(rw.project.spans.layer(SEED, 'alice')).toHaveLength(7)
      expect((await rw.dispatch('createSpan', { docId: SEED, annotator: 'alice', start: 100, end: 104, label: 'PERSON' })).ok).toBe(true)
    } finally {
      rw.project.close()
    }
  })

  it('a read-only folder: the project cannot be opened (no room for its -wal file), and the error says so; the file is untouched', () => {
    core.project.close()
    const bytes = readFileSync(file)
    lock(core.dir)
    let error: unknown = null
    try {
      Project.open(file).close()
    } catch (err) {
      error = err
    }
    const told = storageError(error)
    expect(told?.code).toBe('storage')
    expect(told?.message).toMatch(/^Spanmark cannot open the project file for writing or create its -wal and -shm companion files beside it, so nothing was saved\. Check that the folder still exists and is writable/)
    unlock(core.dir)
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('a folder and file made read-only while the project is open: writes already go to the open WAL, and none is lost', async () => {
    expect(await createSpans(core.dispatch, 3)).toBe(3)
    lock(core.dir)
    lock(file)
    expect(await createSpans(core.dispatch, 4, 50)).toBe(4)
    core.project.close() // its checkpoint fails quietly; the changes stay in the -wal file
    unlock(file)
    unlock(core.dir)
    const again = reopen()
    try {
      expect(again.project.spans.layer(SEED, 'alice')).toHaveLength(7)
      expect(integrity(again.project)).toBe('ok')
    } finally {
      again.project.close()
    }
  })
})

describe('locked and damaged files', () => {
  it('locked by another program (SQLITE_BUSY): a clear message, nothing written, and it works once the lock is gone', async () => {
    expect(await createSpans(core.dispatch, 2)).toBe(2)
    core.project.db.pragma('busy_timeout = 50')
    const other = new Database(file)
    other.exec('BEGIN IMMEDIATE')
    try {
      const before = dumpProject(core.project)
      const r = refused(await core.dispatch('createSpan', { docId: SEED, annotator: 'alice', start: 100, end: 104, label: 'PERSON' }))
      expect(r?.code).toBe('storage')
      expect(r?.message).toMatch(/^The project file is locked by another program \(another Spanmark, a backup or sync tool\)/)
      expect(dumpProject(core.project)).toEqual(before)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect((await core.dispatch('createSpan', { docId: SEED, annotator: 'alice', start: 100, end: 104, label: 'PERSON' })).ok).toBe(true)
  })

  it('a page damaged while the project is open (SQLITE_CORRUPT): the message says the file is damaged and what to do', async () => {
    const root = core.project.db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").get()?.rootpage
    const pageSize = core.project.db.pragma('page_size', { simple: true }) as number
    core.project.close()
    expect(root).toBeGreaterThan(1)
    // Opening checks the file's health, so the damage comes after: a disk going bad under a running app.
    const damaged = reopen()
    try {
      const fd = openSync(file, 'r+')
      writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, ((root as number) - 1) * pageSize)
      closeSync(fd)
      damaged.project.db.pragma('shrink_memory') // drop the cached pages, so the next read sees the disk
      const r = refused(await damaged.dispatch('listDocuments', { annotator: 'alice' }))
      expect(r?.code).toBe('storage')
      expect(r?.message).toMatch(/^The project file is damaged.*restore it from a backup/)
      expect(r?.details[0]).toMatch(/^SQLITE_CORRUPT/)
      expect(damaged.logged).toHaveLength(1)
    } finally {
      damaged.project.close()
    }
  })
})
