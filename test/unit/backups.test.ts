import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupService } from '../../src/main/services/backup-service'
import { BACKUP_FILE_NAME } from '../../src/shared/api'
import { backupDir, listBackups, newestGoodBackup, takeSnapshot } from '../../src/main/store/backups'
import { DamagedProjectError } from '../../src/main/store/backups-health'
import { restoreProjectFile } from '../../src/main/store/backups-restore'
import { Project } from '../../src/main/store/project'
import { tempCore } from './helpers/core'
import { englishReply } from './helpers/english'

const SEED = '000_2f535eeb48f059c6'
type Core = ReturnType<typeof tempCore>
let core: Core

beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const file = (): string => core.project.path
async function call<T>(method: string, args: unknown): Promise<T> {
  const reply = await core.dispatch(method, args)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.result as T
}
const label = (start: number, end: number) =>
  call<{ changes: { spanId: number }[] }>('createSpan', { docId: SEED, annotator: 'alice', start, end, label: 'PERSON' })
const spansIn = (path: string): { start: number; end: number }[] => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT start, end FROM spans ORDER BY start').all() as { start: number; end: number }[]
  } finally {
    db.close()
  }
}
const CLOCK_START = Date.UTC(2026, 10, 23, 8, 0, 0)
/** A fake clock for the services: one second per call from CLOCK_START, whatever the real time. */
const clock = (startMs = CLOCK_START) => {
  let t = startMs
  return () => new Date((t += 1000))
}

describe('snapshots', () => {
  it('are single-file SQLite copies holding the same data, named by time and reason, verified before they count', async () => {
    await label(0, 2)
    await label(3, 5)
    const info = await takeSnapshot(core.project.db, file(), { reason: 'manual' })
    expect(info.file.startsWith(backupDir(file()))).toBe(true)
    expect(info.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-manual\.sqlite$/)
    // The API accepts exactly the names the store writes.
    expect(BACKUP_FILE_NAME.test(info.name)).toBe(true)
    expect(info).toMatchObject({ documents: 5, spans: 2, problem: null })
    // Rollback journal (header bytes 18-19 = 1): the file stands alone, with no -wal beside it.
    expect([...readFileSync(info.file).subarray(18, 20)]).toEqual([1, 1])
    expect(readdirSync(backupDir(file()))).toEqual([info.name])
    expect(spansIn(info.file)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 }
    ])
  })

  it('rotation keeps the newest N; a half-written .partial or a stray file never counts, and stale partials go', async () => {
    const service = new BackupService(core.project, { keep: 3, now: clock() })
    const names: string[] = []
    for (let i = 0; i < 5; i++) {
      await label(i * 3, i * 3 + 2)
      names.push((await service.snapshot('auto')).name)
    }
    expect(service.list().map((b) => b.name)).toEqual(names.slice(2).reverse())
    const dir = backupDir(file())
    const partial = join(dir, `${names[4]}.999.partial`)
    writeFileSync(partial, 'half a backup')
    writeFileSync(join(dir, 'notes.txt'), 'x')
    writeFileSync(join(dir, '2099-01-01T00-00-00.000Z-auto.sqlite.123.partial'), 'half')
    expect(service.list().map((b) => b.name)).toEqual(names.slice(2).reverse())
    expect(newestGoodBackup(file())?.name).toBe(names[4])
    // A partial older than an hour is from a crashed snapshot: the next snapshot removes it. "Older"
    // by the service's (fake) clock, so the test does not depend on the time of day it runs at.
    const old = new Date(CLOCK_START - 2 * 3_600_000)
    utimesSync(partial, old, old)
    await label(20, 22)
    await service.snapshot('manual')
    expect(existsSync(partial)).toBe(false)
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true)
    expect(service.list()).toHaveLength(3)
  })

  it('newestGoodBackup skips a damaged newest backup', async () => {
    const service = new BackupService(core.project, { now: clock() })
    const older = await service.snapshot('manual')
    await label(0, 2)
    const newer = await service.snapshot('manual')
    writeFileSync(newer.file, Buffer.alloc(8192, 7))
    expect(listBackups(file())[0]).toMatchObject({ name: newer.name, documents: null, problem: expect.stringMatching(/not a database/) })
    expect(newestGoodBackup(file())?.name).toBe(older.name)
  })

  it('the timer snapshots on open and then only after changes; reopening an unchanged project takes none', async () => {
    let tick: (() => void) | null = null
    const fakeSetInterval = ((fn: () => void) => {
      tick = fn
      return { unref() {} }
    }) as unknown as typeof setInterval
    const realSetInterval = globalThis.setInterval
    const realClearInterval = globalThis.clearInterval
    globalThis.setInterval = fakeSetInterval
    globalThis.clearInterval = (() => {}) as typeof clearInterval
    try {
      const service = new BackupService(core.project, { intervalMs: 1000, now: clock() })
      const first = await service.start()
      expect(first?.reason).toBe('open')
      const fire = async (): Promise<void> => {
        ;(tick as unknown as () => void)()
        await service.whenIdle()
      }
      await fire()
      await fire()
      expect(service.list().map((b) => b.reason)).toEqual(['open'])
      await label(0, 2)
      await fire()
      expect(service.list().map((b) => b.reason)).toEqual(['auto', 'open'])
      await fire()
      expect(service.list()).toHaveLength(2)
      // A layout change is not content: no snapshot for it.
      await call('saveLayout', { layout: { panes: [], sizes: [], active: 0 } })
      await fire()
      expect(service.list()).toHaveLength(2)
      service.stop()

      const again = new BackupService(core.project, { intervalMs: 1000, now: clock(Date.UTC(2026, 10, 24)) })
      expect(await again.start()).toBeNull()
      expect(again.list()).toHaveLength(2)
      again.stop()
    } finally {
      globalThis.setInterval = realSetInterval
      globalThis.clearInterval = realClearInterval
    }
  })
})

describe('importing in the running app', () => {
  it('backs the project up first, unless the newest backup already holds its state', async () => {
    await label(0, 2)
    const file1 = { name: 'new-1.txt', base64: Buffer.from('새 기사 본문').toString('base64') }
    await call('importFiles', { files: [file1] })
    const first = await call<{ backups: { reason: string; documents: number; spans: number }[] }>('listBackups', {})
    expect(first.backups).toMatchObject([{ reason: 'before-import', documents: 5, spans: 1 }])
    await call('backupNow', {})
    const file2 = { name: 'new-2.txt', base64: Buffer.from('또 다른 기사').toString('base64') }
    await call('importFiles', { files: [file2] })
    const second = await call<{ backups: { reason: string; documents: number }[] }>('listBackups', {})
    expect(second.backups.map((b) => [b.reason, b.documents])).toEqual([
      ['manual', 6],
      ['before-import', 5]
    ])
  })
})

describe('restoring in the running app', () => {
  it('brings back the backup’s spans through the live connection, keeps WAL, and saves the state it replaced', async () => {
    const created = await label(0, 2)
    const spanId = created.changes[0]?.spanId
    const backup = await call<{ name: string }>('backupNow', {})
    await call('deleteSpan', { annotator: 'alice', spanId })
    await label(6, 9)
    expect(await call('listSpans', { docId: SEED, annotator: 'alice' })).toMatchObject([{ start: 6, end: 9 }])

    const result = await call<{ restored: { name: string }; undo: { name: string; reason: string; spans: number } }>('restoreBackup', { name: backup.name })
    expect(result.restored.name).toBe(backup.name)
    expect(result.undo).toMatchObject({ reason: 'before-restore', spans: 1 })
    expect(spansIn(join(backupDir(file()), result.undo.name))).toEqual([{ start: 6, end: 9 }])
    expect(await call('listSpans', { docId: SEED, annotator: 'alice' })).toMatchObject([{ id: spanId, start: 0, end: 2 }])
    expect(core.project.db.pragma('journal_mode', { simple: true })).toBe('wal')

    // The restored project takes new edits, undo works on the restored history, and all of it is on disk.
    await label(10, 12)
    await call('undo', { annotator: 'alice' })
    await label(13, 15)
    const listed = await call<{ backups: { name: string }[] }>('listBackups', {})
    expect(listed.backups.map((b) => b.name)).toEqual([result.undo.name, backup.name])
    core.project.close()
    const reopened = Project.open(file())
    try {
      expect(reopened.spans.layer(SEED, 'alice').map((s) => [s.start, s.end])).toEqual([
        [0, 2],
        [13, 15]
      ])
      expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      reopened.close()
    }
  })

  it('refuses a name that is not a backup in the list, and a damaged backup, changing nothing', async () => {
    await label(0, 2)
    expect(await core.dispatch('restoreBackup', { name: '../p.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(await core.dispatch('restoreBackup', { name: '2026-01-01T00-00-00.000Z-auto.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    const backup = await call<{ name: string }>('backupNow', {})
    writeFileSync(join(backupDir(file()), backup.name), 'not a database at all, just text\n'.repeat(200))
    const reply = await core.dispatch('restoreBackup', { name: backup.name })
    expect(englishReply(reply)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/cannot be used.*not a database/s) } })
    expect(await call('listSpans', { docId: SEED, annotator: 'alice' })).toMatchObject([{ start: 0, end: 2 }])
  })
})

describe('opening a damaged project', () => {
  /** A closed project with two spans and one good backup of it; returns the backup's path. */
  async function projectWithBackup(): Promise<string> {
    await label(0, 2)
    await label(3, 5)
    const info = await takeSnapshot(core.project.db, file(), { reason: 'auto' })
    core.project.close()
    return info.file
  }

  const damage: Record<string, (path: string) => void> = {
    'random bytes': (path) => writeFileSync(path, Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 251))),
    'a text file': (path) => writeFileSync(path, '제목: 기사\n본문입니다.\n'.repeat(400)),
    'a truncated copy of a real project': (path) => {
      const copy = `${path}.copy`
      copyFileSync(path, copy)
      truncateSync(copy, Math.floor(statSync(copy).size / 2))
      copyFileSync(copy, path)
    }
  }

  for (const [kind, spoil] of Object.entries(damage)) {
    it(`${kind}: a message naming the file, SQLite's words and the newest backup; the file is not changed`, async () => {
      const backup = await projectWithBackup()
      spoil(file())
      const before = readFileSync(file())
      let error: unknown
      try {
        Project.open(file()).close()
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(DamagedProjectError)
      const message = (error as Error).message
      expect(message).toContain(`Cannot open the project ${file()}`)
      expect(message).toMatch(/SQLITE_(NOTADB|CORRUPT)|quick_check found/)
      expect(message).toContain(`The newest good backup is ${backup}`)
      expect(message).toMatch(/2 spans/)
      expect(message).toContain(`spanmark restore --project "${file()}" --latest`)
      expect(readFileSync(file()).equals(before)).toBe(true)
      expect(existsSync(`${file()}-wal`)).toBe(false)
      expect(existsSync(`${file()}-shm`)).toBe(false)

      // Restoring moves the damaged file aside byte for byte and brings the backup back.
      const result = await restoreProjectFile(file(), backup, true)
      expect(result.movedAside).toMatch(/p\.sqlite\.damaged-\d{4}-\d\d-\d\dT[\d.-]+Z$/)
      expect(readFileSync(result.movedAside as string).equals(before)).toBe(true)
      const restored = Project.open(file())
      try {
        expect(restored.spans.layer(SEED, 'alice').map((s) => [s.start, s.end])).toEqual([
          [0, 2],
          [3, 5]
        ])
        expect(restored.db.pragma('journal_mode', { simple: true })).toBe('wal')
      } finally {
        restored.close()
      }
    })
  }

  it('without a backup the message says so and how to restore a copy', () => {
    core.project.close()
    writeFileSync(file(), 'hello')
    expect(() => Project.open(file())).toThrow(/There is no good backup of it in .*p\.sqlite\.backups[\s\S]*--from COPY\.sqlite/)
    expect(readFileSync(file(), 'utf8')).toBe('hello')
  })

  it('an SQLite database that is not a Spanmark project is refused, not migrated', () => {
    const other = join(core.dir, 'other.db')
    const db = new Database(other)
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)')
    db.close()
    const before = readFileSync(other)
    expect(() => Project.open(other)).toThrow(/not a Spanmark project/)
    expect(readFileSync(other).equals(before)).toBe(true)
  })

  it('restoring over a healthy project moves it aside as .replaced-<time>, with its -wal', async () => {
    const backup = await projectWithBackup()
    const p = Project.open(file())
    p.write(() => p.db.prepare('DELETE FROM spans').run())
    p.close()
    // A -wal beside the file, as after a crash, must travel with it.
    writeFileSync(`${file()}-wal`, '')
    const result = await restoreProjectFile(file(), backup, false)
    expect(result).toMatchObject({ wasDamaged: false, movedAside: expect.stringMatching(/p\.sqlite\.replaced-/) })
    expect(existsSync(`${result.movedAside}-wal`)).toBe(true)
    expect(existsSync(`${file()}-wal`)).toBe(false)
    expect(spansIn(result.movedAside as string)).toEqual([])
    expect(spansIn(file())).toHaveLength(2)
  })
})
