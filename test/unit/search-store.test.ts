import { describe, expect, it } from 'vitest'
import type { SpanmarkApi } from '../../src/shared/api'
import type { SearchArgs, SearchResult } from '../../src/shared/search-schema'
import { createSearchStore, patternError } from '../../src/renderer/state/search'

/** The API's searchCorpus answering only when the test says so (the store is what is tested). */
function pendingApi() {
  const calls: { args: SearchArgs; answer(r: SearchResult): void }[] = []
  const api = {
    searchCorpus: (args: SearchArgs) => new Promise<SearchResult>((answer) => calls.push({ args, answer }))
  } as unknown as SpanmarkApi
  return { api, calls }
}

const result = (query: string): SearchResult => ({
  hits: [{ docId: query, title: query, start: 0, end: 1, before: '', match: query, after: '' }],
  total: 1,
  truncated: false,
  stopped: false,
  searched: 1,
  documents: 1,
  note: null,
  tookMs: 1
})
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the search box state', () => {
  it('searches once after typing pauses, with the options given', async () => {
    const { api, calls } = pendingApi()
    const store = createSearchStore(api, 20)
    for (const q of ['올', '올트', '올트먼']) store.getState().update({ query: q })
    store.getState().update({ label: 'PERSON' })
    await tick(60)
    expect(calls.map((c) => c.args)).toEqual([{ query: '올트먼', mode: 'text', label: 'PERSON' }])
  })

  it('drops the answer to an earlier query that arrives after the answer to a later one', async () => {
    const { api, calls } = pendingApi()
    const store = createSearchStore(api, 0)
    store.getState().update({ query: '최' })
    await tick(10)
    store.getState().update({ query: '최태원' })
    await tick(10)
    expect(calls.map((c) => c.args.query)).toEqual(['최', '최태원'])
    calls[1]?.answer(result('최태원'))
    await tick(0)
    calls[0]?.answer(result('최'))
    await tick(0)
    expect(store.getState().result?.hits[0]?.match).toBe('최태원')
    expect(store.getState().busy).toBe(false)
  })

  it('clearing the box forgets the result and ignores a search still in flight', async () => {
    const { api, calls } = pendingApi()
    const store = createSearchStore(api, 0)
    store.getState().update({ query: '회장' })
    await tick(10)
    store.getState().clear()
    calls[0]?.answer(result('회장'))
    await tick(0)
    expect(store.getState()).toMatchObject({ query: '', result: null, busy: false })
  })

  it('does not send a bad regular expression, and says what is wrong', async () => {
    const { api, calls } = pendingApi()
    const store = createSearchStore(api, 0)
    store.getState().update({ query: '\\d+(월', mode: 'regex' })
    await tick(10)
    expect(calls).toHaveLength(0)
    expect(store.getState().error).toEqual(patternError('\\d+(월'))
    expect(store.getState().error).toMatchObject({ key: 'status:badPattern', params: { query: '\\d+(월', reason: expect.stringMatching(/./) } })
  })
})
