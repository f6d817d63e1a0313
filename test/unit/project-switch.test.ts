import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Session } from '../../src/shared/api'
import type { Envelope } from '../../src/shared/errors'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { appRoot, seedsDir } from '../../src/main/paths'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { ProjectSession } from '../../src/main/services/project-session'
import { RecentProjects } from '../../src/main/services/recent-projects'
import { Project } from '../../src/main/store/project'
import { english, englishReply } from './helpers/english'

const SEEDS = seedsDir(appRoot(__dirname))

function ok<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.result as T
}

function documentsIn(file: string): number {
  const project = Project.open(file, { readonly: true })
  try {
    return project.documents.count()
  } finally {
    project.close()
  }
}

describe('switching projects at run time (ProjectSession)', () => {
  let dir: string
  let sessions: ProjectSession[]
  let chosen: string | null
  const start = (path: string): ProjectSession => {
    const session = new ProjectSession(openOrCreateProject(path, SEEDS), {
      prefs: new PrefsStore(join(dir, 'preferences.json')),
      recent: new RecentProjects(join(dir, 'recent-projects.json')),
      choose: () => Promise.resolve(chosen),
      backupTimer: false
    })
    sessions.push(session)
    return session
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanmark-switch-'))
    sessions = []
    chosen = null
  })
  afterEach(() => {
    for (const s of sessions) s.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('New, import, back through Recent: each call reaches the open project and both files stay intact', async () => {
    const a = join(dir, 'a.sqlite')
    const b = join(dir, 'b.sqlite')
    const session = start(a)
    expect(ok<Session>(await session.dispatch('getSession', {})).documentCount).toBe(5)

    expect(ok(await session.dispatch('switchProject', { how: 'new', path: b }))).toEqual({ switched: true, path: b })
    const fresh = ok<Session>(await session.dispatch('getSession', {}))
    expect(fresh).toMatchObject({ projectPath: b, projectName: 'b', documentCount: 0 })
    expect(fresh.labels.length).toBeGreaterThan(0) // default labels, no seeds
    const text = Buffer.from('새 프로젝트의 첫 문서입니다.\n').toString('base64')
    ok(await session.dispatch('importFiles', { files: [{ name: 'first.txt', base64: text }] }))

    const info = ok<{ recent: string[]; canSwitch: boolean }>(await session.dispatch('getProjectInfo', {}))
    expect(info).toMatchObject({ canSwitch: true, recent: [b, a] })
    ok(await session.dispatch('switchProject', { how: 'recent', path: a }))
    expect(ok<Session>(await session.dispatch('getSession', {})).documentCount).toBe(5)

    session.close()
    sessions = []
    expect(documentsIn(a)).toBe(5)
    expect(documentsIn(b)).toBe(1)
  })

  it('Open through the file dialog; a cancelled dialog changes nothing', async () => {
    const a = join(dir, 'a.sqlite')
    const other = join(dir, 'other.sqlite')
    Project.open(other).close()
    const session = start(a)
    chosen = null
    expect(ok(await session.dispatch('switchProject', { how: 'open' }))).toEqual({ switched: false, path: a })
    chosen = other
    expect(ok(await session.dispatch('switchProject', { how: 'open' }))).toEqual({ switched: true, path: other })
    expect(session.project.path).toBe(other)
  })

  it('a file that is not SQLite is refused with a clear message, left unchanged, and the current project stays open', async () => {
    const a = join(dir, 'a.sqlite')
    const notes = join(dir, 'notes.sqlite')
    writeFileSync(notes, '회의록 초안: 이건 데이터베이스가 아닙니다.\n')
    const before = readFileSync(notes)
    const session = start(a)
    const reply = await session.dispatch('switchProject', { how: 'open', path: notes })
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } })
    if (reply.ok) throw new Error('unreachable')
    expect(english(reply.error).message).toContain('notes.sqlite cannot be opened as a Spanmark project: it is not an SQLite database')
    expect(readFileSync(notes).equals(before)).toBe(true)
    expect(ok<Session>(await session.dispatch('getSession', {})).projectPath).toBe(a)
  })

  it("another program's SQLite database is refused before anything writes to it", async () => {
    const foreign = join(dir, 'browser-history.sqlite')
    const db = new Database(foreign)
    db.exec("CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('https://example.org')")
    db.close()
    const before = readFileSync(foreign)
    const session = start(join(dir, 'a.sqlite'))
    const reply = await session.dispatch('switchProject', { how: 'open', path: foreign })
    expect(englishReply(reply)).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('another program') } })
    expect(readFileSync(foreign).equals(before)).toBe(true)
  })

  it('New refuses an existing file; Open refuses a missing one; Recent only opens listed files', async () => {
    const a = join(dir, 'a.sqlite')
    const session = start(a)
    const other = join(dir, 'b.sqlite')
    Project.open(other).close()
    expect(await session.dispatch('switchProject', { how: 'new', path: other })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await session.dispatch('switchProject', { how: 'open', path: join(dir, 'gone.sqlite') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(await session.dispatch('switchProject', { how: 'recent', path: other })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(existsSync(join(dir, 'gone.sqlite'))).toBe(false)
  })

  it('web mode (no session) refuses switching and says how to open another project', async () => {
    const project = Project.open(join(dir, 'web.sqlite'))
    try {
      const dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(dir, 'p.json')) }))
      expect(ok(await dispatch('getProjectInfo', {}))).toMatchObject({ canSwitch: false, recent: [] })
      const reply = await dispatch('switchProject', { how: 'open', path: join(dir, 'x.sqlite') })
      expect(englishReply(reply)).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringContaining('spanmark serve --project') } })
      expect(existsSync(join(dir, 'x.sqlite'))).toBe(false)
    } finally {
      project.close()
    }
  })
})

describe('RecentProjects', () => {
  it('keeps the last 10, newest first, without duplicates, and drops files that are gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-recent-'))
    try {
      const files = Array.from({ length: 12 }, (_, i) => join(dir, `p${i}.sqlite`))
      for (const f of files) writeFileSync(f, '')
      const recent = new RecentProjects(join(dir, 'recent-projects.json'))
      for (const f of files) recent.add(f)
      recent.add(files[5] as string)
      const list = recent.list()
      expect(list).toHaveLength(10)
      expect(list[0]).toBe(files[5])
      expect(new Set(list).size).toBe(10)
      rmSync(files[11] as string)
      expect(recent.list()).not.toContain(files[11])
      expect(new RecentProjects(join(dir, 'missing.json')).list()).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
