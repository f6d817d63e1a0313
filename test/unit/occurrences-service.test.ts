import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MutationResult, OccurrencesResult } from '../../src/shared/api'
import { ChangeFeed } from '../../src/main/services/change-feed'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import type { LiveEvent } from '../../src/shared/live-events'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

const IDS = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512', '003_b69184515e3eb931', '004_2546148ec63b8380']
const seed = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8').replace(/^\uFEFF/, '')
const mentions = (id: string, needle = '올트먼') => seed(id).split(needle).length - 1
const cpSlice = (id: string, s: { start: number; end: number }) => [...seed(id)].slice(s.start, s.end).join('')
const cpRange = (id: string, needle: string) => {
  const text = seed(id)
  const i = text.indexOf(needle)
  const start = [...text.slice(0, i)].length
  return { start, end: start + [...needle].length }
}

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const call = <T,>(method: string, args: unknown): Promise<T> => core.call<T>(method, args)
async function refused(method: string, args: unknown): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(method, args)
  if (r.ok) throw new Error('expected a refusal')
  return english(r.error)
}
const find = (args: Record<string, unknown>) => call<OccurrencesResult>('findOccurrences', { annotator: 'alice', text: '올트먼', ...args })
const label = (r: OccurrencesResult, l = 'PERSON') =>
  call<MutationResult>('labelOccurrences', { annotator: 'alice', label: l, text: r.text, occurrences: r.hits.map(({ docId, start, end }) => ({ docId, start, end })) })
const aliceSpans = () => IDS.flatMap((id) => core.project.spans.layer(id, 'alice').map((s) => ({ ...s, text: cpSlice(id, s) })))

describe('findOccurrences', () => {
  it('finds every mention in one document, the open ones and the corpus, with context', async () => {
    const one = await find({ scope: 'document', docId: IDS[2] })
    expect(one.hits).toHaveLength(mentions(IDS[2]!))
    expect(one).toMatchObject({ documents: 1, searched: 1, more: false, alreadyLabelled: 0 })
    const first = one.hits[0]!
    expect(cpSlice(first.docId, first)).toBe('올트먼')
    expect(first.match).toBe('올트먼')
    expect(first.right.startsWith('의 광폭')).toBe(true)
    expect(first.title.length).toBeGreaterThan(0)

    const open = await find({ scope: 'open', docIds: [IDS[0], IDS[3]] })
    expect(open.hits).toHaveLength(mentions(IDS[0]!) + mentions(IDS[3]!))
    expect(new Set(open.hits.map((h) => h.docId))).toEqual(new Set([IDS[0], IDS[3]]))

    const corpus = await find({ scope: 'corpus' })
    expect(corpus.hits).toHaveLength(57)
    expect(corpus).toMatchObject({ documents: 5, searched: 5 })
    for (const h of corpus.hits) expect(cpSlice(h.docId, h)).toBe('올트먼')
  })

  it('leaves out mentions already labelled with the label (counted), and shows other labels', async () => {
    const r0 = cpRange(IDS[0]!, '올트먼')
    await call('createSpan', { docId: IDS[0], annotator: 'alice', ...r0, label: 'PERSON' })
    // "샘 올트먼" as ORGANISATION in 001 (wrong, but it shows as existing on the mention inside it)
    const sam = cpRange(IDS[1]!, '샘 올트먼')
    await call('createSpan', { docId: IDS[1], annotator: 'alice', ...sam, label: 'ORGANISATION' })
    const r = await find({ scope: 'corpus', label: 'PERSON' })
    expect(r.alreadyLabelled).toBe(1)
    expect(r.hits).toHaveLength(56)
    const inside = r.hits.filter((h) => h.existing !== null)
    expect(inside).toEqual([expect.objectContaining({ docId: IDS[1], existing: { ...sam, label: 'ORGANISATION' } })])
    // a mention inside a span of the same label (샘 올트먼 as PERSON) counts as labelled already
    await call('relabelSpan', { annotator: 'alice', spanId: core.project.spans.layer(IDS[1]!, 'alice')[0]!.id, label: 'PERSON' })
    expect(await find({ scope: 'corpus', label: 'PERSON' })).toMatchObject({ alreadyLabelled: 2, hits: expect.any(Array) })
    expect((await find({ scope: 'corpus', label: 'PERSON' })).hits.every((h) => h.existing === null)).toBe(true)
    // bob's layer is not alice's: nothing is labelled there
    expect((await call<OccurrencesResult>('findOccurrences', { annotator: 'bob', text: '올트먼', scope: 'corpus', label: 'PERSON' })).hits).toHaveLength(57)
  })

  it('refuses a missing document and an empty scope', async () => {
    expect(await refused('findOccurrences', { annotator: 'alice', text: '올트먼', scope: 'document', docId: 'nope' })).toMatchObject({ code: 'not_found' })
    expect((await refused('findOccurrences', { annotator: 'alice', text: '올트먼', scope: 'open', docIds: [] })).message).toMatch(/no open documents/)
    expect((await refused('findOccurrences', { annotator: 'alice', text: '  ', scope: 'corpus' })).message).toMatch(/no text to look for/)
  })
})

describe('labelOccurrences', () => {
  it('labels every hit as one undo step; one undo removes them all, redo puts them back', async () => {
    const r = await find({ scope: 'corpus', label: 'PERSON' })
    const done = await label(r)
    expect(english(done.description)).toBe('Label 57 occurrences of “올트먼” as Person in 5 documents')
    expect(done.changes).toHaveLength(57)
    expect(aliceSpans().map((s) => `${s.text}/${s.label}`)).toEqual(Array(57).fill('올트먼/PERSON'))
    // Found again: all counted as already labelled
    expect(await find({ scope: 'corpus', label: 'PERSON' })).toMatchObject({ hits: [], alreadyLabelled: 57 })
    const undone = await call<MutationResult>('undo', { annotator: 'alice' })
    expect(undone.changes).toHaveLength(57)
    expect(aliceSpans()).toEqual([])
    await call('redo', { annotator: 'alice' })
    expect(aliceSpans()).toHaveLength(57)
  })

  it('skips exact duplicates (already labelled, or listed twice)', async () => {
    const r = await find({ scope: 'document', docId: IDS[3] })
    const h = r.hits[0]!
    await call('createSpan', { docId: h.docId, annotator: 'alice', start: h.start, end: h.end, label: 'PERSON' })
    const occurrences = [...r.hits, r.hits[1]!].map(({ docId, start, end }) => ({ docId, start, end }))
    const done = await call<MutationResult>('labelOccurrences', { annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences })
    expect(done.changes).toHaveLength(r.hits.length - 1)
    expect(english(done.description)).toMatch(/\(2 already were\)$/)
    expect(core.project.spans.layer(IDS[3]!, 'alice')).toHaveLength(r.hits.length)
    const again = await call<MutationResult>('labelOccurrences', { annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences })
    expect(again).toMatchObject({ applied: false, changes: [] })
  })

  it('refuses all when one range no longer holds the text, and changes nothing', async () => {
    const r = await find({ scope: 'corpus' })
    const occurrences = r.hits.map(({ docId, start, end }) => ({ docId, start, end }))
    occurrences[10] = { ...occurrences[10]!, start: occurrences[10]!.start + 1, end: occurrences[10]!.end + 1 }
    const groupsBefore = core.project.db.prepare('SELECT COUNT(*) AS n FROM change_groups').get()
    const err = await refused('labelOccurrences', { annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences })
    expect(err.code).toBe('conflict')
    expect(err.message).toMatch(/^Occurrence \d+–\d+ in "\S+" holds “트먼.”, not “올트먼”; nothing was labelled\./)
    expect(aliceSpans()).toEqual([])
    expect(core.project.db.prepare('SELECT COUNT(*) AS n FROM change_groups').get()).toEqual(groupsBefore)
    // past the end, an unknown label, the gold layer: refused too
    const past = await refused('labelOccurrences', { annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences: [{ docId: IDS[0], start: 1e6, end: 1e6 + 3 }] })
    expect(past.message).toMatch(/past the end/)
    expect((await refused('labelOccurrences', { annotator: 'alice', label: 'NOPE', text: '올트먼', occurrences })).message).toMatch(/no label "NOPE"/)
    expect((await refused('labelOccurrences', { annotator: 'gold', label: 'PERSON', text: '올트먼', occurrences })).code).toBe('invalid_args')
    expect(aliceSpans()).toEqual([])
  })

  it('leaves out and refuses occurrences in regions marked as not article text', async () => {
    const r = await find({ scope: 'document', docId: IDS[4] })
    const h = r.hits[0]!
    core.project.db
      .prepare("INSERT INTO ignored_regions (doc_id, start, end, source, reason, created_by, created_at) VALUES (?, ?, ?, 'manual', '', 'alice', 'now')")
      .run(h.docId, h.start - 1, h.end + 1)
    const after = await find({ scope: 'document', docId: IDS[4] })
    expect(after.ignored).toBe(1)
    expect(after.hits).toHaveLength(r.hits.length - 1)
    const err = await refused('labelOccurrences', { annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences: [{ docId: h.docId, start: h.start, end: h.end }] })
    expect(err.message).toMatch(/not article text/)
  })

  it('is announced to other tabs', async () => {
    const feed = new ChangeFeed()
    const events: LiveEvent[] = []
    feed.subscribe((e) => events.push(e))
    const handlers = createApiHandlers({ project: core.project, prefs: core.prefs, annotator: 'alice', feed })
    const r = handlers.findOccurrences({ annotator: 'alice', text: '올트먼', scope: 'document', docId: IDS[0]! }) as OccurrencesResult
    await handlers.labelOccurrences({ annotator: 'alice', label: 'PERSON', text: '올트먼', occurrences: r.hits.map(({ docId, start, end }) => ({ docId, start, end })) })
    expect(events).toEqual([expect.objectContaining({ kind: 'spans', changes: expect.any(Array) })])
    expect((events[0] as { changes: unknown[] }).changes).toHaveLength(mentions(IDS[0]!))
  })
})
