import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SpanmarkApi } from '../../src/shared/api'
import { createAppStore, type AppStore } from '../../src/renderer/state/app-store'
import { slotKey } from '../../src/renderer/state/slots'
import { tempCore } from './helpers/core'

const DOC = '004_2546148ec63b8380'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

/** The renderer's API over the real core (the store and its queue are what is tested); `refuse` makes one method fail. */
function apiOver(refuse?: { method: string; message: string }): SpanmarkApi {
  return new Proxy({} as SpanmarkApi, {
    get: (_, method: string) => (args: unknown) =>
      refuse?.method === method ? Promise.reject(new Error(refuse.message)) : core.call(method, args)
  })
}

async function openStore(api: SpanmarkApi): Promise<AppStore> {
  const store = createAppStore(api)
  await store.getState().init()
  store.getState().openDoc(DOC)
  for (let i = 0; i < 200 && store.getState().docs[slotKey(DOC, 'alice')]?.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 5))
  return store
}

const kinds = (): string[] =>
  (core.project.db.prepare("SELECT kind FROM change_groups WHERE actor = 'alice' ORDER BY id").all() as { kind: string }[]).map((r) => r.kind)
const codePoints = (needle: string): { start: number; end: number } => {
  const text = core.project.documents.text(DOC)?.text ?? ''
  const at = text.indexOf(needle)
  return { start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + [...needle].length }
}
const shown = (store: AppStore) => {
  const slot = store.getState().docs[slotKey(DOC, 'alice')]
  return slot?.state === 'ready' ? slot.loaded.blockSpans.flat().map((r) => ({ label: r.label, pending: r.pending === true, provisional: r.id < 0 })) : []
}

describe('the renderer queues its changes', () => {
  it('label, relabel, delete issued at once: drawn at once, sent in order, each on the span the core created', async () => {
    const store = await openStore(apiOver())
    const s = store.getState()
    const { start, end } = codePoints('올트먼')
    const done = Promise.all([s.labelRange(DOC, start, end, 'PERSON'), s.relabelSelected('ORGANISATION')])
    // Drawn before any reply: the provisional mark, already relabelled.
    expect(shown(store)).toEqual([{ label: 'ORGANISATION', pending: true, provisional: true }])
    const deleted = s.deleteSelected()
    expect(shown(store)).toEqual([])
    await done
    await deleted
    expect(kinds()).toEqual(['create', 'relabel', 'delete'])
    expect(core.project.spans.layer(DOC, 'alice')).toEqual([])
    expect(shown(store)).toEqual([])
    expect(store.getState().status.kind).toBe('saved')
  })

  it('a failed change is taken back on screen with the queued changes on the same span; others go on', async () => {
    const store = await openStore(apiOver({ method: 'relabelSpan', message: 'That span was changed elsewhere; nothing changed.' }))
    const s = store.getState()
    const a = codePoints('올트먼')
    const b = codePoints('최태원')
    const first = s.labelRange(DOC, a.start, a.end, 'PERSON')
    const relabel = s.relabelSelected('ORGANISATION')
    const del = s.deleteSelected()
    const other = s.labelRange(DOC, b.start, b.end, 'PERSON')
    await Promise.all([first, relabel, del, other])
    expect(kinds()).toEqual(['create', 'create'])
    expect(shown(store)).toEqual([
      { label: 'PERSON', pending: false, provisional: false },
      { label: 'PERSON', pending: false, provisional: false }
    ])
    // The failure was said when it happened; the later save's status follows it.
    expect(store.getState().status.kind).toBe('saved')
  })

  it('says what failed and how many dependent changes were dropped', async () => {
    const store = await openStore(apiOver({ method: 'relabelSpan', message: 'Refused.' }))
    const s = store.getState()
    const a = codePoints('올트먼')
    await Promise.all([s.labelRange(DOC, a.start, a.end, 'PERSON'), s.relabelSelected('ORGANISATION'), s.deleteSelected()])
    expect(store.getState().status).toEqual({ kind: 'error', message: { key: 'labelling:rolledBack', params: { reason: 'Refused.', count: 1 } } })
    expect(shown(store)).toEqual([{ label: 'PERSON', pending: false, provisional: false }])
  })

  it('refuses a selection across a paragraph break without a call, with the reason as message data', async () => {
    const store = await openStore(apiOver())
    const text = core.project.documents.text(DOC)?.text ?? ''
    const nl = text.search(/[가-힣]\n[가-힣]/) + 1
    expect(nl).toBeGreaterThan(0)
    await store.getState().labelRange(DOC, nl - 1, nl + 2, 'PERSON')
    expect(store.getState().status).toEqual({ kind: 'error', message: { key: 'labelling:crossesParagraph', params: { label: 'Person' } } })
    expect(kinds()).toEqual([])
  })
})
