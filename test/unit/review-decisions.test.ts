import { readFileSync } from 'node:fs'
import { english } from './helpers/english'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewView } from '../../src/shared/api'
import { GOLD, REJECTED } from '../../src/shared/layers'
import { ReviewService } from '../../src/main/services/review-service'
import { tempCore } from './helpers/core'

/**
 * Issue 15, review decisions, through the API handlers on a real project holding the review
 * fixtures (test/fixtures/review: minji and junho on the five seeds). Document 000 has twelve
 * differences; its label conflict is 오픈AI 575–579 (minji ORGANISATION, junho PERSON), its
 * boundary conflict 지난해 1월 651–657 (minji) against 1월 655–657 (junho).
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'review')
const A = '000_2f535eeb48f059c6'
const WHO = ['minji', 'junho']
const ORG = { start: 575, end: 579, label: 'ORGANISATION' }
const PERSON = { start: 575, end: 579, label: 'PERSON' }
const LONG_DATE = { start: 651, end: 657, label: 'DATE' }
const SHORT_DATE = { start: 655, end: 657, label: 'DATE' }

let core: ReturnType<typeof tempCore>

beforeEach(async () => {
  core = tempCore({ seeds: false })
  const files = ['minji.jsonl', 'junho.jsonl'].map((name) => ({ name, base64: readFileSync(join(FIXTURES, name)).toString('base64') }))
  await core.call('importFiles', { files })
})
afterEach(() => core.cleanup())

const review = (): Promise<ReviewView> => core.call<ReviewView>('getReview', { docId: A, annotators: WHO })
const decisions = async (): Promise<Record<string, string | null>> =>
  Object.fromEntries((await review()).candidates.map((c) => [c.key, c.editedTo ? `edited ${c.editedTo.start}:${c.editedTo.end}:${c.editedTo.label}` : c.decision]))
const layerKeys = (layer: string): string[] => core.project.spans.layer(A, layer).map((s) => `${s.start}:${s.end}:${s.label}`)
const accept = (s: { start: number; end: number; label: string }, extra: Record<string, unknown> = {}) =>
  core.dispatch('acceptCandidate', { reviewer: 'lead', docId: A, ...s, sources: [], ...extra })

/** Gold must never hold one range twice with different labels. */
function expectGoldRangesUnique(): void {
  const ranges = core.project.spans.layer(A, GOLD).map((s) => `${s.start}:${s.end}`)
  expect(new Set(ranges).size).toBe(ranges.length)
}

describe('a label conflict is settled by accepting one side', () => {
  it('accepting minji’s Organisation for 오픈AI rejects junho’s Person for the same range, in one undoable step', async () => {
    const r = await accept(ORG, { sources: ['minji'] })
    expect(r.ok).toBe(true)
    const d = await decisions()
    expect(d['575:579:ORGANISATION']).toBe('accepted')
    expect(d['575:579:PERSON']).toBe('rejected')
    expect(layerKeys(GOLD)).toEqual(['575:579:ORGANISATION'])
    expect(layerKeys(REJECTED)).toEqual(['575:579:PERSON'])
    await core.call('undo', { annotator: 'lead' })
    expect(layerKeys(GOLD)).toEqual([])
    expect(layerKeys(REJECTED)).toEqual([])
    expect((await decisions())['575:579:PERSON']).toBe(null)
  })

  it('accepting the other label for a range already in gold is refused as a conflict unless replace is confirmed', async () => {
    await accept(ORG, { sources: ['minji'] })
    const refused = await accept(PERSON, { sources: ['junho'] })
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('conflict')
    expect(english(refused.error).message).toContain('오픈AI')
    expect(english(refused.error).message).toContain('Organisation')
    expect(layerKeys(GOLD)).toEqual(['575:579:ORGANISATION'])
    expectGoldRangesUnique()

    const replaced = await accept(PERSON, { sources: ['junho'], replace: true })
    expect(replaced.ok).toBe(true)
    expect(layerKeys(GOLD)).toEqual(['575:579:PERSON'])
    expect(layerKeys(REJECTED)).toEqual(['575:579:ORGANISATION'])
    const d = await decisions()
    expect(d['575:579:PERSON']).toBe('accepted')
    expect(d['575:579:ORGANISATION']).toBe('rejected')
    expectGoldRangesUnique()
  })

  it('accept all agreed leaves an agreed span alone when gold holds its range with another label', async () => {
    const first = (await review()).candidates.find((c) => c.kind === 'agreed')
    if (!first) throw new Error('no agreed candidate')
    const other = first.label === 'PERSON' ? 'ORGANISATION' : 'PERSON'
    expect((await accept({ start: first.start, end: first.end, label: other }, { editedFrom: { start: first.start, end: first.end, label: first.label } })).ok).toBe(true)
    await core.call('acceptAgreed', { reviewer: 'lead', docId: A, annotators: WHO })
    expect(layerKeys(GOLD)).toContain(`${first.start}:${first.end}:${other}`)
    expect(layerKeys(GOLD)).not.toContain(first.key)
    expect(layerKeys(GOLD)).toHaveLength(51) // the other 50 agreed spans and the edited one
    expectGoldRangesUnique()
  })

  it('never puts both labels of a range into gold by bulk decisions (adjudicate with one vote enough)', async () => {
    const r = new ReviewService(core.project).adjudicate({ reviewer: 'lead', annotators: WHO, minAgree: 1 })
    expect(r.accepted).toBeGreaterThan(0)
    for (const id of core.project.documents.iterateIds()) {
      const ranges = core.project.spans.layer(id, GOLD).map((s) => `${s.start}:${s.end}`)
      expect(new Set(ranges).size, id).toBe(ranges.length)
    }
    // The two sides of 오픈AI are left for the reviewer.
    expect(layerKeys(GOLD).filter((k) => k.startsWith('575:579:'))).toEqual([])
    const d = await decisions()
    expect([d['575:579:ORGANISATION'], d['575:579:PERSON']]).toEqual([null, null])
  })
})

describe('mark reviewed with undecided differences', () => {
  async function decideFive(): Promise<void> {
    expect((await accept({ start: 253, end: 255, label: 'MEETING' })).ok).toBe(true)
    await core.call('rejectCandidate', { reviewer: 'lead', docId: A, start: 452, end: 454, label: 'DATE' })
    expect((await accept(ORG)).ok).toBe(true) // settles both sides of 오픈AI
    expect((await accept(LONG_DATE)).ok).toBe(true)
  }

  it('is refused with the count unless forced, and the forced call says the count too', async () => {
    await decideFive()
    const refused = await core.dispatch('setReviewStatus', { reviewer: 'lead', docId: A, status: 'reviewed', annotators: WHO })
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('conflict')
    expect(english(refused.error).message).toContain('7 of 12 differences')
    expect(core.project.review.status(A)).toBe('in_review')

    const forced = await core.call<{ status: string; undecided: number; differences: number }>('setReviewStatus', {
      reviewer: 'lead',
      docId: A,
      status: 'reviewed',
      annotators: WHO,
      force: true
    })
    expect(forced).toMatchObject({ status: 'reviewed', undecided: 7, differences: 12 })
    expect(core.project.review.status(A)).toBe('reviewed')
  })

  it('counts the document’s own annotators when none are named, and needs no force once all are decided', async () => {
    await decideFive()
    const refused = await core.dispatch('setReviewStatus', { reviewer: 'lead', docId: A, status: 'reviewed' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(english(refused.error).message).toContain('7 of 12')
    for (const c of (await review()).candidates) {
      if (c.kind !== 'agreed' && c.decision === null) await core.call('rejectCandidate', { reviewer: 'lead', docId: A, start: c.start, end: c.end, label: c.label })
    }
    const done = await core.call<{ undecided: number; differences: number }>('setReviewStatus', { reviewer: 'lead', docId: A, status: 'reviewed' })
    expect(done).toMatchObject({ undecided: 0, differences: 12 })
    // Marking in review again needs no confirmation.
    expect((await core.dispatch('setReviewStatus', { reviewer: 'lead', docId: A, status: 'in_review' })).ok).toBe(true)
  })
})

describe('an edit settles exactly the candidate edited', () => {
  it('editing minji’s 지난해 1월 into 1월 settles minji’s row, not junho’s', async () => {
    expect((await accept(SHORT_DATE, { sources: ['minji'], editedFrom: LONG_DATE })).ok).toBe(true)
    const d = await decisions()
    expect(d['651:657:DATE']).toBe('edited 655:657:DATE')
    expect(d['655:657:DATE']).toBe(null)
    expect(layerKeys(GOLD)).toEqual(['655:657:DATE'])
    // junho's row is decided by its own accept (gold already has the span).
    expect((await accept(SHORT_DATE, { sources: ['junho'] })).ok).toBe(true)
    expect((await decisions())['655:657:DATE']).toBe('accepted')
    expect(layerKeys(GOLD)).toEqual(['655:657:DATE'])
  })

  it('editing junho’s 1월 into 지난해 1월 settles junho’s row, not minji’s', async () => {
    await accept(LONG_DATE, { sources: ['junho'], editedFrom: SHORT_DATE })
    const d = await decisions()
    expect(d['655:657:DATE']).toBe('edited 651:657:DATE')
    expect(d['651:657:DATE']).toBe(null)
  })

  it('a label edit of junho’s Person 오픈AI settles his row; minji’s row stays for its own decision', async () => {
    await accept(ORG, { sources: ['junho'], editedFrom: PERSON })
    const d = await decisions()
    expect(d['575:579:PERSON']).toBe('edited 575:579:ORGANISATION')
    expect(d['575:579:ORGANISATION']).toBe(null)
    expectGoldRangesUnique()
  })
})

describe('spanmark review (the CLI says the count too)', () => {
  it('shows the undecided count, refuses to mark reviewed without --force, and marks with it', async () => {
    const { runCli } = await import('../../src/main/cli/main')
    const out: string[] = []
    const err: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }
    const file = join(core.dir, 'p.sqlite')
    await accept({ start: 253, end: 255, label: 'MEETING' })
    expect(await runCli(['review', '--project', file, '--doc', A], io)).toBe(0)
    expect(out.at(-1)).toBe(`${A}: In review; 11 of 12 differences between junho, minji undecided.`)
    const refused = await runCli(['review', '--project', file, '--doc', A, '--reviewer', 'lead', '--status', 'reviewed'], io)
    expect(refused).toBe(1)
    expect(err.at(-1)).toContain('11 of 12 differences between junho, minji')
    expect(err.at(-1)).toContain('--force')
    expect(core.project.review.status(A)).toBe('in_review')
    expect(await runCli(['review', '--project', file, '--doc', A, '--reviewer', 'lead', '--status', 'reviewed', '--force'], io)).toBe(0)
    expect(out.at(-1)).toBe(`${A}: Reviewed (11 of 12 differences undecided).`)
    expect(core.project.review.status(A)).toBe('reviewed')
  })
})
