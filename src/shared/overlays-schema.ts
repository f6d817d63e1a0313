import { z } from 'zod'
import { messageSchema } from './message'
import { docId, labelKey, offset } from './schemas'

/** Schemas of the ignored-region and suggestion methods (src/shared/api.ts). Offsets are code points, end exclusive. */
export const regionSource = z.enum(['manual', 'suggested'])
export const regionSchema = z.object({
  id: z.int().positive(),
  docId,
  /** Code points, end exclusive. */
  start: offset,
  end: offset,
  source: regionSource,
  /** Why it is not article text, e.g. "related headlines; copyright" or "marked by hand". */
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string()
})
export const suggestedRegionSchema = z.object({
  start: offset,
  end: offset,
  reason: z.string(),
  /** First and last line (1-based). */
  lines: z.tuple([z.int().min(1), z.int().min(1)])
})
export const regionsChangedSchema = z.object({
  docId,
  regions: z.array(regionSchema),
  description: messageSchema,
  /** The annotator's spans that overlap an ignored region (kept; shown as a warning). */
  spansInside: z.int().min(0)
})
export const suggestionSchema = z.object({
  start: offset,
  end: offset,
  label: labelKey,
  text: z.string(),
  /** Labelled so in the annotator's own layer (mine), or only in gold. */
  source: z.enum(['mine', 'gold']),
  /** How many spans label this text so. */
  count: z.int().min(1)
})
