import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inspectDatabaseFile } from '../../src/main/store/backups-inspect'
import { Project } from '../../src/main/store/project'
import { sqliteHeaderProblem } from '../../src/main/store/sqlite-header'
import { tempDir } from './helpers/temp-project'

let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
})
afterEach(() => cleanup())

/** A real project with some pages, closed (checkpointed), so the header's page count is current. */
function realProject(name: string): string {
  const file = join(dir, name)
  const p = Project.open(file)
  p.write(() => {
    const text = '최태원 SK그룹 회장과 샘 올트먼 '.repeat(40)
    for (let i = 0; i < 200; i++) p.documents.insert({ id: `d${i}`, title: 't', text, length: [...text].length, meta: {} }, '2026-11-23T00:00:00.000Z')
  })
  p.close()
  return file
}

describe('the header check used when opening large projects', () => {
  it('passes a real project and finds a non-SQLite file, a damaged page size and a truncated copy', () => {
    const good = realProject('good.sqlite')
    expect(sqliteHeaderProblem(good)).toBeNull()

    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, '이것은 데이터베이스가 아닙니다\n'.repeat(20))
    expect(sqliteHeaderProblem(text)).toMatch(/not an SQLite database/)

    const tiny = join(dir, 'tiny.sqlite')
    writeFileSync(tiny, 'SQLite')
    expect(sqliteHeaderProblem(tiny)).toMatch(/not an SQLite database/)

    const cut = join(dir, 'cut.sqlite')
    copyFileSync(good, cut)
    truncateSync(cut, Math.floor(statSync(cut).size / 2))
    expect(sqliteHeaderProblem(cut)).toMatch(/^it is truncated \(\d+ bytes; its header says \d+ pages of \d+ bytes/)

    const badPage = join(dir, 'page.sqlite')
    copyFileSync(good, badPage)
    const bytes = readFileSync(badPage)
    bytes.writeUInt16BE(1000, 16)
    writeFileSync(badPage, bytes)
    expect(sqliteHeaderProblem(badPage)).toMatch(/page size 1000/)
  })

  it('headerOnly inspection reads the schema but not every page', () => {
    const good = realProject('good.sqlite')
    const r = inspectDatabaseFile(good, { headerOnly: true })
    expect(r.ok).toBe(true)
    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'x'.repeat(4096))
    const bad = inspectDatabaseFile(text, { headerOnly: true })
    expect(bad.ok).toBe(false)
  })
})
