import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCore } from './helpers/core'

/**
 * Issue 15, undo: the three reported defects, through the API handlers on a real project.
 * Each test checks state only (what is stored), so it ran unchanged against the code before the fix.
 */
const D0 = '000_2f535eeb48f059c6'
const D2 = '002_350a00930be01512'
const seedText = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')
const at = (id: string, needle: string) => {
  const text = seedText(id)
  const i = text.indexOf(needle)
  if (i < 0) throw new Error(needle)
  const start = [...text.slice(0, i)].length
  return { start, end: start + [...needle].length }
}

interface Mutation {
  applied: boolean
  changes: unknown[]
}
interface Region {
  id: number
  start: number
  end: number
  source: string
}

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const spans = (docId: string) => core.project.spans.layer(docId, 'alice').map((s) => `${s.start}-${s.end}:${s.label}`)

describe('undo (issue 15 defects)', () => {
  it('Ctrl+Z after rejecting a suggestion undoes the rejection, not an older accept-all in another document', async () => {
    // Accept-all in D2 (the "other pane"), then reject a suggestion in D0.
    await core.call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '올트먼'), label: 'PERSON' })
    const accepted = await core.call<Mutation>('acceptSuggestions', { annotator: 'alice', docId: D2, label: 'PERSON' })
    expect(accepted.changes.length).toBeGreaterThan(1)
    const inD2 = spans(D2)
    // 올트먼 occurs again in D0: a suggestion there, which the user rejects.
    const [s] = await core.call<{ start: number; end: number; label: string }[]>('listSuggestions', { docId: D0, annotator: 'alice' })
    expect(s).toBeDefined()
    await core.call('rejectSuggestion', { annotator: 'alice', docId: D0, start: s!.start, end: s!.end, label: s!.label })
    expect(core.project.rejections.keys(D0, 'alice').size).toBe(1)

    await core.call('undo', { annotator: 'alice' })
    expect(core.project.rejections.keys(D0, 'alice').size).toBe(0)
    expect(spans(D2)).toEqual(inD2)
  })

  it('Ctrl+Z after unmarking a region marks it again, and undoes nothing older', async () => {
    await core.call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '최태원'), label: 'PERSON' })
    const marked = await core.call<{ regions: Region[] }>('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 0, end: 5, source: 'manual' }] })
    await core.call('removeRegion', { annotator: 'alice', id: marked.regions[0]!.id })
    expect(core.project.regions.list(D0)).toEqual([])

    await core.call('undo', { annotator: 'alice' })
    expect(core.project.regions.list(D0).map((r) => [r.start, r.end])).toEqual([[0, 5]])
    expect(spans(D0)).toHaveLength(1)
  })

  it('unmarking a region marked by hand leaves a detected region it overlapped marked', async () => {
    const detected = { start: 10, end: 30 }
    await core.call('addRegions', { annotator: 'alice', docId: D0, regions: [{ ...detected, reason: 'menu', source: 'suggested' }] })
    const mine = await core.call<{ regions: Region[] }>('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 25, end: 40, source: 'manual' }] })
    const handMarked = mine.regions.find((r) => r.source === 'manual')!
    await core.call('removeRegion', { annotator: 'alice', id: handMarked.id })
    const left = await core.call<Region[]>('listRegions', { docId: D0 })
    expect(left.map((r) => [r.start, r.end, r.source])).toEqual([[detected.start, detected.end, 'suggested']])
  })

  it('linking a span to an entity can be undone (and redone)', async () => {
    const made = await core.call<{ changes: { spanId: number }[] }>('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '최태원'), label: 'PERSON' })
    const spanId = made.changes[0]!.spanId
    const { entity } = await core.call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: 'Chey Tae-won', type: 'PERSON' })
    await core.call('linkSpans', { annotator: 'alice', entityId: entity.id, spanIds: [spanId] })
    expect(core.project.entities.entityOf(spanId)).toBe(entity.id)

    await core.call('undo', { annotator: 'alice' })
    expect(core.project.entities.entityOf(spanId)).toBeUndefined()
    expect(spans(D0)).toHaveLength(1)
    await core.call('redo', { annotator: 'alice' })
    expect(core.project.entities.entityOf(spanId)).toBe(entity.id)
  })
})
