import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/errors'
import { tempCore } from './helpers/core'
import { dumpProject } from './helpers/dump'
import { english, type EnglishError } from './helpers/english'

const DOC = '000_2f535eeb48f059c6'
const TIME = '\\d{2}:\\d{2}:\\d{2} UTC'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

async function ok<T>(method: string, args: unknown): Promise<T> {
  const e = await core.dispatch(method, args)
  if (!e.ok) throw new Error(`${method}: ${e.error.code}: ${e.error.message}`)
  return e.result as T
}

/** Runs a call that must be refused and proves it changed nothing in the project file. */
async function refused(method: string, args: unknown): Promise<EnglishError> {
  const before = dumpProject(core.project)
  const e = await core.dispatch(method, args)
  if (e.ok) throw new Error(`${method} was not refused`)
  expect(dumpProject(core.project)).toEqual(before)
  return english(e.error)
}

interface Result {
  changes: { spanId: number }[]
}

describe('two tabs of the same annotator', () => {
  let spanId: number
  beforeEach(async () => {
    const made = await ok<Result>('createSpan', { docId: DOC, annotator: 'alice', start: 0, end: 2, label: 'DATE' })
    spanId = made.changes[0]?.spanId ?? -1
  })

  it('relabelling or deleting a span the other tab deleted is a conflict naming who and when; nothing changes', async () => {
    await ok('deleteSpan', { annotator: 'alice', spanId }) // tab B
    const relabel = await refused('relabelSpan', { annotator: 'alice', spanId, label: 'PERSON', expected: { start: 0, end: 2, label: 'DATE' } })
    expect(relabel.code).toBe('conflict')
    expect(relabel.message).toMatch(new RegExp(`^That span was deleted by alice at ${TIME}; nothing changed\\.$`))
    const del = await refused('deleteSpan', { annotator: 'alice', spanId })
    expect(del).toMatchObject({ code: 'conflict', message: relabel.message })
  })

  it('relabelling or deleting a span the other tab changed since is a conflict, not a silent overwrite', async () => {
    await ok('relabelSpan', { annotator: 'alice', spanId, label: 'PERSON' }) // tab B
    const stale = { start: 0, end: 2, label: 'DATE' }
    const relabel = await refused('relabelSpan', { annotator: 'alice', spanId, label: 'ORGANISATION', expected: stale })
    expect(relabel.code).toBe('conflict')
    expect(relabel.message).toMatch(new RegExp(`^That span was changed by alice at ${TIME} \\(it is now Person on “.+”\\); nothing changed\\.$`))
    expect((await refused('deleteSpan', { annotator: 'alice', spanId, expected: stale })).code).toBe('conflict')
    // With what it sees now, the call goes through.
    await ok('deleteSpan', { annotator: 'alice', spanId, expected: { start: 0, end: 2, label: 'PERSON' } })
    expect(core.project.spans.get(spanId)).toBeUndefined()
  })

  it('a span id that never existed is not_found, not a conflict', async () => {
    expect(await refused('relabelSpan', { annotator: 'alice', spanId: 424242, label: 'PERSON' })).toMatchObject({
      code: 'not_found',
      message: 'There is no span 424242 in this project; nothing changed. Reload to see the current spans.'
    })
  })
})

describe('two reviewers in the gold layer', () => {
  it('undoing an accept whose gold span another reviewer rejected since is a conflict naming the other reviewer', async () => {
    const candidate = { docId: DOC, start: 0, end: 2, label: 'DATE' }
    await ok('createSpan', { ...candidate, annotator: 'alice' })
    await ok('acceptCandidate', { reviewer: 'rev1', ...candidate, sources: ['alice'] })
    await ok('rejectCandidate', { reviewer: 'rev2', ...candidate })
    const undo = await refused('undo', { annotator: 'rev1' })
    expect(undo.code).toBe('conflict')
    expect(undo.message).toMatch(/^Cannot undo “Accept “.+” as Date \(alice\)”: something it changes was changed since/)
    expect(undo.details[0]).toMatch(new RegExp(`^“.+”: that span was deleted by rev2 at ${TIME}; nothing changed\\.$`))
    // rev2's own undo still works, and then rev1's does too.
    await ok('undo', { annotator: 'rev2' })
    await ok('undo', { annotator: 'rev1' })
    expect(core.project.spans.layer(DOC, 'gold')).toEqual([])
  })
})
