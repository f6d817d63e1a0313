import { z } from 'zod'
import { relationType } from './relations-schema'
import { docId, reviewStatusSchema, spanSchema, spanStateSchema } from './schemas'

/** What the review pane shows of one document: the annotators' candidates, gold, and link candidates (API: getReview). */
export const candidateSchema = spanStateSchema.extend({
  key: z.string(),
  annotators: z.array(z.string()),
  kind: z.enum(['agreed', 'label_conflict', 'boundary_conflict', 'mixed_conflict', 'only_one', 'partial']),
  related: z.array(z.string()),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  /** Edited before accepting: what went into gold for it. */
  editedTo: spanStateSchema.optional()
})

export const linkCandidateSchema = z.object({
  key: z.string(),
  from: spanStateSchema,
  to: spanStateSchema,
  type: relationType,
  annotators: z.array(z.string()),
  kind: z.enum(['agreed', 'conflict', 'only_some']),
  decision: z.enum(['accepted']).nullable()
})

export const reviewViewSchema = z.object({
  docId,
  annotators: z.array(z.string()),
  status: reviewStatusSchema,
  candidates: z.array(candidateSchema),
  gold: z.array(spanSchema.extend({ sources: z.array(z.string()), acceptedBy: z.string().nullable() })),
  links: z.array(linkCandidateSchema)
})
