import type { SpanmarkServer } from './fixtures'
import { seedText } from './helpers'

/**
 * Links the meetings the five seed articles plainly report, as an analyst would, through
 * the HTTP API (createSpan, createRelation, createEntity, linkSpans): each MEETING span to
 * its participants and date. Every span is found by a needle inside a context sentence.
 */

export const S = {
  d0: '000_2f535eeb48f059c6',
  d1: '001_2d6efb4355ea70ef',
  d2: '002_350a00930be01512',
  d3: '003_b69184515e3eb931',
  d4: '004_2546148ec63b8380'
} as const

type Arg = [needle: string, label: string, context?: string]
interface Meeting {
  doc: string
  /** The sentence the MEETING span is in, and its word. */
  context: string
  word: string
  date?: Arg
  participants: Arg[]
  place?: Arg
}

/** Participant spans (needle, label, context) and the entity each mention is linked to. */
const ENTITY: Record<string, [string, string]> = {
  '최 회장': ['최태원', 'PERSON'],
  최태원: ['최태원', 'PERSON'],
  '올트먼 CEO': ['샘 올트먼', 'PERSON'],
  올트먼: ['샘 올트먼', 'PERSON'],
  '샘 올트먼': ['샘 올트먼', 'PERSON'],
  경계현: ['경계현', 'PERSON'],
  전영현: ['전영현', 'PERSON'],
  삼성전자: ['삼성전자', 'ORGANISATION'],
  '사티아 나델라': ['사티아 나델라', 'PERSON']
}

export const MEETINGS: Meeting[] = [
  {
    doc: S.d0,
    context: '이날 업계에 따르면 최 회장은 오전 9시30분쯤 서울 중구 플라자호텔에서 올트먼 CEO와 회동을 시작했다.',
    word: '회동',
    date: ['이날', 'DATE'],
    participants: [['최 회장', 'PERSON'], ['올트먼 CEO', 'PERSON']],
    place: ['서울 중구 플라자호텔', 'ORGANISATION']
  },
  {
    doc: S.d0,
    context: '앞서 최 회장은 지난해 1월 방한한 올트먼과 만난 데 이어',
    word: '만난',
    date: ['지난해 1월', 'DATE'],
    participants: [['최 회장', 'PERSON'], ['올트먼', 'PERSON']]
  },
  {
    doc: S.d0,
    context: '이어 이날 오후 서울 서초구 삼성전자 서초사옥에서 전영현 삼성전자 디바이스솔루션(DS) 부문장(부회장)을 비롯한 삼성전자 경영진과의 회동도',
    word: '회동',
    date: ['이날', 'DATE'],
    participants: [['전영현', 'PERSON'], ['삼성전자', 'ORGANISATION', '전영현 삼성전자']]
  },
  {
    doc: S.d1,
    context: '최태원 SK그룹 회장, 미국서 샘 올트먼·사티아 나델라와 회동',
    word: '회동',
    date: ['27일', 'DATE', '최 회장은 27일 자신의'],
    participants: [['최태원', 'PERSON'], ['샘 올트먼', 'PERSON'], ['사티아 나델라', 'PERSON']]
  },
  {
    doc: S.d2,
    context: '올트먼 CEO는 이후 최태원 SK그룹 회장을 만나 AI 협력 방안을 논의했다.',
    word: '만나',
    date: ['4일', 'DATE', '최고경영자(CEO)가 4일 한국에서 광폭 행보를 했다.'],
    participants: [['올트먼 CEO', 'PERSON'], ['최태원', 'PERSON']]
  },
  {
    doc: S.d3,
    context: '26일 아침과 저녁에 잇달아 경계현 삼성전자 사장(사진 오른쪽)을 만난 것으로 알려졌다.',
    word: '만난',
    date: ['26일', 'DATE'],
    participants: [['샘 올트먼', 'PERSON', '지난 25일 저녁 한국을 찾은 샘 올트먼'], ['경계현', 'PERSON']]
  },
  {
    doc: S.d3,
    context: '최태원 SK그룹 회장과도 오후 늦게 따로 만난 것으로 알려졌다.',
    word: '만난',
    participants: [['최태원', 'PERSON'], ['올트먼 CEO', 'PERSON', '올트먼 CEO는 평택캠퍼스 방문 후']]
  },
  {
    doc: S.d4,
    context: '최태원 SK그룹 회장이 지난주 샘 올트먼 오픈AI 최고경영자(CEO)와 회동해',
    word: '회동',
    date: ['지난주', 'DATE'],
    participants: [['최태원', 'PERSON'], ['샘 올트먼', 'PERSON']]
  },
  {
    doc: S.d4,
    context: '지난 2월 서울에서 회동한 지 5달 만입니다.',
    word: '회동',
    date: ['지난 2월', 'DATE'],
    participants: [['최 회장', 'PERSON', '당시 최 회장과 올트먼 CEO는'], ['올트먼 CEO', 'PERSON', '당시 최 회장과 올트먼 CEO는']]
  }
]

function range(docId: string, context: string, needle: string): { start: number; end: number } {
  const text = seedText(docId)
  const c = text.indexOf(context)
  const i = text.indexOf(needle, c)
  if (c < 0 || i < 0 || i + needle.length > c + context.length) throw new Error(`"${needle}" in "${context}" is not in ${docId}`)
  const start = [...text.slice(0, i)].length
  return { start, end: start + [...needle].length }
}

async function ok<T>(server: SpanmarkServer, method: string, args: unknown): Promise<T> {
  const r = await server.api(method, args)
  if (!r.body.ok) throw new Error(`${method} failed: ${r.body.error?.code}: ${r.body.error?.message}`)
  return r.body.result as T
}

/** Creates the spans, links and entities; returns each meeting's MEETING span id, in MEETINGS order. */
export async function linkSeedMeetings(server: SpanmarkServer, annotator: string): Promise<number[]> {
  const spans = new Map<string, number>()
  const span = async (docId: string, context: string, needle: string, label: string): Promise<number> => {
    const r = range(docId, context, needle)
    const key = `${docId}:${r.start}:${r.end}:${label}`
    const known = spans.get(key)
    if (known !== undefined) return known
    const res = await ok<{ changes: { spanId: number }[] }>(server, 'createSpan', { docId, annotator, ...r, label })
    const id = res.changes[0]!.spanId
    spans.set(key, id)
    return id
  }
  const entities = new Map<string, number>()
  const link = async (spanId: number, needle: string): Promise<void> => {
    const e = ENTITY[needle]
    if (!e) return
    let id = entities.get(e.join('/'))
    if (id === undefined) {
      id = (await ok<{ entity: { id: number } }>(server, 'createEntity', { annotator, name: e[0], type: e[1] })).entity.id
      entities.set(e.join('/'), id)
    }
    await ok(server, 'linkSpans', { annotator, entityId: id, spanIds: [spanId] })
  }
  const ids: number[] = []
  for (const m of MEETINGS) {
    const meeting = await span(m.doc, m.context, m.word, 'MEETING')
    ids.push(meeting)
    const relate = async (arg: Arg, type: string) => {
      const to = await span(m.doc, arg[2] ?? m.context, arg[0], arg[1])
      await ok(server, 'createRelation', { annotator, docId: m.doc, from: meeting, to, type })
      if (type === 'participant') await link(to, arg[0])
    }
    if (m.date) await relate(m.date, 'date')
    for (const p of m.participants) await relate(p, 'participant')
    if (m.place) await relate(m.place, 'place')
  }
  return ids
}
