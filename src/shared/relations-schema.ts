import { z } from 'zod'
import { docId, labelKey } from './schemas'

/** A relation role's key, e.g. "participant": lower-case letters, digits and underscores. */
export const relationType = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'errors:field.roleType')

/** The part of a link that undo/redo restores: from one span to another, in a role. */
export const relationStateSchema = z.object({ from: z.int().positive(), to: z.int().positive(), type: relationType })

export const relationSchema = relationStateSchema.extend({ id: z.int().positive(), docId, annotator: z.string() })

/** One link created (before null) or deleted (after null) by a mutation. */
export const relationChangeSchema = z.object({
  relationId: z.int().positive(),
  docId,
  annotator: z.string(),
  before: relationStateSchema.nullable(),
  after: relationStateSchema.nullable()
})

/** A role of the label schema: which labels it links (an empty list: any label), and its key in link mode. */
export const relationRoleSchema = z.object({
  type: relationType,
  name: z.string(),
  hotkey: z.string().length(1),
  fromLabels: z.array(labelKey),
  toLabels: z.array(labelKey)
})

export type RelationState = z.output<typeof relationStateSchema>
export type Relation = z.output<typeof relationSchema>
export type RelationChange = z.output<typeof relationChangeSchema>
export type RelationRole = z.output<typeof relationRoleSchema>
