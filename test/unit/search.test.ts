import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SearchService } from '../../src/main/services/search-service'
import type { SearchArgs, SearchResult } from '../../src/shared/search-schema'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

const SEEDS = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512', '003_b69184515e3eb931', '004_2546148ec63b8380']
const seed = (id: string): string => readFileSync(join(__dirname, '..', '..', 'seeds', `${id}.txt`), 'utf8').replace(/^\uFEFF/, '')
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1
/** text[start:end] in code points. */
const cpSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('')

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const call = <T,>(method: string, args: unknown): Promise<T> => core.call<T>(method, args)
const search = (args: Partial<SearchArgs> & { query: string }): Promise<SearchResult> => call('searchCorpus', { mode: 'text', ...args })

async function importDocs(docs: { id: string; text: string }[], annotator?: string): Promise<void> {
  const content = docs.map((d) => JSON.stringify(d)).join('\n') + '\n'
  await call('importFiles', { ...(annotator ? { annotator } : {}), files: [{ name: 'extra.jsonl', base64: Buffer.from(content).toString('base64') }] })
}

function expectHitsMatchText(r: SearchResult): void {
  for (const h of r.hits) {
    const text = h.docId.startsWith('0') ? seed(h.docId) : (core.project.documents.text(h.docId)?.text ?? '')
    expect(cpSlice(text, h.start, h.end)).toBe(h.match)
    expect(text).toContain(h.before + h.match + h.after)
    expect(h.before).not.toMatch(/[\r\n]/)
    expect(h.after).not.toMatch(/[\r\n]/)
  }
}

describe('searchCorpus, plain text', () => {
  it('finds every 올트먼 in the five seeds, in document then text order, with context', async () => {
    const r = await search({ query: '올트먼' })
    const expected = SEEDS.reduce((n, id) => n + occurrences(seed(id), '올트먼'), 0)
    expect(expected).toBeGreaterThan(20)
    expect(r.total).toBe(expected)
    expect(r.hits).toHaveLength(expected)
    expect(r).toMatchObject({ truncated: false, stopped: false, searched: 5, documents: 5, note: null })
    expect(new Set(r.hits.map((h) => h.docId))).toEqual(new Set(SEEDS))
    const order = r.hits.map((h) => `${h.docId}:${String(h.start).padStart(6, '0')}`)
    expect(order).toEqual([...order].sort())
    expect(r.hits.every((h) => h.match === '올트먼' && h.title !== '')).toBe(true)
    expect(r.hits.some((h) => h.before.length >= 30 && h.after.length >= 30)).toBe(true)
    expectHitsMatchText(r)
  })

  it('stops listing at the limit, still counts every hit, and says so', async () => {
    const r = await search({ query: '올트먼', limit: 3 })
    expect(r.hits).toHaveLength(3)
    expect(r.total).toBeGreaterThan(3)
    expect(r.truncated).toBe(true)
    expect(r.stopped).toBe(false)
    expect(r.note).toBe(`Showing the first 3 of ${r.total} hits: add words or a label filter to narrow the search.`)
  })

  it('ignores case unless asked, and takes regex characters literally', async () => {
    const text = 'OpenAI, openai 그리고 OPENAI. 가격은 (1.5+2)*3 달러.'
    await importDocs([{ id: 'case', text }])
    expect((await search({ query: 'openai' })).hits.map((h) => h.match)).toEqual(['OpenAI', 'openai', 'OPENAI'])
    expect((await search({ query: 'openai', caseSensitive: true })).hits.map((h) => h.match)).toEqual(['openai'])
    expect((await search({ query: '(1.5+2)*3' })).hits.map((h) => h.start)).toEqual([text.indexOf('(1.5')])
    expect((await search({ query: '1.5+2', caseSensitive: true })).total).toBe(1)
  })
})

describe('searchCorpus, regular expressions', () => {
  it('finds \\d+월 with the matched text, only where the pattern matches', async () => {
    const r = await search({ query: '\\d+월', mode: 'regex' })
    const expected = SEEDS.reduce((n, id) => n + (seed(id).match(/\d+월/gu)?.length ?? 0), 0)
    expect(expected).toBeGreaterThan(3)
    expect(r.total).toBe(expected)
    expect(r.hits.every((h) => /^\d+월$/u.test(h.match))).toBe(true)
    expectHitsMatchText(r)
  })

  it('lists no empty matches and treats ^ as the start of a line', async () => {
    await importDocs([{ id: 'lines', text: '- 첫 기사 - 매일경제\n본문 문장이다.\n- 둘째 기사 - 매일경제' }])
    expect((await search({ query: '(?:)', mode: 'regex' })).total).toBe(0)
    expect((await search({ query: '^', mode: 'regex' })).total).toBe(0)
    const r = await search({ query: '^- .+ - 매일경제$', mode: 'regex' })
    expect(r.hits.filter((h) => h.docId === 'lines').map((h) => h.match)).toEqual(['- 첫 기사 - 매일경제', '- 둘째 기사 - 매일경제'])
  })

  it('refuses a bad pattern with a message that quotes it and says what to do', async () => {
    const r = await core.dispatch('searchCorpus', { query: '올트먼(', mode: 'regex' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_args')
    expect(english(r.error).message).toMatch(/^“올트먼\(” is not a valid regular expression \(Invalid regular expression: .*Unterminated group\)\. Fix the pattern, or switch to plain text/)
  })

  it('stops a catastrophically backtracking pattern at the time limit instead of hanging, and keeps working', async () => {
    await importDocs([
      { id: '0-runaway', text: '올트먼 ' + 'a'.repeat(40) + '!' },
      { id: 'b-later', text: '올트먼 회장' }
    ])
    const service = new SearchService(core.project, 200)
    const r = service.search({ query: '올트먼|(a+)+$', mode: 'regex' })
    expect(r.stopped).toBe(true)
    expect(r.truncated).toBe(true)
    // The hit before the runaway part of 0-runaway was found; b-later was never reached.
    expect(r.hits.map((h) => h.docId)).toEqual(['0-runaway'])
    expect(r.searched).toBe(1)
    expect(r.note).toMatch(/^Stopped after \d+\.\d s \(in 0-runaway\), having searched 1 of 7 documents: showing the 1 hit\(s\) found so far\./)
    const again = service.search({ query: '회장', mode: 'text' })
    expect(again.stopped).toBe(false)
    expect(again.hits.some((h) => h.docId === 'b-later')).toBe(true)
  })
})

describe('searchCorpus, offsets and the cache', () => {
  it('gives code point offsets when astral characters (emoji, rare Hanja) come before the hit', async () => {
    const text = '😀 𠀀𠀁 회의에서 올트먼이 말했다 😀 올트먼'
    await importDocs([{ id: 'astral', text }])
    const r = await search({ query: '올트먼' })
    const hits = r.hits.filter((h) => h.docId === 'astral')
    const chars = [...text]
    const starts = chars.map((_, i) => i).filter((i) => chars.slice(i, i + 3).join('') === '올트먼')
    expect(hits.map((h) => h.start)).toEqual(starts)
    expect(hits.map((h) => h.end)).toEqual(starts.map((s) => s + 3))
    expect(hits[0]?.before).toBe('😀 𠀀𠀁 회의에서 ')
    expect(hits[1]?.before).toBe('😀 𠀀𠀁 회의에서 올트먼이 말했다 😀 ')
    expectHitsMatchText(r)
  })

  it('never cuts a surrogate pair at the edge of the context', async () => {
    await importDocs([{ id: 'emoji-edge', text: '😀'.repeat(30) + '키워드' + '😀'.repeat(30) }])
    const [hit] = (await search({ query: '키워드' })).hits
    expect(hit?.before).toBe('😀'.repeat(20))
    expect(hit?.after).toBe('😀'.repeat(20))
  })

  it('sees documents imported after the first search', async () => {
    expect((await search({ query: '새로온문서' })).total).toBe(0)
    await importDocs([{ id: 'zz-new', text: '새로온문서 한 건' }, { id: '0000-first', text: '또 새로온문서' }])
    const r = await search({ query: '새로온문서' })
    expect(r.hits.map((h) => h.docId)).toEqual(['0000-first', 'zz-new'])
    expect(r.documents).toBe(7)
  })
})

describe('searchCorpus, limited to a label or an annotator', () => {
  const DOC = SEEDS[2] as string
  const rangeOf = (needle: string) => {
    const text = seed(DOC)
    const i = text.indexOf(needle)
    const start = [...text.slice(0, i)].length
    return { start, end: start + [...needle].length }
  }

  it('keeps only hits inside (or exactly) a span of that label, in that layer or any layer', async () => {
    await call('createSpan', { docId: DOC, annotator: 'alice', ...rangeOf('샘 올트먼'), label: 'PERSON' })
    await call('createSpan', { docId: DOC, annotator: 'bob', ...rangeOf('올트먼'), label: 'ORGANISATION' })

    const person = await search({ query: '올트먼', label: 'PERSON' })
    expect(person.hits).toHaveLength(1)
    expect(person.hits[0]).toMatchObject({ docId: DOC, start: rangeOf('샘 올트먼').start + 2, spanLabel: 'PERSON' })
    expect(person.searched).toBe(1)

    const any = await search({ query: '올트먼', annotator: 'bob' })
    expect(any.hits.map((h) => [h.start, h.spanLabel])).toEqual([[rangeOf('올트먼').start, 'ORGANISATION']])
    expect((await search({ query: '올트먼', label: 'PERSON', annotator: 'bob' })).total).toBe(0)
    expect((await search({ query: '올트먼', label: 'PERSON', annotator: 'alice' })).total).toBe(1)
    // The whole span text is inside; text around the span is not.
    expect((await search({ query: '샘 올트먼', label: 'PERSON' })).total).toBe(1)
    expect((await search({ query: '샘 올트먼이', label: 'PERSON' })).total).toBe(0)
  })

  it('says which labels exist when asked for one that does not', async () => {
    const r = await core.dispatch('searchCorpus', { query: '올트먼', mode: 'text', label: 'ROBOT' })
    expect(r.ok ? null : english(r.error)).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^There is no label "ROBOT" in this project \(its labels: PERSON, /) })
  })
})
