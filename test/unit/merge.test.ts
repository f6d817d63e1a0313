import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { importFiles } from '../../src/main/services/import-service'
import { mergeProject } from '../../src/main/services/merge-service'
import { storeRegion } from '../../src/main/services/regions-service'
import { ReviewService } from '../../src/main/services/review-service'
import { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { dumpProject } from './helpers/dump'
import { tempDir, utf8 } from './helpers/temp-project'

let dir: string
let cleanup: () => void
let mine: Project
let theirs: Project

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  mine = Project.open(join(dir, 'mine.sqlite'))
  theirs = Project.open(join(dir, 'theirs.sqlite'))
  const docs = [
    { name: 'shared.txt', bytes: utf8('😀 최태원 SK그룹 회장') },
    { name: 'differs.txt', bytes: utf8('mine') }
  ]
  importFiles(mine, docs)
  importFiles(theirs, [docs[0]!, { name: 'differs.txt', bytes: utf8('theirs') }, { name: 'only-theirs.txt', bytes: utf8('새 문서') }])
  const a = new AnnotationService(mine)
  a.createSpan({ docId: 'shared', annotator: 'minji', start: 2, end: 5, label: 'PERSON' })
  const b = new AnnotationService(theirs)
  b.createSpan({ docId: 'shared', annotator: 'junho', start: 2, end: 5, label: 'PERSON' })
  b.createSpan({ docId: 'shared', annotator: 'junho', start: 6, end: 10, label: 'ORGANISATION' })
  const deleted = b.createSpan({ docId: 'shared', annotator: 'junho', start: 0, end: 1, label: 'DATE' }).changes[0]!.spanId
  b.deleteSpan({ annotator: 'junho', spanId: deleted })
  b.createSpan({ docId: 'differs', annotator: 'junho', start: 0, end: 3, label: 'DATE' })
  b.createSpan({ docId: 'only-theirs', annotator: 'junho', start: 0, end: 1, label: 'DATE' })
  new ReviewService(theirs).accept({ reviewer: 'lead', docId: 'shared', state: { start: 6, end: 10, label: 'ORGANISATION' }, sources: ['junho'] })
  theirs.close()
})
afterEach(() => {
  mine.close()
  cleanup()
})

describe('merge', () => {
  it('copies layers, gold provenance, status and history of documents with identical text; reports the rest', () => {
    const r = mergeProject(mine, join(dir, 'theirs.sqlite'))
    expect(r).toMatchObject({ documentsMatched: 1, documentsAdded: 1, spansAdded: 4, spansByLayer: { junho: 3, gold: 1 } })
    expect(r.conflicts).toEqual([expect.stringMatching(/^differs: the text differs/)])
    expect(mine.spans.layer('shared', 'junho').map((s) => s.label)).toEqual(['PERSON', 'ORGANISATION'])
    expect(mine.spans.layer('shared', 'minji')).toHaveLength(1)
    expect(mine.spans.layer('differs', 'junho')).toEqual([])
    expect(mine.documents.text('differs')?.text).toBe('mine')
    expect(mine.documents.text('only-theirs')?.text).toBe('새 문서')
    const view = new ReviewService(mine).view('shared', ['minji', 'junho'])
    expect(view.status).toBe('in_review')
    expect(view.gold.map((g) => [g.label, g.sources, g.acceptedBy])).toEqual([['ORGANISATION', ['junho'], 'lead']])
    // their history (creates, the delete, the accept) for merged documents, not for "differs"
    expect(r.historyGroupsAdded).toBe(6)
    const kinds = mine.history.recent(6).map((g) => `${g.kind}:${g.actor}`)
    expect(kinds).toEqual(['accept:lead', 'create:junho', 'delete:junho', 'create:junho', 'create:junho', 'create:junho'])
    expect(mine.history.recent(20).some((g) => JSON.stringify(g.description).includes('0:3'))).toBe(false)
  })

  it('changes nothing when merged twice, or when their project merges ours back', () => {
    mergeProject(mine, join(dir, 'theirs.sqlite'))
    const once = dumpProject(mine)
    const again = mergeProject(mine, join(dir, 'theirs.sqlite'))
    expect(again).toMatchObject({ documentsAdded: 0, spansAdded: 0, historyGroupsAdded: 0 })
    expect(dumpProject(mine)).toEqual(once)
  })

  it('copies regions marked as not article text and rejected suggestions of merged documents, once', () => {
    const t = Project.open(join(dir, 'theirs.sqlite'))
    t.write(() => {
      storeRegion(t, 'shared', { start: 0, end: 2, source: 'manual', reason: 'emoji line' }, 'junho', 'now')
      storeRegion(t, 'only-theirs', { start: 0, end: 2, source: 'suggested', reason: 'menu' }, 'junho', 'now')
      storeRegion(t, 'differs', { start: 0, end: 2, source: 'manual', reason: 'x' }, 'junho', 'now')
      t.rejections.add({ docId: 'shared', annotator: 'junho', start: 6, end: 10, label: 'DATE' }, 'now')
    })
    t.close()
    // mine already has a region touching theirs on "shared": both stay as marked (issue 15: regions are not merged)
    mine.write(() => storeRegion(mine, 'shared', { start: 2, end: 3, source: 'manual', reason: 'mine' }, 'minji', 'now'))
    const r = mergeProject(mine, join(dir, 'theirs.sqlite'))
    expect(r.regionsAdded).toBe(2)
    expect(mine.regions.list('shared').map((g) => [g.start, g.end, g.source])).toEqual([[0, 2, 'manual'], [2, 3, 'manual']])
    expect(mine.regions.list('only-theirs').map((g) => [g.start, g.end, g.reason])).toEqual([[0, 2, 'menu']])
    expect(mine.regions.list('differs')).toEqual([])
    expect(mine.rejections.keys('shared', 'junho')).toEqual(new Set(['6:10:DATE']))
    const once = dumpProject(mine)
    expect(mergeProject(mine, join(dir, 'theirs.sqlite')).regionsAdded).toBe(0)
    expect(dumpProject(mine)).toEqual(once)
  })

  it('refuses a file that is not a project and leaves ours as it was', () => {
    const before = dumpProject(mine)
    expect(() => mergeProject(mine, join(dir, 'nope.sqlite'))).toThrow(ApiError)
    expect(dumpProject(mine)).toEqual(before)
  })

  it('works from the CLI, and adjudicate + export --annotator gold follow', async () => {
    mine.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    const p = join(dir, 'mine.sqlite')
    expect(await runCli(['merge', '--project', p, '--from', join(dir, 'theirs.sqlite')], io)).toBe(0)
    expect(out.join('\n')).toMatch(/documents: 1 matched, 1 added, 1 with different text[\s\S]*not merged: differs/)
    // the project was backed up first, so the merge can be taken back
    expect(out.join('\n')).toMatch(/Backed up .*mine\.sqlite before merging: .*-before-merge\.sqlite/)
    expect(readdirSync(`${p}.backups`).some((f) => f.endsWith('-before-merge.sqlite'))).toBe(true)
    expect(existsSync(p)).toBe(true)
    expect(await runCli(['adjudicate', '--project', p, '--annotators', 'minji,junho', '--reviewer', 'lead'], io)).toBe(0)
    expect(out.at(-1)).toMatch(/^Accepted 1 span\(s\) into gold on which at least 2 of minji, junho agree, in 3 document\(s\).*1 difference\(s\) remain/)
    expect(await runCli(['export', '--project', p, '--annotator', 'gold', '--out', join(dir, 'gold.jsonl')], io)).toBe(0)
    expect(await runCli(['adjudicate', '--project', p, '--annotators', 'minji', '--reviewer', 'lead'], io)).toBe(2)
    expect(await runCli(['adjudicate', '--project', p, '--annotators', 'minji,junho', '--reviewer', 'gold'], io)).toBe(2)
    mine = Project.open(p)
    expect(mine.spans.layer('shared', 'gold').map((s) => s.label)).toEqual(['PERSON', 'ORGANISATION'])
  })
})
