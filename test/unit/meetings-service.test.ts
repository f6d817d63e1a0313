import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MeetingsList } from '../../src/shared/meetings-schema'
import { sentenceAround } from '../../src/main/services/meetings-service'
import { tempCore } from './helpers/core'
import { D0, D4, meetingsFixture } from './helpers/meetings-fixture'
import { english } from './helpers/english'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

let fx: ReturnType<typeof meetingsFixture>
beforeEach(() => {
  fx = meetingsFixture(core)
})
const span = (...a: Parameters<typeof fx.span>) => fx.span(...a)
const relate = (...a: Parameters<typeof fx.relate>) => fx.relate(...a)
const linkSeeds = () => fx.linkSeeds()
const list = (annotator = 'alice') => core.call<MeetingsList>('listMeetings', { annotator })

describe('listMeetings', () => {
  it('lists every linked MEETING of the layer as an event, on a timeline, with normalised dates', async () => {
    const ids = linkSeeds()
    const { events } = await list()
    expect(events.map((e) => [e.mentions[0]!.spanId, e.date, e.precision, e.dateText])).toEqual([
      [ids.m4b, '2025-02-01', 'month', '지난 2월'],
      [ids.m0, '2025-02-04', 'day', '이날'],
      [ids.m4, '2025-07-14', 'week', '지난주'],
      [ids.m3, null, null, '26일'] // 003 has no date of its own: unknown dates last
    ])
    const feb = events[1]!
    expect(feb).toMatchObject({ id: `span:${ids.m0}`, entityId: null, documents: 1, place: '서울 중구 플라자호텔', name: '최태원 · 샘 올트먼' })
    expect(feb.participants).toEqual([
      { entityId: ids.chey, name: '최태원', type: 'PERSON' },
      { entityId: ids.altman, name: '샘 올트먼', type: 'PERSON' }
    ])
    const m = feb.mentions[0]!
    expect(m).toMatchObject({ docId: D0, text: '회동', articleDate: '2025-02-04', dateHow: "the article's date" })
    expect(m.sentence).toBe('이날 업계에 따르면 최 회장은 오전 9시30분쯤 서울 중구 플라자호텔에서 올트먼 CEO와 회동을 시작했다.')
    expect(events[3]!.mentions[0]!.dateHow).toContain('article')
    // Participants without an entity are listed by their text, once per text.
    expect(events[3]!.participants.map((p) => [p.entityId, p.name])).toEqual([[null, '경계현'], [null, '경 사장']])
    expect((await list('bob')).events.map((e) => [e.date, e.mentions[0]!.spanId])).toEqual([['2025-02-04', ids.bobs]])
  })

  it('reads "4일" in the 2025-02-04 article as 2025-02-04, and follows deleted spans', async () => {
    const m = span(D0, '4일 오전 서울 중구 더플라자 호텔 서울에서 회동을', '회동', 'MEETING')
    const d = span(D0, '4일 오전 서울 중구 더플라자 호텔 서울에서 회동을', '4일', 'DATE')
    relate(m, d, 'date')
    expect((await list()).events.map((e) => [e.date, e.dateText])).toEqual([['2025-02-04', '4일']])
    // A deleted DATE span no longer dates the meeting; a deleted MEETING span is no longer listed.
    core.project.db.prepare('DELETE FROM spans WHERE id = ?').run(d)
    expect((await list()).events).toEqual([])
    const p = span(D0, '최태원 SK그룹 회장과 샘 올트먼', '최태원', 'PERSON')
    relate(m, p, 'participant')
    expect((await list()).events.map((e) => [e.date, e.dateText, e.name])).toEqual([[null, null, '최태원']])
    core.project.db.prepare('DELETE FROM spans WHERE id = ?').run(m)
    expect((await list()).events).toEqual([])
  })
})

describe('mergeMeetings and splitMeeting', () => {
  it('merges mentions from two articles into one event and splits them again', async () => {
    const ids = linkSeeds()
    const merged = await core.call<{ entityId: number; linked: number; name: string }>('mergeMeetings', {
      annotator: 'alice',
      spanIds: [ids.m0, ids.m4b],
      name: '  서울 회동 2025년 2월 '
    })
    expect(merged).toMatchObject({ linked: 2, name: '서울 회동 2025년 2월' })
    const { events } = await list()
    expect(events).toHaveLength(3)
    const ev = events[0]!
    // The event takes its finest date (the day in 000 beats the month in 004) and everyone once, by entity.
    expect(ev).toMatchObject({ id: `entity:${merged.entityId}`, entityId: merged.entityId, name: '서울 회동 2025년 2월', date: '2025-02-04', precision: 'day', documents: 2 })
    expect(ev.participants.map((p) => p.name)).toEqual(['최태원', '샘 올트먼'])
    expect(ev.mentions.map((m) => [m.docId, m.spanId])).toEqual([[D0, ids.m0], [D4, ids.m4b]])
    // The event is an entity of type MEETING whose mentions are the two spans.
    const rows = core.project.db.prepare("SELECT se.span_id AS s FROM span_entities se JOIN entities e ON e.id = se.entity_id WHERE e.type = 'MEETING' ORDER BY s").all()
    expect(rows).toEqual([{ s: ids.m0 }, { s: ids.m4b }])

    // Merging again under the same name reuses the entity.
    const again = await core.call<{ entityId: number }>('mergeMeetings', { annotator: 'alice', spanIds: [ids.m4], name: '서울 회동 2025년 2월' })
    expect(again.entityId).toBe(merged.entityId)
    expect((await list()).events).toHaveLength(2)

    const split = await core.call<{ unlinked: number }>('splitMeeting', { annotator: 'alice', spanIds: [ids.m4, ids.m4b] })
    expect(split.unlinked).toBe(2)
    expect((await list()).events.map((e) => e.mentions.length)).toEqual([1, 1, 1, 1])
  })

  it('refuses what is not a MEETING of the layer and changes nothing', async () => {
    const ids = linkSeeds()
    const person = core.project.db.prepare<[], { id: number }>("SELECT id FROM spans WHERE label = 'PERSON' LIMIT 1").get()!.id
    const cases: [unknown[], string, string][] = [
      [[ids.m0, person], 'rejected', 'not MEETING'],
      [[ids.m0, ids.bobs], 'rejected', "bob's layer"],
      [[ids.m0, 999999], 'not_found', 'no span 999999']
    ]
    for (const [spanIds, code, text] of cases) {
      const r = await core.dispatch('mergeMeetings', { annotator: 'alice', spanIds, name: 'x' })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe(code)
        expect(english(r.error).message).toContain(text)
      }
    }
    const r = await core.dispatch('mergeMeetings', { annotator: 'alice', spanIds: [ids.m0], name: '  ' })
    expect(r.ok).toBe(false)
    expect(core.project.db.prepare("SELECT COUNT(*) AS n FROM entities WHERE type = 'MEETING'").get()).toEqual({ n: 0 })
    expect((await list()).events).toHaveLength(4)
  })
})

describe('exportMeetings', () => {
  it('writes meetings.jsonl: one event a line in timeline order', async () => {
    const ids = linkSeeds()
    await core.call('mergeMeetings', { annotator: 'alice', spanIds: [ids.m0, ids.m4b], name: '서울 회동' })
    const out = await core.call<{ fileName: string; content: string; events: number }>('exportMeetings', { annotator: 'alice' })
    expect(out.fileName).toBe('p-alice-meetings.jsonl')
    expect(out.events).toBe(3)
    const lines = out.content.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(3)
    expect(Object.keys(lines[0]!)).toEqual(['id', 'name', 'date', 'date_text', 'precision', 'place', 'participants', 'mentions'])
    expect(lines[0]).toMatchObject({
      name: '서울 회동',
      date: '2025-02-04',
      date_text: '이날',
      precision: 'day',
      participants: [
        { entity_id: ids.chey, name: '최태원', type: 'PERSON' },
        { entity_id: ids.altman, name: '샘 올트먼', type: 'PERSON' }
      ],
      mentions: [
        { doc_id: D0, span_id: ids.m0, sentence: expect.stringContaining('회동을 시작했다') },
        { doc_id: D4, span_id: ids.m4b, sentence: '지난 2월 서울에서 회동한 지 5달 만입니다.' }
      ]
    })
    expect(lines[2]).toMatchObject({ date: null, participants: [{ name: '경계현', type: 'PERSON' }, { name: '경 사장', type: 'PERSON' }] })
    expect(lines[2]!.participants).toEqual([{ name: '경계현', type: 'PERSON' }, { name: '경 사장', type: 'PERSON' }])
  })
})

describe('sentenceAround', () => {
  it('cuts at sentence ends and line breaks, and marks a cut made for length', () => {
    const chars = Array.from('첫 문장. 둘째 문장에서 회동했다. 셋째\n넷째 줄')
    const i = chars.join('').indexOf('회동')
    expect(sentenceAround(chars, i, i + 2)).toBe('둘째 문장에서 회동했다.')
    const line = Array.from('넷째 줄')
    expect(sentenceAround(chars, chars.length - 2, chars.length)).toBe(line.join(''))
    const long = Array.from(`${'가'.repeat(400)}회동${'나'.repeat(400)}`)
    const s = sentenceAround(long, 400, 402)
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true)
    expect(s).toContain('회동')
  })
})
