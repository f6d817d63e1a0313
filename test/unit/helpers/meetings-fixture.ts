import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { tempCore } from './core'

export const D0 = '000_2f535eeb48f059c6' // dated 2025-02-04 (no 입력 line: the first full date)
export const D3 = '003_b69184515e3eb931' // no date anywhere
export const D4 = '004_2546148ec63b8380' // 입력 2025.07.21
const seed = (id: string) => readFileSync(join(__dirname, '..', '..', '..', 'seeds', `${id}.txt`), 'utf8').replace(/^\uFEFF/, '')

/** Spans, links and entities written straight into a seeded project's tables (not through R's or E's services). */
export function meetingsFixture(core: ReturnType<typeof tempCore>) {
  /** A span on `needle` inside the first occurrence of `context`, written straight into the spans table. */
  function span(docId: string, context: string, needle: string, label: string, annotator = 'alice'): number {
    const text = seed(docId)
    const c = text.indexOf(context)
    const i = text.indexOf(needle, c)
    if (c < 0 || i < 0 || i + needle.length > c + context.length) throw new Error(`"${needle}" in "${context}" is not in ${docId}`)
    const start = Array.from(text.slice(0, i)).length
    const r = core.project.db
      .prepare('INSERT INTO spans (doc_id, annotator, start, end, label) VALUES (?, ?, ?, ?, ?)')
      .run(docId, annotator, start, start + Array.from(needle).length, label)
    return Number(r.lastInsertRowid)
  }
  function relate(from: number, to: number, type: string, annotator = 'alice'): void {
    const doc = core.project.db.prepare<[number], { d: string }>('SELECT doc_id AS d FROM spans WHERE id = ?').get(from)!.d
    core.project.db.prepare('INSERT INTO relations (doc_id, annotator, from_span, to_span, type) VALUES (?, ?, ?, ?, ?)').run(doc, annotator, from, to, type)
  }
  function entity(name: string, type: string): number {
    const r = core.project.db
      .prepare("INSERT INTO entities (name, type, created_by, created_at) VALUES (?, ?, 'alice', '2026-01-01T00:00:00Z')")
      .run(name, type)
    return Number(r.lastInsertRowid)
  }
  const mention = (spanId: number, entityId: number) => core.project.db.prepare('INSERT INTO span_entities (span_id, entity_id) VALUES (?, ?)').run(spanId, entityId)

  /** Four linked meetings in three articles, one MEETING span without links, and bob's own link. */
  function linkSeeds() {
    const chey = entity('최태원', 'PERSON')
    const altman = entity('샘 올트먼', 'PERSON')
    const person = (docId: string, context: string, needle: string, who: number) => {
      const id = span(docId, context, needle, 'PERSON')
      mention(id, who)
      return id
    }
    // 000: "이날 … 최 회장은 … 올트먼 CEO와 회동을 시작했다"
    const ctx0 = '이날 업계에 따르면 최 회장은 오전 9시30분쯤 서울 중구 플라자호텔에서 올트먼 CEO와 회동을 시작했다.'
    const m0 = span(D0, ctx0, '회동', 'MEETING')
    relate(m0, span(D0, ctx0, '이날', 'DATE'), 'date')
    relate(m0, person(D0, ctx0, '최 회장', chey), 'participant')
    relate(m0, person(D0, ctx0, '올트먼 CEO', altman), 'participant')
    relate(m0, span(D0, ctx0, '서울 중구 플라자호텔', 'ORGANISATION'), 'place')
    // 004: "최태원 SK그룹 회장이 지난주 샘 올트먼 … 와 회동해"
    const ctx4 = '최태원 SK그룹 회장이 지난주 샘 올트먼 오픈AI 최고경영자(CEO)와 회동해'
    const m4 = span(D4, ctx4, '회동', 'MEETING')
    relate(m4, span(D4, ctx4, '지난주', 'DATE'), 'date')
    relate(m4, person(D4, ctx4, '최태원', chey), 'participant')
    relate(m4, person(D4, ctx4, '샘 올트먼', altman), 'participant')
    // 004: "지난 2월 서울에서 회동한 지 5달 만입니다." (the participants are in the sentence before)
    const ctx4b = '지난 2월 서울에서 회동한 지 5달 만입니다.'
    const m4b = span(D4, ctx4b, '회동', 'MEETING')
    relate(m4b, span(D4, ctx4b, '지난 2월', 'DATE'), 'date')
    relate(m4b, person(D4, '오늘(21일) 업계에 따르면 최 회장은', '최 회장', chey), 'participant')
    // 003: no article date; a participant without an entity, given twice (two spans of one text)
    const ctx3 = '26일 아침과 저녁에 잇달아 경계현 삼성전자 사장(사진 오른쪽)을 만난 것으로 알려졌다.'
    const m3 = span(D3, ctx3, '만난', 'MEETING')
    relate(m3, span(D3, ctx3, '26일', 'DATE'), 'date')
    relate(m3, span(D3, ctx3, '경계현', 'PERSON'), 'participant')
    relate(m3, span(D3, '경 사장을 두 차례 만난', '경 사장', 'PERSON'), 'participant')
    // A MEETING without links is not listed; neither is bob's linked meeting in alice's view.
    span(D0, '회동을 마친 뒤', '회동', 'MEETING')
    const bobs = span(D0, '회동을 마친 뒤', '회동', 'MEETING', 'bob')
    relate(bobs, span(D0, '4일 오전', '4일', 'DATE', 'bob'), 'date', 'bob')
    return { chey, altman, m0, m4, m4b, m3, bobs }
  }
  return { span, relate, entity, mention, linkSeeds }
}
