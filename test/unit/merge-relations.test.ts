import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { importFiles } from '../../src/main/services/import-service'
import { mergeProject } from '../../src/main/services/merge-service'
import type { Project } from '../../src/main/store/project'
import { tempCore } from './helpers/core'
import { meetingsFixture } from './helpers/meetings-fixture'
import { utf8 } from './helpers/temp-project'

let mine: ReturnType<typeof tempCore>
let theirs: ReturnType<typeof tempCore>
const theirFile = () => join(theirs.dir, 'p.sqlite')

beforeEach(() => {
  mine = tempCore({ annotator: 'alice' })
  theirs = tempCore({ annotator: 'alice' })
  // "x" has different text in the two projects: it is not merged, so neither are its spans or links.
  importFiles(mine.project, [{ name: 'x.txt', bytes: utf8('우리 쪽 문서') }])
  importFiles(theirs.project, [{ name: 'x.txt', bytes: utf8('최태원 회장이 올트먼과 회동했다') }])
  meetingsFixture(theirs).linkSeeds()
  const f = meetingsFixture(theirs)
  const ins = (start: number, end: number, label: string) =>
    Number(theirs.project.db.prepare("INSERT INTO spans (doc_id, annotator, start, end, label) VALUES ('x', 'alice', ?, ?, ?)").run(start, end, label).lastInsertRowid)
  f.relate(ins(13, 15, 'MEETING'), ins(0, 3, 'PERSON'), 'participant')
})
afterEach(() => {
  mine.cleanup()
  theirs.cleanup()
})

/** Every link of a project by its ends' text offsets and labels (span ids differ between projects). */
function links(project: Project, docs?: (docId: string) => boolean): string[] {
  return [...project.relations.iterateEnds()]
    .filter((r) => !docs || docs(r.docId))
    .map((r) => `${r.docId} ${r.annotator} ${r.from.start}-${r.from.end}:${r.from.label} -${r.type}-> ${r.to.start}-${r.to.end}:${r.to.label}`)
    .sort()
}
const count = (project: Project, sql: string) => (project.db.prepare(sql).get() as { n: number }).n

describe('merge: relations', () => {
  it('copies the links of merged spans, leaves out those of documents not merged, and records them in one merge group', () => {
    const expected = links(theirs.project, (d) => d !== 'x')
    expect(expected).toHaveLength(13)
    expect(links(theirs.project)).toHaveLength(14) // the 14th is in "x"
    expect(links(mine.project)).toEqual([])

    const r = mergeProject(mine.project, theirFile())
    expect(r.relationsAdded).toBe(13)
    expect(r.conflicts).toEqual([expect.stringMatching(/^x: the text differs/)])
    expect(links(mine.project)).toEqual(expected)

    // Recorded as creations in one "merge" group that is on nobody's undo stack.
    const groups = mine.project.db.prepare("SELECT id, actor, description FROM change_groups WHERE kind = 'merge'").all() as { id: number; actor: string; description: string }[]
    // The description is stored as message data (issue 15).
    expect(groups).toEqual([{ id: expect.any(Number), actor: 'merge', description: JSON.stringify({ key: 'changes:mergeLinks', params: { from: theirFile() } }) }])
    const changes = mine.project.relations.changesOf(groups[0]!.id)
    expect(changes).toHaveLength(13)
    expect(changes.every((c) => c.before === null && c.after !== null && mine.project.relations.findIdentical(c.docId, c.annotator, c.after))).toBe(true)
    expect(count(mine.project, `SELECT COUNT(*) AS n FROM undo_stack WHERE group_id = ${groups[0]!.id}`)).toBe(0)
  })

  it('adds nothing when merged twice, and keeps links this project already had', () => {
    mergeProject(mine.project, theirFile())
    const once = links(mine.project)
    const changes = count(mine.project, 'SELECT COUNT(*) AS n FROM relation_changes')
    const again = mergeProject(mine.project, theirFile())
    expect(again.relationsAdded).toBe(0)
    expect(links(mine.project)).toEqual(once)
    expect(count(mine.project, 'SELECT COUNT(*) AS n FROM relation_changes')).toBe(changes)
    expect(count(mine.project, "SELECT COUNT(*) AS n FROM change_groups WHERE kind = 'merge'")).toBe(1)
  })

  it('the CLI and its output say how many links were added', async () => {
    const out: string[] = []
    const status = await runCli(['merge', '--project', join(mine.dir, 'p.sqlite'), '--from', theirFile()], { out: (l) => out.push(l), err: (l) => out.push(l) })
    expect(status).toBe(0)
    expect(out).toContain('  links between spans (meeting participants, dates, places): 13 added')
  })
})
