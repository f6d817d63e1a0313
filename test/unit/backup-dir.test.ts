import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { runCli } from '../../src/main/cli/main'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupService } from '../../src/main/services/backup-service'
import { backupDir } from '../../src/main/store/backups'
import { Project } from '../../src/main/store/project'
import type { BackupLocation } from '../../src/shared/settings-schema'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

const SEED = '000_2f535eeb48f059c6'
type Core = ReturnType<typeof tempCore>
let core: Core

beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const location = () => core.call<BackupLocation>('getBackupLocation', {})
const backupsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.sqlite')) : [])
const label = (start: number, end: number) => core.call('createSpan', { docId: SEED, annotator: 'alice', start, end, label: 'PERSON' })
const settingRow = (): unknown => core.project.db.prepare("SELECT value FROM settings WHERE key = 'backupDir'").get()

describe('the backup folder setting', () => {
  it('defaults to the folder beside the project', async () => {
    const loc = await location()
    expect(loc).toMatchObject({ folder: backupDir(core.project.path), defaultFolder: backupDir(core.project.path), custom: false, unavailable: null, count: 0 })
    await core.call('backupNow', {})
    expect((await location()).count).toBe(1)
  })

  it('sends backups to the chosen folder: a backup at once, then every later one, and the list and restore read it', async () => {
    const chosen = join(core.dir, 'elsewhere')
    mkdirSync(chosen)
    const loc = await core.call<BackupLocation>('setBackupDir', { dir: chosen })
    expect(loc).toMatchObject({ folder: chosen, custom: true, unavailable: null, count: 1 })
    expect(backupsIn(chosen)).toHaveLength(1)

    await label(0, 2)
    const taken = await core.call<{ name: string }>('backupNow', {})
    expect(backupsIn(chosen)).toContain(taken.name)
    expect(backupsIn(backupDir(core.project.path))).toEqual([])
    const list = await core.call<{ folder: string; backups: { name: string }[] }>('listBackups', {})
    expect(list.folder).toBe(chosen)
    expect(list.backups.map((b) => b.name)).toContain(taken.name)

    // Restoring the backup taken before the span keeps the chosen folder (it is not content).
    const [first] = backupsIn(chosen).sort()
    await core.call('restoreBackup', { name: first })
    expect((await location()).folder).toBe(chosen)
    expect(backupsIn(backupDir(core.project.path))).toEqual([])
  })

  it('is kept in the project file: reopening it (another process, the CLI) backs up to the same folder', async () => {
    const chosen = join(core.dir, 'kept')
    mkdirSync(chosen)
    await core.call('setBackupDir', { dir: chosen })
    const path = core.project.path
    core.project.close()
    const again = Project.open(path)
    try {
      const service = new BackupService(again)
      expect(service.folder).toBe(chosen)
      await service.snapshot('manual')
      expect(backupsIn(chosen)).toHaveLength(2)
    } finally {
      again.close()
    }
  })

  it('refuses a folder that does not exist, a file, or a relative path, and changes nothing', async () => {
    const file = join(core.dir, 'not-a-folder.txt')
    writeFileSync(file, 'x')
    const before = await location()
    const cases: [string, string, RegExp][] = [
      [join(core.dir, 'missing', 'deeper'), 'rejected', /does not exist.*not changed/s],
      [file, 'rejected', /is a file, not a folder/],
      ['relative/backups', 'invalid_args', /not a full path/],
      ['   ', 'invalid_args', /full path of a folder/]
    ]
    for (const [dir, code, message] of cases) {
      const reply = await core.dispatch('setBackupDir', { dir })
      expect(reply.ok, dir).toBe(false)
      if (reply.ok) continue
      expect(reply.error.code, dir).toBe(code)
      expect(english(reply.error).message, dir).toMatch(message)
    }
    expect(await location()).toEqual(before)
    expect(settingRow()).toBeUndefined()
    expect(existsSync(join(core.dir, 'missing'))).toBe(false)
    expect(backupsIn(backupDir(core.project.path))).toEqual([])
  })

  it('refuses a folder it cannot write to, and keeps the folder chosen before', async () => {
    const good = join(core.dir, 'good')
    mkdirSync(good)
    await core.call('setBackupDir', { dir: good })
    // root may write anywhere chmod forbids; /proc takes no new files from anyone.
    const root = process.getuid?.() === 0
    const locked = root ? '/proc' : join(core.dir, 'locked')
    if (!root) {
      mkdirSync(locked)
      chmodSync(locked, 0o500)
    }
    try {
      const reply = await core.dispatch('setBackupDir', { dir: locked })
      expect(reply.ok).toBe(false)
      if (!reply.ok) expect(english(reply.error)).toMatchObject({ code: 'rejected', message: expect.stringMatching(/cannot write to \/.*not changed/) })
      expect((await location()).folder).toBe(good)
      expect(readdirSync(locked).some((n) => n.startsWith('.spanmark-write-test'))).toBe(false)
    } finally {
      if (!root) chmodSync(locked, 0o700)
    }
  })

  it('goes back to the default with null, and falls back to it (saying so) when the chosen folder is gone', async () => {
    const chosen = join(core.dir, 'removable')
    mkdirSync(chosen)
    await core.call('setBackupDir', { dir: chosen })
    rmSync(chosen, { recursive: true })
    const gone = await location()
    expect(gone).toMatchObject({ folder: backupDir(core.project.path), custom: false, unavailable: chosen })
    await core.call('backupNow', {})
    expect(backupsIn(backupDir(core.project.path))).toHaveLength(1)

    const reset = await core.call<BackupLocation>('setBackupDir', { dir: null })
    expect(reset).toMatchObject({ folder: backupDir(core.project.path), custom: false, unavailable: null })
    expect(settingRow()).toBeUndefined()
  })

  it('the spanmark backup, backups, import and restore commands use the chosen folder too', async () => {
    const chosen = join(core.dir, 'cli-folder')
    mkdirSync(chosen)
    await core.call('setBackupDir', { dir: chosen })
    await label(0, 2)
    const path = core.project.path
    core.project.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }

    // The span labelled since the folder was chosen is new: importing backs up first, into the chosen folder.
    writeFileSync(join(core.dir, 'more.jsonl'), JSON.stringify({ id: 'zz_more', text: '새 문서' }) + '\n')
    expect(await runCli(['import', '--project', path, join(core.dir, 'more.jsonl')], io)).toBe(0)
    expect(backupsIn(chosen).filter((n) => n.endsWith('-before-import.sqlite'))).toHaveLength(1)
    expect(await runCli(['backup', '--project', path], io)).toBe(0)
    expect(out.join('\n')).toContain(`kept in ${chosen}`)
    expect(backupsIn(chosen)).toHaveLength(3)
    out.length = 0
    expect(await runCli(['backups', '--project', path], io)).toBe(0)
    expect(out[0]).toBe(`Backups of ${path}, newest first (in ${chosen}):`)
    out.length = 0
    expect(await runCli(['restore', '--project', path, '--latest'], io)).toBe(0)
    expect(out.join('\n')).toContain(`from ${chosen}`)
    expect(backupsIn(backupDir(path))).toEqual([])
    core.project = Project.open(path)
  })
})
