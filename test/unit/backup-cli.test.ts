import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { tempDir } from './helpers/temp-project'

let dir: string
let cleanup: () => void
let out: string[]
let err: string[]
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  out = []
  err = []
})
afterEach(() => cleanup())

const p = (name: string): string => join(dir, name)
const backupsDir = (): string => `${p('x.sqlite')}.backups`
const doc = (id: string, spans: { start: number; end: number; label: string }[]) =>
  JSON.stringify({ id, text: '최태원 SK그룹 회장과 샘 올트먼 오픈AI CEO', meta: {}, spans }) + '\n'
const spanCount = (file: string): number => {
  const project = Project.open(file)
  try {
    return project.spans.layer('a', 'alice').length
  } finally {
    project.close()
  }
}

async function projectWithTwoSpans(): Promise<void> {
  writeFileSync(p('a.jsonl'), doc('a', [{ start: 0, end: 3, label: 'PERSON' }, { start: 4, end: 8, label: 'ORGANISATION' }]))
  expect(await runCli(['import', '--project', p('x.sqlite'), '--annotator', 'alice', p('a.jsonl')], io)).toBe(0)
}

describe('spanmark backup / backups / restore', () => {
  it('backup takes a snapshot and prints its path; backups lists it with counts; restore --latest brings it back', async () => {
    await projectWithTwoSpans()
    expect(await runCli(['backup', '--project', p('x.sqlite')], io)).toBe(0)
    const [name] = readdirSync(backupsDir())
    expect(name).toMatch(/-manual\.sqlite$/)
    expect(out.join('\n')).toContain(`(1 documents, 2 spans, `)
    expect(out.join('\n')).toContain(`to ${join(backupsDir(), name as string)}`)

    out = []
    expect(await runCli(['backups', '--project', p('x.sqlite')], io)).toBe(0)
    expect(out[0]).toBe(`Backups of ${p('x.sqlite')}, newest first (in ${backupsDir()}):`)
    expect(out[1]).toMatch(new RegExp(`^  ${name?.replace(/\./g, '\\.')}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC  manual\\s+[\\d.]+ KB  1 documents, 2 spans$`))
    out = []
    expect(await runCli(['backup', '--list', '--project', p('x.sqlite')], io)).toBe(0)
    expect(out[1]).toContain(name)

    // A change after the backup, then restore: the current file is moved aside, not overwritten.
    const project = Project.open(p('x.sqlite'))
    project.write(() => project.db.prepare('DELETE FROM spans').run())
    project.close()
    expect(spanCount(p('x.sqlite'))).toBe(0)
    out = []
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--latest'], io)).toBe(0)
    expect(spanCount(p('x.sqlite'))).toBe(2)
    const aside = readdirSync(dir).find((n) => n.startsWith('x.sqlite.replaced-'))
    expect(aside).toBeDefined()
    expect(out[0]).toBe(`The project file as it was is now ${p(aside as string)} (with its -wal/-shm files, if any); it was not changed.`)
    expect(out[1]).toMatch(/^Restored .*x\.sqlite from .*-manual\.sqlite \(taken .* UTC, 1 documents, 2 spans\)\.$/)
    expect(spanCount(p(aside as string))).toBe(0)
  })

  it('import into an existing project backs it up first (only when it changed since the newest backup)', async () => {
    await projectWithTwoSpans()
    expect(existsSync(backupsDir())).toBe(false)
    writeFileSync(p('b.jsonl'), doc('b', []))
    expect(await runCli(['import', '--project', p('x.sqlite'), p('b.jsonl')], io)).toBe(0)
    expect(readdirSync(backupsDir())).toEqual([expect.stringMatching(/-before-import\.sqlite$/)])
    await runCli(['backup', '--project', p('x.sqlite')], io)
    writeFileSync(p('c.jsonl'), doc('c', []))
    expect(await runCli(['import', '--project', p('x.sqlite'), p('c.jsonl')], io)).toBe(0)
    expect(readdirSync(backupsDir())).toHaveLength(2)
  })

  it('restore --from takes a backup by name or path; backup --out writes a snapshot where asked', async () => {
    await projectWithTwoSpans()
    expect(await runCli(['backup', '--project', p('x.sqlite'), '--out', p('copy.sqlite')], io)).toBe(0)
    expect(out.at(-1)).toMatch(new RegExp(`to ${p('copy.sqlite').replace(/\./g, '\\.')}$`))
    expect(existsSync(backupsDir())).toBe(false)
    expect(await runCli(['backup', '--project', p('x.sqlite'), '--out', p('x.sqlite')], io)).toBe(1)
    expect(err.at(-1)).toMatch(/cannot be written over the project itself/)

    const project = Project.open(p('x.sqlite'))
    project.write(() => project.db.prepare('DELETE FROM spans').run())
    project.close()
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--from', p('copy.sqlite')], io)).toBe(0)
    expect(spanCount(p('x.sqlite'))).toBe(2)

    await runCli(['backup', '--project', p('x.sqlite')], io)
    const [name] = readdirSync(backupsDir())
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--from', name as string], io)).toBe(0)
    expect(out.at(-1)).toContain(join(backupsDir(), name as string))
  })

  it('restore needs exactly one of --from and --latest, and refuses a damaged backup without touching the project', async () => {
    await projectWithTwoSpans()
    expect(await runCli(['restore', '--project', p('x.sqlite')], io)).toBe(2)
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--latest', '--from', 'a'], io)).toBe(2)
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--latest'], io)).toBe(1)
    expect(err.at(-1)).toMatch(/There is no good backup of .*x\.sqlite.*Nothing was changed\./)
    writeFileSync(p('bad.sqlite'), 'SQLite format 3\0'.padEnd(4096, 'x'))
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--from', p('bad.sqlite')], io)).toBe(1)
    expect(err.at(-1)).toMatch(/The backup .*bad\.sqlite cannot be used: .*Nothing was changed/)
    expect(readdirSync(dir).filter((n) => n.includes('.replaced-') || n.includes('.damaged-'))).toEqual([])
    expect(spanCount(p('x.sqlite'))).toBe(2)
  })

  it('a damaged project: every command says so with the newest backup; restore --latest moves it aside unchanged', async () => {
    await projectWithTwoSpans()
    expect(await runCli(['backup', '--project', p('x.sqlite')], io)).toBe(0)
    const damaged = Buffer.from('this is not a database, it is a note someone saved over the project\n'.repeat(50))
    writeFileSync(p('x.sqlite'), damaged)

    err = []
    expect(await runCli(['export', '--project', p('x.sqlite'), '--annotator', 'alice', '--out', p('o.jsonl')], io)).toBe(1)
    const message = err.join('\n')
    expect(message).toContain(`Cannot open the project ${p('x.sqlite')}: it is not a Spanmark project file`)
    expect(message).toContain('file is not a database (SQLITE_NOTADB)')
    expect(message).toMatch(/The newest good backup is .*-manual\.sqlite \(taken .* UTC, 1 documents, 2 spans\)/)
    expect(message).toContain(`spanmark restore --project "${p('x.sqlite')}" --latest`)
    expect(await runCli(['import', '--project', p('x.sqlite'), p('a.jsonl')], io)).toBe(1)
    expect(readFileSync(p('x.sqlite')).equals(damaged)).toBe(true)

    out = []
    expect(await runCli(['restore', '--project', p('x.sqlite'), '--latest'], io)).toBe(0)
    const aside = readdirSync(dir).find((n) => n.startsWith('x.sqlite.damaged-'))
    expect(out[0]).toBe(`The damaged project file was moved, unchanged, to ${p(aside as string)} (with its -wal/-shm files, if any).`)
    expect(readFileSync(p(aside as string)).equals(damaged)).toBe(true)
    expect(spanCount(p('x.sqlite'))).toBe(2)
    expect(basename(p('x.sqlite'))).toBe('x.sqlite')
  })

  it('the usage lists the backup commands', async () => {
    expect(await runCli(['--help'], io)).toBe(0)
    expect(out.join('\n')).toMatch(/backup +--project FILE\.sqlite[\s\S]*backups +--project[\s\S]*restore +--project FILE\.sqlite \(--from BACKUP \| --latest\)/)
  })
})
