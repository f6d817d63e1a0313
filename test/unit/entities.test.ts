import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { announceChanges, ChangeFeed } from '../../src/main/services/change-feed'
import { EntitiesService } from '../../src/main/services/entities-service'
import { importFiles } from '../../src/main/services/import-service'
import { mergeProject } from '../../src/main/services/merge-service'
import { Project } from '../../src/main/store/project'
import { matchEntities } from '../../src/renderer/state/entities'
import { ApiError } from '../../src/shared/errors'
import { tempDir, utf8 } from './helpers/temp-project'
import { english } from './helpers/english'

// Two articles about the same person: "샘 올트먼" in one, "올트먼" in the other.
const A = '최태원 회장과 샘 올트먼 CEO가 만났다.'
const B = '올트먼은 서울을 떠났다. 올트먼은 다시 온다.'

let dir: string
let cleanup: () => void
let project: Project
let spans: AnnotationService
let entities: EntitiesService

const span = (docId: string, annotator: string, start: number, end: number, label = 'PERSON'): number =>
  spans.createSpan({ docId, annotator, start, end, label }).changes[0]!.spanId

/** What a refused call threw: its code and message. */
function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn()
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, message: err.message }
    throw err
  }
  throw new Error('the call was not refused')
}

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  project = Project.open(join(dir, 'p.sqlite'))
  importFiles(project, [
    { name: 'a.txt', bytes: utf8(A) },
    { name: 'b.txt', bytes: utf8(B) }
  ])
  spans = new AnnotationService(project)
  entities = new EntitiesService(project)
})
afterEach(() => {
  project.close()
  cleanup()
})

describe('entities', () => {
  it('creates an entity once per name and type; the name is trimmed and checked', () => {
    const first = entities.create({ annotator: 'minji', name: '  Sam   Altman ', type: 'PERSON' })
    expect(first).toMatchObject({ created: true, entity: { name: 'Sam Altman', type: 'PERSON', createdBy: 'minji' } })
    const again = entities.create({ annotator: 'junho', name: 'Sam Altman', type: 'PERSON' })
    expect(again).toMatchObject({ created: false, entity: { id: first.entity.id, createdBy: 'minji' } })
    // Same name, another type: another entity.
    expect(entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'ORGANISATION' }).entity.id).not.toBe(first.entity.id)
    expect(refusal(() => entities.create({ annotator: 'minji', name: '   ', type: 'PERSON' }))).toMatchObject({ code: 'invalid_args' })
    expect(refusal(() => entities.create({ annotator: 'minji', name: 'x'.repeat(201), type: 'PERSON' })).message).toMatch(/longer than 200/)
    expect(entities.create({ annotator: 'minji', name: '가'.repeat(200), type: 'PERSON' }).created).toBe(true)
    expect(refusal(() => entities.create({ annotator: 'minji', name: 'X', type: 'NOPE' })).message).toMatch(/no label "NOPE"/)
  })

  it('links, relinks and unlinks spans of the caller\'s layer; mentions are counted across documents', () => {
    const altman = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const other = entities.create({ annotator: 'minji', name: 'Someone', type: 'PERSON' }).entity
    const a = span('a', 'minji', 8, 13) // 샘 올트먼
    const b1 = span('b', 'minji', 0, 3) // 올트먼
    const b2 = span('b', 'minji', 14, 17) // 올트먼
    entities.link({ annotator: 'minji', entityId: other.id, spanIds: [b2] })
    const r = entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [a, b1, b2] })
    expect(english(r.description)).toBe('Link 3 mentions to Sam Altman (1 moved from another entity)')

    const list = entities.list()
    expect(list.map((e) => [e.name, e.mentions, e.documents.map((d) => [d.docId, d.mentions]), e.aliases])).toEqual([
      ['Sam Altman', 3, [['a', 1], ['b', 2]], ['올트먼', '샘 올트먼']],
      ['Someone', 0, [], []]
    ])
    expect(entities.list({ query: 'sam' }).map((e) => e.name)).toEqual(['Sam Altman'])
    expect(entities.list({ type: 'ORGANISATION' })).toEqual([])

    const got = entities.get(altman.id)
    expect(got.mentions.map((m) => [m.docId, m.text, m.start, m.end, m.annotator])).toEqual([
      ['a', '샘 올트먼', 8, 13, 'minji'],
      ['b', '올트먼', 0, 3, 'minji'],
      ['b', '올트먼', 14, 17, 'minji']
    ])
    expect(got.mentions[0]).toMatchObject({ left: '최태원 회장과 ', right: ' CEO가 만났다.' })
    expect(entities.ofDocument('b').map((l) => [l.spanId, l.name])).toEqual([
      [b1, 'Sam Altman'],
      [b2, 'Sam Altman']
    ])

    expect(english(entities.unlink({ annotator: 'minji', spanId: b2 }).description)).toBe('Unlink a mention from Sam Altman')
    expect(entities.get(altman.id).mentions).toHaveLength(2)
    expect(refusal(() => entities.unlink({ annotator: 'minji', spanId: b2 }))).toMatchObject({ code: 'not_found' })
  })

  it('refuses spans of another layer, missing spans and spans of another label, and links none of them', () => {
    const altman = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const mine = span('a', 'minji', 8, 13)
    const theirs = span('b', 'junho', 0, 3)
    const place = span('b', 'minji', 5, 7, 'ORGANISATION')
    expect(refusal(() => entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [mine, theirs] }))).toMatchObject({
      code: 'rejected',
      message: expect.stringContaining("junho's layer")
    })
    expect(refusal(() => entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [mine, 9999] }))).toMatchObject({ code: 'not_found' })
    expect(refusal(() => entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [place] })).message).toMatch(/labelled ORGANISATION/)
    expect(refusal(() => entities.link({ annotator: 'minji', entityId: 4242, spanIds: [mine] }))).toMatchObject({ code: 'not_found' })
    // All or nothing: the good span of a refused call is not linked.
    expect(entities.get(altman.id).mentions).toEqual([])
  })

  it('counts only live spans: a deleted span is no mention, and comes back with its link on undo', () => {
    const altman = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const a = span('a', 'minji', 8, 13)
    const b = span('b', 'minji', 0, 3)
    entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [a, b] })
    spans.deleteSpan({ annotator: 'minji', spanId: b })
    expect(entities.list()[0]).toMatchObject({ mentions: 1, documents: [{ docId: 'a', mentions: 1 }] })
    expect(entities.ofDocument('b')).toEqual([])
    spans.undo({ annotator: 'minji' })
    expect(entities.get(altman.id).mentions.map((m) => m.spanId)).toEqual([a, b])
  })

  it('reads the texts an entity is mentioned by in code points, after emoji and astral Hanja', () => {
    importFiles(project, [{ name: 'c.txt', bytes: utf8('😀𠀀 올트먼 회장') }])
    const altman = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [span('c', 'minji', 3, 6)] })
    expect(entities.list()[0]!.aliases).toEqual(['올트먼'])
    expect(entities.get(altman.id).mentions[0]).toMatchObject({ text: '올트먼', left: '😀𠀀 ', right: ' 회장' })
  })

  it('renames (refusing a name another entity has) and merges entities of one type', () => {
    const sam = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const altman = entities.create({ annotator: 'minji', name: '올트먼', type: 'PERSON' }).entity
    const openai = entities.create({ annotator: 'minji', name: 'OpenAI', type: 'ORGANISATION' }).entity
    entities.link({ annotator: 'minji', entityId: sam.id, spanIds: [span('a', 'minji', 8, 13)] })
    entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [span('b', 'minji', 0, 3), span('b', 'minji', 14, 17)] })
    expect(refusal(() => entities.rename({ annotator: 'minji', id: altman.id, name: 'Sam Altman' }))).toMatchObject({ code: 'conflict' })
    expect(entities.rename({ annotator: 'minji', id: altman.id, name: '샘 올트먼' }).entity.name).toBe('샘 올트먼')
    expect(refusal(() => entities.merge({ annotator: 'minji', into: sam.id, from: openai.id })).message).toMatch(/same type/)
    expect(refusal(() => entities.merge({ annotator: 'minji', into: sam.id, from: sam.id }))).toMatchObject({ code: 'invalid_args' })
    const merged = entities.merge({ annotator: 'minji', into: sam.id, from: altman.id })
    expect(merged).toMatchObject({ moved: 2, entity: { id: sam.id } })
    expect(entities.list({ type: 'PERSON' }).map((e) => [e.name, e.mentions])).toEqual([['Sam Altman', 3]])
  })

  it('goes through the API: the contract validates, and links are announced', async () => {
    const { tempCore } = await import('./helpers/core')
    const core = tempCore({ seeds: false })
    try {
      const bad = await core.dispatch('createEntity', { annotator: 'minji', name: '', type: 'PERSON' })
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
      const made = await core.call<{ entity: { id: number } }>('createEntity', { annotator: 'minji', name: 'Sam Altman', type: 'PERSON' })
      const list = await core.call<{ name: string; mentions: number }[]>('listEntities', {})
      expect(list).toMatchObject([{ id: made.entity.id, name: 'Sam Altman', mentions: 0, documents: [] }])
      // The app's export offers entities.jsonl beside the canonical file (not beside doccano's).
      const exported = await core.call<{ fileName: string; entities?: { fileName: string; content: string } }>('exportJsonl', { annotator: 'minji' })
      expect(exported.entities).toEqual({ fileName: exported.fileName.replace(/\.jsonl$/, '.entities.jsonl'), content: `{"id":${made.entity.id},"name":"Sam Altman","type":"PERSON","mentions":0}\n`, count: 1 })
      expect((await core.call<{ entities?: unknown }>('exportJsonl', { annotator: 'minji', format: 'doccano' })).entities).toBeUndefined()
    } finally {
      core.cleanup()
    }
  })

  it('announces entity changes to other tabs once committed, and not a createEntity that found an existing one', async () => {
    const feed = new ChangeFeed(() => undefined)
    const events: string[] = []
    feed.subscribe((e) => events.push(`${e.kind}: ${'description' in e ? english(e.description) : ''}`))
    const { tempCore } = await import('./helpers/core')
    const core = tempCore({ seeds: false })
    try {
      const handlers = announceChanges(feed, createApiHandlers({ project: core.project, prefs: core.prefs }))
      importFiles(core.project, [{ name: 'a.txt', bytes: utf8(A) }])
      const spanId = new AnnotationService(core.project).createSpan({ docId: 'a', annotator: 'minji', start: 8, end: 13, label: 'PERSON' }).changes[0]!.spanId
      const { entity } = await handlers.createEntity({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' })
      await handlers.createEntity({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' })
      await handlers.linkSpans({ annotator: 'minji', entityId: entity.id, spanIds: [spanId] })
      await handlers.unlinkSpan({ annotator: 'minji', spanId })
      expect(events).toEqual(['documents: Create entity Sam Altman (PERSON)', 'documents: Link 1 mention to Sam Altman', 'documents: Unlink a mention from Sam Altman'])
    } finally {
      core.cleanup()
    }
  })
})

describe('export and merge carry entities', () => {
  it('the canonical export carries entity_id, and the CLI writes entities.jsonl beside it', async () => {
    const altman = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const linked = span('a', 'minji', 8, 13)
    span('a', 'minji', 0, 3) // 최태원, not linked
    entities.link({ annotator: 'minji', entityId: altman.id, spanIds: [linked] })
    project.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    expect(await runCli(['export', '--project', join(dir, 'p.sqlite'), '--annotator', 'minji', '--out', join(dir, 'out.jsonl')], io)).toBe(0)
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; spans: Record<string, unknown>[] })
    const a = lines.find((l) => l.id === 'a')!
    expect(a.spans.map((s) => [s['text'], s['entity_id']])).toEqual([
      ['최태원', undefined],
      ['샘 올트먼', altman.id]
    ])
    expect(readFileSync(join(dir, 'out.entities.jsonl'), 'utf8')).toBe(`{"id":${altman.id},"name":"Sam Altman","type":"PERSON","mentions":1}\n`)
    expect(out.join('\n')).toMatch(/Wrote 1 entity .*out\.entities\.jsonl/)
    project = Project.open(join(dir, 'p.sqlite'))
  })

  it('merging projects keeps entities (matched by name and type), copies links and reports a span linked differently', () => {
    const sam = entities.create({ annotator: 'minji', name: 'Sam Altman', type: 'PERSON' }).entity
    const a = span('a', 'minji', 8, 13)
    entities.link({ annotator: 'minji', entityId: sam.id, spanIds: [a] })

    const theirs = Project.open(join(dir, 'theirs.sqlite'))
    importFiles(theirs, [
      { name: 'a.txt', bytes: utf8(A) },
      { name: 'b.txt', bytes: utf8(B) }
    ])
    const ts = new AnnotationService(theirs)
    const te = new EntitiesService(theirs)
    // They call the same person by the same name (matched), and have one entity we don't.
    te.create({ annotator: 'junho', name: 'Filler', type: 'ORGANISATION' })
    const theirSam = te.create({ annotator: 'junho', name: 'Sam Altman', type: 'PERSON' }).entity
    const theirOther = te.create({ annotator: 'junho', name: 'Another Altman', type: 'PERSON' }).entity
    // The same minji span (same document, layer, offsets, label) linked to another entity there: a conflict.
    const sameSpan = ts.createSpan({ docId: 'a', annotator: 'minji', start: 8, end: 13, label: 'PERSON' }).changes[0]!.spanId
    te.link({ annotator: 'minji', entityId: theirOther.id, spanIds: [sameSpan] })
    const junhoSpan = ts.createSpan({ docId: 'b', annotator: 'junho', start: 0, end: 3, label: 'PERSON' }).changes[0]!.spanId
    te.link({ annotator: 'junho', entityId: theirSam.id, spanIds: [junhoSpan] })
    theirs.close()

    const r = mergeProject(project, join(dir, 'theirs.sqlite'))
    expect(r).toMatchObject({ entitiesAdded: 2, entityLinksAdded: 1 })
    expect(r.entityConflicts).toEqual(['a [8, 13) PERSON of minji: linked to Sam Altman here and to Another Altman in the merged project; kept Sam Altman'])
    const list = entities.list({ type: 'PERSON' })
    expect(list.map((e) => [e.name, e.mentions, e.documents.map((d) => d.docId)])).toEqual([
      ['Another Altman', 0, []],
      ['Sam Altman', 2, ['a', 'b']]
    ])
    // Merging again adds nothing and reports the same conflict.
    const again = mergeProject(project, join(dir, 'theirs.sqlite'))
    expect(again).toMatchObject({ entitiesAdded: 0, entityLinksAdded: 0, entityConflicts: r.entityConflicts })
  })
})

describe('the type-ahead', () => {
  it('lists entities of the span\'s type whose name contains the typed text: exact, then prefix, then more mentions', () => {
    const e = (id: number, name: string, type: string, mentions: number, aliases: string[] = []) => ({ id, name, type, mentions, createdBy: 'x', createdAt: '', documents: [], aliases })
    const all = [e(1, 'Sam Altman', 'PERSON', 1, ['샘 올트먼']), e(2, 'Altman', 'PERSON', 0), e(3, 'Sam Altmann', 'PERSON', 5, ['올트먼']), e(4, 'Altman Inc', 'ORGANISATION', 9)]
    expect(matchEntities(all, 'PERSON', ' altman').map((x) => x.id)).toEqual([2, 3, 1])
    expect(matchEntities(all, 'PERSON', 'SAM').map((x) => x.id)).toEqual([3, 1])
    expect(matchEntities(all, 'PERSON', '').map((x) => x.id)).toEqual([3, 1, 2])
    expect(matchEntities(all, 'DATE', 'altman')).toEqual([])
    // A mention's text counts: 올트먼 finds both, the one mentioned exactly so first.
    expect(matchEntities(all, 'PERSON', '올트먼').map((x) => x.id)).toEqual([3, 1])
    expect(matchEntities(all, 'PERSON', '샘  올트먼').map((x) => x.id)).toEqual([1])
  })
})
