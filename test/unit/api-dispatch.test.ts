import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiClient } from '../../src/shared/api-client'
import { apiContract } from '../../src/shared/api'
import { ApiError } from '../../src/shared/errors'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore()
})
afterEach(() => core.cleanup())

const SEED = '000_2f535eeb48f059c6'

describe('API dispatcher (the core every transport calls)', () => {
  it('serves the seeded project: five seed documents with titles, the default labels, no annotator yet', async () => {
    const session = await core.dispatch('getSession', {})
    expect(session.ok).toBe(true)
    const parsed = apiContract.getSession.result.parse(session.ok && session.result)
    expect(parsed).toMatchObject({ annotator: null, documentCount: 5, layout: null })
    expect(parsed.labels.map((l) => `${l.hotkey} ${l.key}`)).toEqual(['1 PERSON', '2 ORGANISATION', '3 DATE', '4 MEETING'])
    const docs = await core.dispatch('listDocuments', { annotator: 'alice' })
    const list = apiContract.listDocuments.result.parse(docs.ok && docs.result)
    expect(list.map((d) => d.id)).toEqual([SEED, '001_2d6efb4355ea70ef', '002_350a00930be01512', '003_b69184515e3eb931', '004_2546148ec63b8380'])
    expect(list[0]?.title).toMatch(/^최태원 SK그룹 회장과 샘 올트먼/)
  })

  it('rejects unknown methods, bad and extra arguments with readable messages, without calling the core', async () => {
    expect(await core.dispatch('dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    const bad = await core.dispatch('createSpan', { docId: SEED, annotator: 'alice', start: -1, end: 2.5, label: 'person' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(!bad.ok && english(bad.error).details.join('|')).toMatch(/start.*\|end.*\|label: a label key is upper-case/)
    expect(await core.dispatch('getSession', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(await core.dispatch('listSpans', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(await core.dispatch('setAnnotator', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(core.project.spans.layer(SEED, 'alice')).toEqual([])
  })

  it('turns internal failures into an internal error envelope and logs them', async () => {
    core.project.close()
    const r = await core.dispatch('listDocuments', { annotator: 'a' })
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(core.logged).toHaveLength(1)
  })

  it('persists the annotator name in the preferences file and the pane layout in the project', async () => {
    await core.dispatch('setAnnotator', { name: 'alice' })
    expect(core.prefs.read()).toEqual({ annotator: 'alice' })
    const layout = { panes: [{ docId: SEED }, { docId: '003_b69184515e3eb931' }], sizes: [40, 60], active: 1 }
    expect((await core.dispatch('saveLayout', { layout })).ok).toBe(true)
    const session = await core.dispatch('getSession', {})
    expect(session.ok && session.result).toMatchObject({ annotator: 'alice', layout })
  })

  it('gives the renderer a typed client whose results are validated', async () => {
    const api = createApiClient((method, args) => core.dispatch(method, args))
    const made = await api.createSpan({ docId: SEED, annotator: 'alice', start: 0, end: 3, label: 'PERSON' })
    expect(made.changes[0]?.after).toEqual({ start: 0, end: 3, label: 'PERSON' })
    await expect(api.getDocument({ id: 'missing' })).rejects.toThrow(ApiError)
    await expect(api.getDocument({ id: 'missing' })).rejects.toThrow(/no document "missing"/)
    const liar = createApiClient(async () => ({ ok: true, result: { nope: true } }))
    await expect(liar.getSession({})).rejects.toThrow(/invalid result for getSession/)
  })

  it('imports base64 file bytes exactly as the CLI does and exports the layer', async () => {
    const api = createApiClient((method, args) => core.dispatch(method, args))
    const text = '𠀀 최태원\r\n'
    const base64 = Buffer.from('\ufeff' + text, 'utf8').toString('base64')
    const r = await api.importFiles({ annotator: 'alice', files: [{ name: 'new.txt', base64 }] })
    expect(r.newDocuments).toBe(1)
    expect((await api.getDocument({ id: 'new' })).text).toBe(text)
    await api.createSpan({ docId: 'new', annotator: 'alice', start: 2, end: 5, label: 'PERSON' })
    const out = await api.exportJsonl({ annotator: 'alice' })
    expect(out).toMatchObject({ fileName: 'p-alice.jsonl', documents: 6, spans: 1 })
    const line = out.content.split('\n').map((l) => (l ? (JSON.parse(l) as { id: string; spans: unknown[] }) : null)).find((l) => l?.id === 'new')
    expect(line?.spans).toEqual([{ start: 2, end: 5, label: 'PERSON', text: '최태원' }])
  })
})

describe('restricted documents', () => {
  it('flags a document whose text forbids AI training on import, and lets a person change the flag', async () => {
    const api = createApiClient((method, args) => core.dispatch(method, args))
    const docs = await api.listDocuments({ annotator: 'alice' })
    expect(docs.filter((d) => d.restricted).map((d) => [d.id, d.restricted])).toEqual([['003_b69184515e3eb931', 'AI학습 이용 금지']])
    expect(await api.setRestricted({ docId: '003_b69184515e3eb931', restricted: false })).toEqual({ docId: '003_b69184515e3eb931', restricted: null })
    expect(await api.setRestricted({ docId: SEED, restricted: true })).toEqual({ docId: SEED, restricted: 'marked restricted by hand' })
    const after = await api.listDocuments({ annotator: 'alice' })
    expect(after.filter((d) => d.restricted).map((d) => d.id)).toEqual([SEED])
    await expect(api.setRestricted({ docId: 'nope', restricted: true })).rejects.toThrow(/no document "nope"/)
  })
})

describe('export formats over the API', () => {
  it('exports doccano with UTF-16 offsets and Prodigy with what moved, named by format', async () => {
    const api = createApiClient((method, args) => core.dispatch(method, args))
    await api.importFiles({ annotator: 'alice', files: [{ name: 'e.txt', base64: Buffer.from('😀 올트먼의 회동').toString('base64') }] })
    await api.createSpan({ docId: 'e', annotator: 'alice', start: 2, end: 5, label: 'PERSON' }) // 올트먼, before the particle 의
    const doccano = await api.exportJsonl({ annotator: 'alice', format: 'doccano' })
    expect(doccano.fileName).toBe('p-alice-doccano.jsonl')
    const line = doccano.content.split('\n').map((l) => (l ? (JSON.parse(l) as { id: string; label: unknown }) : null)).find((l) => l?.id === 'e')
    expect(line?.label).toEqual([[3, 6, 'PERSON']]) // the emoji is two UTF-16 units
    const prodigy = await api.exportJsonl({ annotator: 'alice', format: 'prodigy' })
    // Morph tokens (the default since issue 16) put 올트먼 and 의 apart: the span is written as drawn.
    expect(prodigy.notes.join('\n')).not.toMatch(/aligned-expanded/)
    expect(prodigy.content).toContain('"spans":[{"start":2,"end":5,"label":"PERSON"')
    expect(prodigy.content).toContain('"answer":"accept"')
    expect((await api.exportJsonl({ annotator: 'alice' })).notes).toEqual([])
  })
})
