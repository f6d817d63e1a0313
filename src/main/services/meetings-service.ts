import type { MeetingEvent, MeetingMention, MeetingParticipant, MeetingsList } from '../../shared/meetings-schema'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { articleDateOf, normaliseDate, type DatePrecision } from '../../shared/korean/dates'
import { MeetingsRepo, type MeetingArgumentRow, type MeetingSpanRow } from '../store/meetings-repo'
import type { Project } from '../store/project'

interface DocView {
  title: string
  chars: string[]
  articleDate: string | null
}

/** Finer dates first when an event's mentions disagree: a day beats a week beats a month beats a year. */
const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 }
const SENTENCE_MAX = 300

/**
 * The Meetings view: every MEETING span of a layer that has links is a mention of a meeting;
 * mentions linked to the same entity of type MEETING are one event. Reads the migration-5
 * tables directly (src/main/store/meetings-repo.ts); writes only the MEETING entity links.
 */
export class MeetingsService {
  private readonly repo: MeetingsRepo

  constructor(private readonly project: Project) {
    this.repo = new MeetingsRepo(project.db)
  }

  list(annotator: string): MeetingsList {
    const docs = new Map<string, DocView>()
    const doc = (id: string): DocView => {
      let d = docs.get(id)
      if (!d) {
        const row = this.repo.document(id)
        const text = row?.text ?? ''
        d = { title: row?.title ?? id, chars: Array.from(text), articleDate: articleDateOf(text) }
        docs.set(id, d)
      }
      return d
    }
    const args = new Map<number, MeetingArgumentRow[]>()
    for (const a of this.repo.arguments(annotator)) {
      const list = args.get(a.fromSpan) ?? []
      list.push(a)
      args.set(a.fromSpan, list)
    }
    const groups = new Map<string, { row: MeetingSpanRow; mention: MeetingMention }[]>()
    for (const row of this.repo.meetingSpans(annotator)) {
      const mention = this.mention(row, args.get(row.spanId) ?? [], doc(row.docId))
      const key = row.entityId !== null ? `entity:${row.entityId}` : `span:${row.spanId}`
      const list = groups.get(key) ?? []
      list.push({ row, mention })
      groups.set(key, list)
    }
    const events = [...groups.entries()].map(([id, list]) => eventOf(id, list))
    events.sort(byDate)
    return { events }
  }

  merge(a: { annotator: string; spanIds: number[]; name: string }): { entityId: number; name: string; linked: number; description: Message } {
    const name = a.name.trim()
    return this.project.write(() => {
      for (const id of a.spanIds) this.checkMeetingSpan(id, a.annotator)
      const entityId = this.repo.meetingEntity(name, a.annotator, new Date().toISOString())
      for (const id of new Set(a.spanIds)) this.repo.link(id, entityId)
      const linked = new Set(a.spanIds).size
      return { entityId, name, linked, description: msg('changes:mergeMeetings', { count: linked, name }) }
    })
  }

  split(a: { annotator: string; spanIds: number[] }): { unlinked: number; description: Message } {
    return this.project.write(() => {
      for (const id of a.spanIds) this.checkMeetingSpan(id, a.annotator)
      let unlinked = 0
      for (const id of new Set(a.spanIds)) if (this.repo.unlinkMeeting(id)) unlinked++
      return { unlinked, description: msg('changes:splitMeeting', { count: unlinked }) }
    })
  }

  /** meetings.jsonl: one event a line, in timeline order. */
  exportJsonl(annotator: string): { content: string; events: number } {
    const { events } = this.list(annotator)
    const lines = events.map((e) =>
      JSON.stringify({
        id: e.id,
        name: e.name,
        date: e.date,
        date_text: e.dateText,
        precision: e.precision,
        place: e.place,
        participants: e.participants.map((p) => (p.entityId !== null ? { entity_id: p.entityId, name: p.name, type: p.type } : { name: p.name, type: p.type })),
        // The span id is this project's; start/end (code points) and text say which span it is anywhere.
        mentions: e.mentions.map((m) => ({ doc_id: m.docId, span_id: m.spanId, start: m.start, end: m.end, text: m.text, sentence: m.sentence }))
      })
    )
    return { content: lines.map((l) => `${l}\n`).join(''), events: events.length }
  }

  private checkMeetingSpan(id: number, annotator: string): void {
    const span = this.repo.span(id)
    if (!span) throw new ApiError('not_found', msg('errors:noMeetingSpan', { id }))
    if (span.annotator !== annotator) throw new ApiError('rejected', msg('errors:meetingOtherLayer', { id, owner: span.annotator, annotator }))
    if (span.label !== 'MEETING') throw new ApiError('rejected', msg('errors:notAMeeting', { id, docId: span.docId, label: span.label }))
  }

  private mention(row: MeetingSpanRow, args: MeetingArgumentRow[], d: DocView): MeetingMention {
    const text = (a: { start: number; end: number }) => d.chars.slice(a.start, a.end).join('')
    const dateArg = args.find((a) => a.type === 'date')
    const placeArg = args.find((a) => a.type === 'place')
    const dateText = dateArg ? text(dateArg) : null
    const norm = dateText !== null ? normaliseDate(dateText, { articleDate: d.articleDate }) : null
    const participants = dedupe(
      args
        .filter((a) => a.type === 'participant')
        .map((a): MeetingParticipant => (a.entityId !== null && a.entityName !== null
          ? { entityId: a.entityId, name: a.entityName, type: a.entityType ?? a.label }
          : { entityId: null, name: text(a), type: a.label }))
    )
    return {
      docId: row.docId,
      title: d.title,
      spanId: row.spanId,
      start: row.start,
      end: row.end,
      text: text(row),
      sentence: sentenceAround(d.chars, row.start, row.end),
      dateText,
      date: norm?.date ?? null,
      precision: norm?.precision ?? null,
      dateHow: norm?.how ?? null,
      articleDate: d.articleDate,
      place: placeArg ? (placeArg.entityName ?? text(placeArg)) : null,
      participants
    }
  }
}

function eventOf(id: string, list: { row: MeetingSpanRow; mention: MeetingMention }[]): MeetingEvent {
  const mentions = list.map((l) => l.mention)
  const dated = mentions
    .filter((m) => m.date !== null && m.precision !== null)
    .sort((a, b) => PRECISION_RANK[a.precision!] - PRECISION_RANK[b.precision!] || a.date!.localeCompare(b.date!))
  const best = dated[0] ?? mentions.find((m) => m.dateText !== null) ?? null
  const participants = dedupe(mentions.flatMap((m) => m.participants))
  const first = list[0]!
  const name = first.row.entityName ?? (participants.length > 0 ? participants.map((p) => p.name).join(' · ') : first.mention.text)
  return {
    id,
    entityId: first.row.entityId,
    name,
    date: best?.date ?? null,
    dateText: best?.dateText ?? null,
    precision: best?.precision ?? null,
    place: mentions.find((m) => m.place !== null)?.place ?? null,
    participants,
    documents: new Set(mentions.map((m) => m.docId)).size,
    mentions
  }
}

/** Participants once each: by entity when linked, else by type and text. */
function dedupe(list: MeetingParticipant[]): MeetingParticipant[] {
  const seen = new Map<string, MeetingParticipant>()
  for (const p of list) {
    const key = p.entityId !== null ? `e${p.entityId}` : `t${p.type}\u0000${p.name}`
    if (!seen.has(key)) seen.set(key, p)
  }
  return [...seen.values()]
}

/** Timeline order: by date, unknown dates last; then by name and id so the order is stable. */
function byDate(a: MeetingEvent, b: MeetingEvent): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? -1 : 1
  }
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
}

/** The sentence around [start, end): bounded by line breaks and by . ! ? followed by a space; whitespace runs as one space. */
export function sentenceAround(chars: string[], start: number, end: number): string {
  const isEnd = (i: number) => chars[i] === '\n' || (/[.!?。]/.test(chars[i] ?? '') && /\s/.test(chars[i + 1] ?? ''))
  let s = start
  while (s > 0 && !isEnd(s - 1) && start - s < SENTENCE_MAX) s--
  let e = end
  while (e < chars.length && !isEnd(e) && e - end < SENTENCE_MAX) e++
  if (e < chars.length && chars[e] !== '\n') e++
  const cut = chars.slice(s, e).join('').replace(/\s+/g, ' ').trim()
  return `${s > 0 && chars[s - 1] !== '\n' && !isEnd(s - 1) ? '…' : ''}${cut}${e < chars.length && !isEnd(e - 1) && chars[e] !== '\n' ? '…' : ''}`
}
