import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/store/migrations'
import { Project } from '../../src/main/store/project'
import { DEFAULT_LABELS } from '../../src/shared/labels'
import { tempProject } from './helpers/temp-project'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe('project store', () => {
  it('creates a WAL database with foreign keys, the schema version and the default labels', () => {
    const t = tempProject()
    cleanup = t.cleanup
    const { db } = t.project
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(t.project.labels.list()).toEqual(DEFAULT_LABELS)
  })

  it('keeps documents and spans across reopening the file', () => {
    const t = tempProject()
    cleanup = t.cleanup
    t.project.write(() => {
      t.project.documents.insert({ id: 'd1', title: 'T', text: 'a\r\nb', meta: { k: 1 }, length: 4 }, 'now')
      t.project.spans.insert({ docId: 'd1', annotator: 'alice', start: 0, end: 1, label: 'PERSON' })
    })
    t.project.close()
    const again = Project.open(t.file)
    expect(again.documents.get('d1')).toEqual({ id: 'd1', title: 'T', text: 'a\r\nb', meta: { k: 1 }, length: 4 })
    expect(again.spans.layer('d1', 'alice')).toHaveLength(1)
    expect(again.labels.list()).toHaveLength(DEFAULT_LABELS.length)
    again.close()
  })

  it('reads whole layers in one pass, grouped by document and layer, each group ordered like layer()', () => {
    const t = tempProject()
    cleanup = t.cleanup
    const { project } = t
    project.write(() => {
      for (const id of ['b', 'a', 'c']) project.documents.insert({ id, title: id, text: 'x'.repeat(50), meta: {}, length: 50 }, 'now')
      const add = (docId: string, annotator: string, start: number, end: number, label: string) => project.spans.insert({ docId, annotator, start, end, label })
      add('b', 'bob', 5, 9, 'DATE')
      add('b', 'alice', 10, 12, 'MEETING')
      add('b', 'alice', 0, 3, 'ORGANISATION')
      add('b', 'alice', 0, 3, 'PERSON')
      add('a', 'alice', 1, 2, 'PERSON')
      add('c', 'carol', 0, 1, 'PERSON')
    })
    const groups = [...project.spans.iterateLayers(['alice', 'bob'])]
    expect(groups.map((g) => [g.docId, g.annotator])).toEqual([
      ['a', 'alice'],
      ['b', 'alice'],
      ['b', 'bob']
    ])
    for (const g of groups) {
      expect(g.spans).toEqual(project.spans.layer(g.docId, g.annotator).map(({ start, end, label }) => ({ start, end, label })))
    }
    expect([...project.spans.iterateLayers([])]).toEqual([])
  })

  it('refuses spans on unknown labels or documents, and empty spans (constraints)', () => {
    const t = tempProject()
    cleanup = t.cleanup
    t.project.write(() => t.project.documents.insert({ id: 'd1', title: 'T', text: 'abc', meta: {}, length: 3 }, 'now'))
    expect(() => t.project.spans.insert({ docId: 'd1', annotator: 'a', start: 0, end: 1, label: 'NOPE' })).toThrow(/FOREIGN KEY/)
    expect(() => t.project.spans.insert({ docId: 'zz', annotator: 'a', start: 0, end: 1, label: 'PERSON' })).toThrow(/FOREIGN KEY/)
    expect(() => t.project.spans.insert({ docId: 'd1', annotator: 'a', start: 2, end: 2, label: 'PERSON' })).toThrow(/CHECK/)
  })

  it('keeps the change history append-only', () => {
    const t = tempProject()
    cleanup = t.cleanup
    const id = t.project.history.openGroup({ at: 'now', actor: 'a', kind: 'create', description: { key: 'changes:legacy', params: { text: 'x' } }, reverts: null })
    expect(() => t.project.db.prepare('UPDATE change_groups SET actor = ? WHERE id = ?').run('b', id)).toThrow(/append-only/)
    expect(() => t.project.db.prepare('DELETE FROM change_groups').run()).toThrow(/append-only/)
  })

  it('refuses a project written by a newer schema with a clear message, leaving the file alone', () => {
    const t = tempProject()
    cleanup = t.cleanup
    t.project.close()
    const raw = new Database(t.file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    raw.close()
    expect(() => Project.open(t.file)).toThrow(/newer Spanmark/)
  })
})
