import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MutationResult, Session } from '../../src/shared/api'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

const DOC = '002_350a00930be01512'
const text = readFileSync(join(__dirname, '..', '..', 'seeds', `${DOC}.txt`), 'utf8')
/** Code point range of the first occurrence of needle in the seed. */
const at = (needle: string) => {
  const i = text.indexOf(needle)
  if (i < 0) throw new Error(needle)
  const start = [...text.slice(0, i)].length
  return { start, end: start + [...needle].length }
}
const slice = (s: { start: number; end: number }) => [...text].slice(s.start, s.end).join('')

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

const call = <T,>(method: string, args: unknown): Promise<T> => core.call<T>(method, args)
const layer = () => core.project.spans.layer(DOC, 'alice').map((s) => slice(s))

describe('createSpan with trim', () => {
  it('saves 올트먼의 as 올트먼, says what it cut, and one undo gives back the selection as made', async () => {
    const r = await call<MutationResult>('createSpan', { docId: DOC, annotator: 'alice', ...at('올트먼의'), label: 'PERSON', trim: true })
    expect(layer()).toEqual(['올트먼'])
    expect(r.trimmed).toEqual({ before: '', after: '의' })
    expect(english(r.description)).toBe('Label “올트먼” as Person, trimmed “의” (undo keeps them)')
    // the renderer applies both changes in order and ends on the trimmed span
    expect(r.changes.map((c) => [c.before && slice(c.before), c.after && slice(c.after)])).toEqual([
      [null, '올트먼의'],
      ['올트먼의', '올트먼']
    ])

    await call('undo', { annotator: 'alice' })
    expect(layer()).toEqual(['올트먼의'])
    await call('undo', { annotator: 'alice' })
    expect(layer()).toEqual([])
    await call('redo', { annotator: 'alice' })
    await call('redo', { annotator: 'alice' })
    expect(layer()).toEqual(['올트먼'])
  })

  it('keeps a selection the user insisted on: once 올트먼의 is labelled whole, it is not trimmed again', async () => {
    await call('createSpan', { docId: DOC, annotator: 'alice', ...at('올트먼의'), label: 'PERSON', trim: true })
    await call('undo', { annotator: 'alice' })
    expect(layer()).toEqual(['올트먼의'])
    const second = text.indexOf('올트먼의', text.indexOf('올트먼의') + 1)
    const start = [...text.slice(0, second)].length
    await call('createSpan', { docId: DOC, annotator: 'alice', start, end: start + 4, label: 'PERSON', trim: true })
    expect(layer()).toEqual(['올트먼의', '올트먼의'])
  })

  it('leaves words that only look like they end in a particle, and does nothing without trim', async () => {
    await call('createSpan', { docId: DOC, annotator: 'alice', ...at('손정의'), label: 'PERSON', trim: true })
    await call('createSpan', { docId: DOC, annotator: 'alice', ...at('오픈AI가'), label: 'ORGANISATION' })
    expect(layer().sort()).toEqual(['손정의', '오픈AI가'].sort())
  })

  it('refuses a selection of only spaces and punctuation, changing nothing', async () => {
    const r = await core.dispatch('createSpan', { docId: DOC, annotator: 'alice', ...at('···'), label: 'DATE', trim: true })
    expect(r.ok).toBe(false)
    expect(!r.ok && english(r.error).message).toMatch(/only spaces and punctuation/)
    expect(layer()).toEqual([])
  })

  it('is a preference of the user, on by default, kept in preferences.json', async () => {
    expect((await call<Session>('getSession', {})).trimParticles).toBe(true)
    expect((await call<Session>('setPreferences', { trimParticles: false })).trimParticles).toBe(false)
    expect(core.prefs.read().trimParticles).toBe(false)
    expect(core.prefs.read().annotator).toBeUndefined()
  })
})
