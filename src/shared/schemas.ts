import { z } from 'zod'
import { MAX_PANES } from './domain'
import { isReservedLayer } from './layers'

/** zod schemas for the domain types; the API contract and the importers validate with these. */

export const annotatorName = z
  .string()
  .trim()
  .min(1, 'annotator name is empty')
  .max(64, 'annotator name is longer than 64 characters')
  .regex(/^[^\u0000-\u001f]+$/, 'annotator name has control characters')

/** A person's name: any layer name except the reserved review layers (gold, gold:…). */
export const personName = annotatorName.refine((n) => !isReservedLayer(n), 'gold and gold:… are reserved for the reviewed layer')

export const docId = z.string().min(1, 'document id is empty').max(512, 'document id is longer than 512 characters')
export const labelKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'label keys are upper-case letters, digits and _')
export const offset = z.int().min(0)

export const labelDefSchema = z.object({
  key: labelKey,
  name: z.string().min(1),
  hotkey: z.string().length(1),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  guideline: z.string(),
  retired: z.boolean().optional(),
  crossParagraphs: z.boolean().optional()
})

export const spanStateSchema = z.object({ start: offset, end: offset, label: labelKey })

export const spanSchema = spanStateSchema.extend({
  id: z.int().positive(),
  docId,
  annotator: z.string()
})

export const spanChangeSchema = z.object({
  spanId: z.int().positive(),
  docId,
  annotator: z.string(),
  before: spanStateSchema.nullable(),
  after: spanStateSchema.nullable()
})

export const reviewStatusSchema = z.enum(['unreviewed', 'in_review', 'reviewed'])

export const docSummarySchema = z.object({
  id: docId,
  title: z.string(),
  length: z.int().min(0),
  spanCount: z.int().min(0),
  /** Every layer with spans on this document, and how many. */
  layers: z.array(z.object({ annotator: z.string(), spans: z.int().min(0) })),
  status: reviewStatusSchema,
  restricted: z.string().nullable()
})

export const documentSchema = z.object({
  id: docId,
  title: z.string(),
  text: z.string(),
  meta: z.record(z.string(), z.unknown()),
  length: z.int().min(0)
})

export const layoutSchema = z.object({
  panes: z.array(z.object({ docId, layer: annotatorName.optional(), review: z.array(annotatorName).max(8).optional() })).max(MAX_PANES),
  sizes: z.array(z.number().min(0).max(100)).max(MAX_PANES),
  active: z.int().min(0).max(MAX_PANES - 1)
})
