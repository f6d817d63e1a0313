import { messageSchema } from './message'
import { z } from 'zod'
import { annotatorName, docId, labelKey, offset, personName } from './schemas'

/** The Meetings view (issue 9): src/main/services/meetings-service.ts. */

export const datePrecisionSchema = z.enum(['day', 'week', 'month', 'year'])

/** Someone at a meeting: the entity the span is linked to, else the span's own text. */
export const meetingParticipantSchema = z.object({
  entityId: z.int().positive().nullable(),
  name: z.string(),
  /** The entity's type, else the span's label (PERSON, ORGANISATION, …). */
  type: labelKey
})

/** One MEETING span with links: where it is and what its links say. */
export const meetingMentionSchema = z.object({
  docId,
  title: z.string(),
  spanId: z.int().positive(),
  /** Code points, end exclusive. */
  start: offset,
  end: offset,
  text: z.string(),
  /** The sentence (or line) around the span, whitespace runs as one space. */
  sentence: z.string(),
  /** The linked DATE span's text as written, its normalisation and how it was worked out. */
  dateText: z.string().nullable(),
  date: z.string().nullable(),
  precision: datePrecisionSchema.nullable(),
  dateHow: z.string().nullable(),
  /** The article's publication date found in its text, or null. */
  articleDate: z.string().nullable(),
  place: z.string().nullable(),
  participants: z.array(meetingParticipantSchema)
})

/** One real-world meeting: the mentions linked to one MEETING entity, or a single mention. */
export const meetingEventSchema = z.object({
  /** "entity:<id>" for a merged event, "span:<id>" for a mention on its own. */
  id: z.string(),
  entityId: z.int().positive().nullable(),
  name: z.string(),
  date: z.string().nullable(),
  dateText: z.string().nullable(),
  precision: datePrecisionSchema.nullable(),
  place: z.string().nullable(),
  participants: z.array(meetingParticipantSchema),
  /** How many documents mention it. */
  documents: z.int().min(0),
  mentions: z.array(meetingMentionSchema)
})

export const meetingsListSchema = z.object({ events: z.array(meetingEventSchema) })

const spanIds = z.array(z.int().positive()).min(1, 'errors:field.meetingsEmpty').max(1000)
const eventName = z.string().trim().min(1, 'errors:field.eventEmpty').max(200, 'errors:field.eventLong')

export const meetingMethods = {
  /** Every MEETING span of the layer with at least one link, grouped into events, in date order (unknown dates last). */
  listMeetings: { args: z.object({ annotator: annotatorName }).strict(), result: meetingsListSchema },
  /** Links the MEETING spans to one entity of type MEETING called `name` (created if new): one event. */
  mergeMeetings: {
    args: z.object({ annotator: personName, spanIds, name: eventName }).strict(),
    result: z.object({ entityId: z.int().positive(), name: z.string(), linked: z.int().min(0), description: messageSchema })
  },
  /** Takes the MEETING spans out of their event: each is its own event again. */
  splitMeeting: {
    args: z.object({ annotator: personName, spanIds }).strict(),
    result: z.object({ unlinked: z.int().min(0), description: messageSchema })
  },
  /** meetings.jsonl: one event a line. */
  exportMeetings: {
    args: z.object({ annotator: annotatorName }).strict(),
    result: z.object({ fileName: z.string(), content: z.string(), events: z.int().min(0) })
  }
} as const

export type MeetingParticipant = z.output<typeof meetingParticipantSchema>
export type MeetingMention = z.output<typeof meetingMentionSchema>
export type MeetingEvent = z.output<typeof meetingEventSchema>
export type MeetingsList = z.output<typeof meetingsListSchema>
