import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResult, MutationResult } from '../../src/shared/api'
import { buildDataset } from '../../src/main/dataset/build'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

const D0 = '000_2f535eeb48f059c6'
const D2 = '002_350a00930be01512'
const D3 = '003_b69184515e3eb931'
const seedText = (id: string) => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8')
/** Code point range of the nth occurrence (0-based) of needle. */
const at = (id: string, needle: string, nth = 0) => {
  const text = seedText(id)
  let i = -1
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1)
  if (i < 0) throw new Error(needle)
  const start = [...text.slice(0, i)].length
  return { start, end: start + [...needle].length }
}
const slice = (id: string, s: { start: number; end: number }) => [...seedText(id)].slice(s.start, s.end).join('')

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

async function call<M extends string>(method: M, args: unknown): Promise<M extends keyof ApiResultMap ? ApiResultMap[M] : never> {
  const r = await core.dispatch(method, args)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.result as never
}
type ApiResultMap = {
  listRegions: ApiResult<'listRegions'>
  suggestRegions: ApiResult<'suggestRegions'>
  addRegions: ApiResult<'addRegions'>
  removeRegion: ApiResult<'removeRegion'>
  listSuggestions: ApiResult<'listSuggestions'>
  rejectSuggestion: ApiResult<'rejectSuggestion'>
  acceptSuggestions: ApiResult<'acceptSuggestions'>
  createSpan: MutationResult
  undo: MutationResult
  exportJsonl: ApiResult<'exportJsonl'>
}
async function failure(method: string, args: unknown): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(method, args)
  if (r.ok) throw new Error(`${method} succeeded`)
  return english(r.error)
}

describe('ignored regions', () => {
  it('suggests the detector regions, stores them, and suggests only what is not stored yet', async () => {
    const suggested = await call('suggestRegions', { docId: D0 })
    expect(suggested.map((r) => r.lines)).toEqual([[1, 1], [30, 52]])
    const added = await call('addRegions', { annotator: 'alice', docId: D0, regions: suggested.map((r) => ({ ...r, lines: undefined, source: 'suggested' as const })).map(({ lines: _, ...r }) => r) })
    expect(added.regions).toHaveLength(2)
    expect(added.regions[1]).toMatchObject({ source: 'suggested', createdBy: 'alice', reason: 'masthead; board table' })
    expect(await call('suggestRegions', { docId: D0 })).toEqual([])
    expect(await call('listRegions', { docId: D0 })).toEqual(added.regions)
  })

  it('keeps each region as it was marked (overlapping and touching ones are not merged); unmarking removes exactly one', async () => {
    await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 10, end: 20, source: 'suggested', reason: 'menu' }] })
    await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 20, end: 25, source: 'manual' }] })
    const r = await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 5, end: 12, source: 'suggested', reason: 'notice' }, { start: 40, end: 50, source: 'manual' }] })
    expect(r.regions.map((x) => [x.start, x.end, x.source, x.reason])).toEqual([
      [5, 12, 'suggested', 'notice'],
      [10, 20, 'suggested', 'menu'],
      [20, 25, 'manual', 'marked by hand'],
      [40, 50, 'manual', 'marked by hand']
    ])
    // The same range again stores nothing new.
    expect((await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 10, end: 20, source: 'manual' }] })).regions).toHaveLength(4)
    const removed = await call('removeRegion', { annotator: 'alice', id: r.regions[2]?.id })
    expect(removed.regions.map((x) => [x.start, x.end])).toEqual([[5, 12], [10, 20], [40, 50]])
    expect((await failure('removeRegion', { annotator: 'alice', id: r.regions[2]?.id })).code).toBe('not_found')
  })

  it('refuses a region past the end of the text or empty, and writes nothing', async () => {
    const length = [...seedText(D0)].length
    expect((await failure('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 0, end: 5, source: 'manual' }, { start: 3, end: length + 1, source: 'manual' }] })).message).toContain('past the end')
    expect((await failure('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: 7, end: 7, source: 'manual' }] })).message).toContain('at least one character')
    expect(await call('listRegions', { docId: D0 })).toEqual([])
  })

  it('refuses a span inside an ignored region with the reason, keeps the spans already there and counts them', async () => {
    const name = at(D0, '랭크뉴스')
    await call('createSpan', { docId: D0, annotator: 'alice', ...name, label: 'ORGANISATION' })
    const added = await call('addRegions', { annotator: 'alice', docId: D0, regions: [{ start: name.start - 5, end: name.end + 5, source: 'manual' }] })
    expect(added.spansInside).toBe(1)
    expect(english(added.description)).toContain('1 of your spans are inside (kept)')
    const err = await failure('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '랭크뉴스', 0), label: 'PERSON' })
    expect(err).toMatchObject({ code: 'rejected', message: 'That text is marked as not article text (marked by hand); unmark the region to label it.' })
    expect(core.project.spans.layer(D0, 'alice')).toHaveLength(1)
    // Outside the region labelling works as before.
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '최태원'), label: 'PERSON' })
    expect(core.project.spans.layer(D0, 'alice')).toHaveLength(2)
  })

  it('canonical export lists "ignored" in code points, and importing that line restores the regions', async () => {
    const regions = (await call('suggestRegions', { docId: D3 })).map(({ lines: _, ...r }) => ({ ...r, source: 'suggested' as const }))
    await call('addRegions', { annotator: 'alice', docId: D3, regions })
    const out = await call('exportJsonl', { annotator: 'alice' })
    const lines = out.content.trim().split('\n').map((l) => JSON.parse(l) as { id: string; ignored?: [number, number][] })
    expect(lines.find((l) => l.id === D3)?.ignored).toEqual(regions.map((r) => [r.start, r.end]))
    expect('ignored' in (lines.find((l) => l.id === D0) ?? {})).toBe(false)
    expect(slice(D3, { start: regions[2]!.start, end: regions[2]!.start + 9 })).toBe('Copyright')

    const other = tempCore({ annotator: 'bob', seeds: false })
    try {
      const line = out.content.split('\n').find((l) => l.includes(`"id":"${D3}"`)) as string
      const r = await other.dispatch('importFiles', { files: [{ name: 'x.jsonl', base64: Buffer.from(line + '\n').toString('base64') }] })
      expect(r.ok).toBe(true)
      expect(other.project.regions.list(D3).map((x) => [x.start, x.end, x.reason])).toEqual(regions.map((x) => [x.start, x.end, 'imported']))
      const bad = JSON.stringify({ ...JSON.parse(line), id: 'other', ignored: [[5, 2]] })
      const r2 = await other.dispatch('importFiles', { files: [{ name: 'bad.jsonl', base64: Buffer.from(bad + '\n').toString('base64') }] })
      expect(r2.ok).toBe(false)
      if (!r2.ok) expect(english(r2.error).details).toContain('bad.jsonl:1: ignored region 1: end (2) must be greater than start (5).')
    } finally {
      other.cleanup()
    }
  })

  it('token datasets leave ignored text out, count it, and count spans inside as dropped-ignored', async () => {
    const inside = at(D0, '랭크뉴스')
    await call('createSpan', { docId: D0, annotator: 'alice', ...inside, label: 'ORGANISATION' })
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '최태원'), label: 'PERSON' })
    const regions = (await call('suggestRegions', { docId: D0 })).map(({ lines: _, ...r }) => ({ ...r, source: 'suggested' as const }))
    await call('addRegions', { annotator: 'alice', docId: D0, regions })
    const ignoredChars = regions.reduce((n, r) => n + r.end - r.start, 0)
    const base = { layer: 'alice', splits: null, status: 'any' as const, includeRestricted: true, seed: 1, align: 'expand' as const, tokens: 'eojeol' as const, offsets: 'codepoint' as const }
    const hf = buildDataset(core.project, { ...base, format: 'hf', outDir: join(core.dir, 'hf') }, 'test')
    expect(hf.manifest.ignored).toEqual({ regions: 2, documents: 1, characters: ignoredChars })
    expect(hf.manifest.losses.counts['dropped-ignored']).toBe(1)
    expect(hf.manifest.losses.inputSpans).toBe(2)
    const hfLine = readFileSync(join(core.dir, 'hf', 'train.jsonl'), 'utf8').split('\n').find((l) => l.includes(D0)) as string
    const tokens = (JSON.parse(hfLine) as { tokens: string[] }).tokens
    expect(tokens).toContain('최태원')
    expect(tokens).not.toContain('랭크뉴스')
    expect(tokens).not.toContain('건너뛰기')
    expect(hf.summary.join('\n')).toContain(`left out ${ignoredChars} character(s) of 2 region(s) marked as not article text`)
    const canon = buildDataset(core.project, { ...base, format: 'spanmark', outDir: join(core.dir, 'sm') }, 'test')
    const smLine = readFileSync(join(core.dir, 'sm', 'train.jsonl'), 'utf8').split('\n').find((l) => l.includes(D0)) as string
    expect((JSON.parse(smLine) as { ignored: number[][] }).ignored).toEqual(regions.map((r) => [r.start, r.end]))
    expect(canon.manifest.losses.counts['dropped-ignored']).toBe(0)
    // Every token format validates what it wrote against the cut text, and accounts for every span.
    for (const format of ['prodigy', 'klue', 'doccano'] as const) {
      const built = buildDataset(core.project, { ...base, format, outDir: join(core.dir, format) }, 'test')
      expect(built.manifest.losses.counts['dropped-ignored']).toBe(1)
      expect(built.manifest.losses.inputSpans).toBe(built.manifest.losses.writtenSpans + built.manifest.losses.lostSpans)
      expect(built.manifest.ignored.characters).toBe(ignoredChars)
    }
    const doccano = readFileSync(join(core.dir, 'doccano', 'train.jsonl'), 'utf8').split('\n').find((l) => l.includes(D0)) as string
    const line = JSON.parse(doccano) as { text: string; label: [number, number, string][] }
    expect(line.text).not.toContain('메뉴 건너뛰기')
    expect(line.text).not.toContain('랭크뉴스')
    expect(line.label.map(([s, e, l]) => [line.text.slice(s, e), l])).toEqual([['최태원', 'PERSON']])
  })
})

describe('suggestions', () => {
  it('after labelling 올트먼 in one seed, suggests it on another at word boundaries and before particles', async () => {
    expect(await call('listSuggestions', { docId: D2, annotator: 'alice' })).toEqual([])
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '올트먼', 1), label: 'PERSON' })
    const s = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    expect(s.length).toBe(seedText(D2).split('올트먼').length - 1)
    expect(s.every((x) => x.text === '올트먼' && x.label === 'PERSON' && x.source === 'mine' && x.count === 1)).toBe(true)
    expect(s.every((x) => slice(D2, x) === '올트먼')).toBe(true)
    // The same document's other mentions are suggested too, but not the labelled one.
    const own = await call('listSuggestions', { docId: D0, annotator: 'alice' })
    expect(own.some((x) => x.start === at(D0, '올트먼', 1).start)).toBe(false)
    expect(own.length).toBe(seedText(D0).split('올트먼').length - 2)
    // Another annotator sees none of alice's suggestions.
    expect(await call('listSuggestions', { docId: D2, annotator: 'bob' })).toEqual([])
  })

  it('does not suggest inside a longer word, in ignored regions, or where the layer has a span', async () => {
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '오픈AI'), label: 'ORGANISATION' })
    const s = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    // "오픈AI가", "오픈AI의", "오픈AI·카카오" count; nothing like "오픈AIX".
    const text = seedText(D2)
    expect(s.length).toBeGreaterThan(5)
    const cps = [...text]
    for (const x of s) {
      expect(slice(D2, x)).toBe('오픈AI')
      expect(/[\p{L}\p{N}]/u.test(cps[x.start - 1] ?? ' ')).toBe(false)
    }
    // Every mention of 오픈AI not inside a longer word is there, particles after it included (오픈AI가, 오픈AI의).
    expect(s.length).toBe(text.split('오픈AI').length - 1 - (text.match(/[\p{L}\p{N}]오픈AI/gu)?.length ?? 0))
    const first = s[0]!
    await call('createSpan', { docId: D2, annotator: 'alice', start: first.start, end: first.end, label: 'PERSON' })
    const after = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    expect(after.some((x) => x.start === first.start)).toBe(false)
    const region = { start: s[1]!.start - 2, end: s[1]!.end + 2 }
    await call('addRegions', { annotator: 'alice', docId: D2, regions: [{ ...region, source: 'manual' }] })
    expect((await call('listSuggestions', { docId: D2, annotator: 'alice' })).some((x) => x.start === s[1]!.start)).toBe(false)
  })

  it('suggests gold spans too, marked as gold', async () => {
    core.project.write(() => core.project.spans.insert({ docId: D0, annotator: 'gold', ...at(D0, '곽노정'), label: 'PERSON' }))
    // Written straight to the table (no history row): the vocabulary is built from the table on first use.
    const s = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    expect(s.map((x) => [x.text, x.source])).toEqual([['곽노정', 'gold']])
  })

  it('keeps the vocabulary current from the history: a deleted or relabelled span stops being suggested', async () => {
    const made = await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '최태원'), label: 'PERSON' })
    expect((await call('listSuggestions', { docId: D2, annotator: 'alice' })).length).toBe(1)
    await call('undo', { annotator: 'alice' })
    expect(await call('listSuggestions', { docId: D2, annotator: 'alice' })).toEqual([])
    expect(made.applied).toBe(true)
  })

  it('a rejected suggestion stays away, also for a new core on the same file', async () => {
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '올트먼'), label: 'PERSON' })
    const [first, second] = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    const r = await call('rejectSuggestion', { annotator: 'alice', docId: D2, start: first!.start, end: first!.end, label: 'PERSON' })
    expect(english(r.description)).toContain('Reject the suggestion “올트먼” (Person)')
    const left = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    expect(left[0]).toEqual(second)
    expect(left.some((x) => x.start === first!.start)).toBe(false)
    expect(core.project.rejections.keys(D2, 'alice').has(`${first!.start}:${first!.end}:PERSON`)).toBe(true)
  })

  it('accept-all of one label labels every suggestion of it in one undo step', async () => {
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '올트먼'), label: 'PERSON' })
    await call('createSpan', { docId: D0, annotator: 'alice', ...at(D0, '카카오'), label: 'ORGANISATION' })
    const before = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    const persons = before.filter((x) => x.label === 'PERSON')
    const r = await call('acceptSuggestions', { annotator: 'alice', docId: D2, label: 'PERSON' })
    expect(r.changes).toHaveLength(persons.length)
    expect(english(r.description)).toBe(`Accept ${persons.length} Person suggestions in ${D2}`)
    expect(core.project.spans.layer(D2, 'alice').map((s) => slice(D2, s))).toEqual(persons.map(() => '올트먼'))
    const after = await call('listSuggestions', { docId: D2, annotator: 'alice' })
    expect(after.every((x) => x.label === 'ORGANISATION')).toBe(true)
    expect(after.length).toBe(before.length - persons.length)
    await call('undo', { annotator: 'alice' })
    expect(core.project.spans.layer(D2, 'alice')).toEqual([])
    expect((await call('acceptSuggestions', { annotator: 'alice', docId: D3, label: 'DATE' })).applied).toBe(false)
  })
})
