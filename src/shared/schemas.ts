import { z } from 'zod'
import { isReservedLayer } from './layers'

/** zod schemas for the domain types; the API contract and the importers validate with these, and src/shared/domain.ts derives its types from them. */

/** The most panes open side by side. */
export const MAX_PANES = 4

export const annotatorName = z
  .string()
  .trim()
  .min(1, 'errors:field.annotatorEmpty')
  .max(64, 'errors:field.annotatorLong')
  .regex(/^[^\u0000-\u001f]+$/, 'errors:field.annotatorControl')

/** A person's name: any layer name except the reserved review layers (gold, gold:…). */
export const personName = annotatorName.refine((n) => !isReservedLayer(n), 'errors:field.annotatorReserved')

export const docId = z.string().min(1, 'errors:field.docIdEmpty').max(512, 'errors:field.docIdLong')
export const labelKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'errors:field.labelKey')
export const offset = z.int().min(0)

export const labelDefSchema = z.object({
  /** Stable key written to files and the database, e.g. PERSON. */
  key: labelKey,
  /** Display name, e.g. Person. */
  name: z.string().min(1),
  /** Single key that applies the label, e.g. 1. */
  hotkey: z.string().length(1),
  /** #rrggbb colour. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** One-line guideline shown in the app. */
  guideline: z.string(),
  /** Retired (issue 10): its spans stay and are marked; it is no longer offered for labelling. */
  retired: z.boolean().optional(),
  /** Its spans may run across a paragraph (line) break (issue 15); absent: they may not. */
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
  /** Length of the text in code points. */
  length: z.int().min(0),
  /** Spans in the requested annotator's layer. */
  spanCount: z.int().min(0),
  /** Every layer with spans on this document, and how many. */
  layers: z.array(z.object({ annotator: z.string(), spans: z.int().min(0) })),
  status: reviewStatusSchema,
  /** Why the text may not be used to train models, or null: datasets leave restricted documents out by default. */
  restricted: z.string().nullable()
})

export const documentSchema = z.object({
  id: docId,
  title: z.string(),
  text: z.string(),
  meta: z.record(z.string(), z.unknown()),
  /** Length of the text in code points. */
  length: z.int().min(0)
})

export const layoutSchema = z.object({
  /** layer: the layer shown (an annotator, or gold), absent: the current annotator's; review: the annotators compared. */
  panes: z.array(z.object({ docId, layer: annotatorName.optional(), review: z.array(annotatorName).max(8).optional() })).max(MAX_PANES),
  /** Percentages, one per pane. */
  sizes: z.array(z.number().min(0).max(100)).max(MAX_PANES),
  active: z.int().min(0).max(MAX_PANES - 1)
})
