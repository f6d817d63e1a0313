import { z } from 'zod'
import { messageSchema } from './message'
import { docId, labelKey, offset, personName } from './schemas'

/** Entities across documents (issue 9): the API's shapes. Implemented in src/main/services/entities-service.ts. */

const entityId = z.int().positive()
/** Trimmed by the core; at most 200 characters once trimmed. */
const entityName = z.string().min(1, 'errors:field.entityNameEmpty').max(1000)

export const entitySchema = z.object({
  id: entityId,
  name: z.string(),
  /** A label key, e.g. PERSON. */
  type: labelKey,
  createdBy: z.string(),
  createdAt: z.string()
})

export const entitySummarySchema = entitySchema.extend({
  /** Live spans linked to it, every layer. */
  mentions: z.int().min(0),
  documents: z.array(z.object({ docId, title: z.string(), mentions: z.int().min(1) })),
  /** The texts it is mentioned by, most frequent first (at most 10). */
  aliases: z.array(z.string())
})

export const entityMentionSchema = z.object({
  docId,
  title: z.string(),
  spanId: z.int().positive(),
  annotator: z.string(),
  start: offset,
  end: offset,
  label: z.string(),
  /** The span's text and about 30 characters either side (keyword in context). */
  text: z.string(),
  left: z.string(),
  right: z.string()
})

export const spanEntityLinkSchema = z.object({ spanId: z.int().positive(), entityId, name: z.string(), type: z.string() })

const described = { description: messageSchema }

export const entityMethods = {
  /** Every entity (optionally of one type, or whose name contains query), with its live mentions counted per document. */
  listEntities: {
    args: z.object({ type: labelKey.optional(), query: z.string().max(200).optional() }).strict(),
    result: z.array(entitySummarySchema)
  },
  getEntity: { args: z.object({ id: entityId }).strict(), result: entitySchema.extend({ mentions: z.array(entityMentionSchema) }) },
  /** The linked spans of one document (every layer), so its marks can show their entity. */
  listSpanEntities: { args: z.object({ docId }).strict(), result: z.array(spanEntityLinkSchema) },
  /** Returns the existing entity (created: false) when one has the same name and type. */
  createEntity: {
    args: z.object({ annotator: personName, name: entityName, type: labelKey }).strict(),
    result: z.object({ entity: entitySchema, created: z.boolean(), ...described })
  },
  /** Spans of the caller's layer, labelled with the entity's type; a span linked elsewhere moves. One undo step. */
  linkSpans: {
    args: z.object({ annotator: personName, entityId, spanIds: z.array(z.int().positive()).min(1).max(5000) }).strict(),
    result: z.object({ entity: entitySchema, links: z.array(spanEntityLinkSchema), ...described })
  },
  unlinkSpan: {
    args: z.object({ annotator: personName, spanId: z.int().positive() }).strict(),
    result: z.object({ spanId: z.int().positive(), ...described })
  },
  renameEntity: {
    args: z.object({ annotator: personName, id: entityId, name: entityName }).strict(),
    result: z.object({ entity: entitySchema, ...described })
  },
  /** Moves every mention of `from` to `into` (same type) and deletes `from`. */
  mergeEntities: {
    args: z.object({ annotator: personName, into: entityId, from: entityId }).strict(),
    result: z.object({ entity: entitySchema, moved: z.int().min(0), ...described })
  }
} as const

export type EntitySummaryView = z.output<typeof entitySummarySchema>
export type EntityMentionView = z.output<typeof entityMentionSchema>
export type SpanEntityLinkView = z.output<typeof spanEntityLinkSchema>
