import { z } from 'zod'
import { docId, offset, spanStateSchema } from './schemas'

/** Label all occurrences (issue 8): what findOccurrences is asked for and answers (src/main/services/occurrences-service.ts). */
/** The text whose occurrences are looked for: a span's text, so never more than a paragraph. */
export const occurrenceText = z.string().min(1, 'errors:field.occurrenceEmpty').max(1000, 'errors:field.occurrenceLong')

export const occurrenceHitSchema = z.object({
  docId,
  title: z.string(),
  /** Code points, end exclusive. */
  start: offset,
  end: offset,
  /** Keyword in context: about 30 characters either side (whitespace runs as one space, … where cut). */
  left: z.string(),
  match: z.string(),
  right: z.string(),
  /** A span of the annotator's layer on or around this occurrence (any label), or null. */
  existing: spanStateSchema.nullable()
})

export const occurrencesResultSchema = z.object({
  text: z.string(),
  scope: z.enum(['document', 'open', 'corpus']),
  /** At most 5,000, in document id order then text order. */
  hits: z.array(occurrenceHitSchema),
  /** Occurrences left out because the layer already labels them with `label`. */
  alreadyLabelled: z.int().min(0),
  /** Occurrences left out because they are in a region marked as not article text. */
  ignored: z.int().min(0),
  /** Documents with at least one listed hit, and documents searched. */
  documents: z.int().min(0),
  searched: z.int().min(0),
  /** True when the list stopped at its limit. */
  more: z.boolean()
})
