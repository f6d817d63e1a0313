import { messageSchema } from './message'
import { z } from 'zod'
import { labelKey } from './schemas'
import { relationType } from './relations-schema'

/** The label schema (issue 10): the API's shapes. Implemented in src/main/services/labels-service.ts; rules in src/shared/labels/rules.ts. */

const hotkey = z.string().min(1).max(8)
const color = z.string().max(20)
const name = z.string().max(200)
const guideline = z.string().max(4000)

/** A label as the Labels screen shows it: its definition, its place, whether retired, and how many spans use it. */
export const labelInfoSchema = z.object({
  key: labelKey,
  name: z.string(),
  hotkey: z.string(),
  color: z.string(),
  guideline: z.string(),
  retired: z.boolean(),
  crossParagraphs: z.boolean().optional(),
  position: z.int().min(0),
  /** Live spans with this label, every layer. */
  spans: z.int().min(0)
})

/** A label in a schema file. */
export const schemaLabelSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    hotkey: z.string(),
    color: z.string(),
    guideline: z.string().default(''),
    retired: z.boolean().default(false),
    crossParagraphs: z.boolean().default(false)
  })
  .strict()

/** A relation role in a schema file: which labels it links. */
export const schemaRoleSchema = z
  .object({
    type: relationType,
    name: z.string(),
    hotkey: z.string(),
    fromLabels: z.array(z.string()),
    toLabels: z.array(z.string())
  })
  .strict()

/** A schema file: { "spanmark_schema": 1, "labels": [...], "roles": [...] }. */
export const schemaFileSchema = z
  .object({
    spanmark_schema: z.literal(1),
    labels: z.array(schemaLabelSchema).max(200),
    roles: z.array(schemaRoleSchema).max(50).default([])
  })
  .strict()

const described = { description: messageSchema }
const changed = z.object({ labels: z.array(labelInfoSchema), ...described })

export const labelMethods = {
  /** Every label in order, retired ones included, with usage counts. */
  listLabels: { args: z.object({}).strict(), result: z.array(labelInfoSchema) },
  addLabel: {
    args: z.object({ key: labelKey, name, hotkey, color, guideline: guideline.optional(), crossParagraphs: z.boolean().optional() }).strict(),
    result: changed
  },
  /** Changes the display name, colour, hotkey or guideline; the key stays (renameLabelKey moves it). */
  editLabel: {
    args: z
      .object({
        key: labelKey,
        name: name.optional(),
        hotkey: hotkey.optional(),
        color: color.optional(),
        guideline: guideline.optional(),
        crossParagraphs: z.boolean().optional()
      })
      .strict(),
    result: changed
  },
  /** Moves a label's key, its spans and every stored use of the key, in one transaction. */
  renameLabelKey: { args: z.object({ key: labelKey, newKey: z.string().max(100) }).strict(), result: changed.extend({ spans: z.int() }) },
  /** The keys in their new order (every label, each once). */
  reorderLabels: { args: z.object({ keys: z.array(labelKey).min(1).max(200) }).strict(), result: changed },
  /** Retired: kept with its spans (marked), no longer offered for labelling. */
  setLabelRetired: { args: z.object({ key: labelKey, retired: z.boolean() }).strict(), result: changed },
  exportLabelSchema: { args: z.object({}).strict(), result: z.object({ fileName: z.string(), content: z.string() }) },
  /** Adds new labels and updates existing ones by key; never deletes. All or nothing. */
  importLabelSchema: {
    args: z.object({ name: z.string().min(1).max(1024), content: z.string().max(1_000_000) }).strict(),
    result: changed.extend({ added: z.array(z.string()), updated: z.array(z.string()), rolesUpdated: z.array(z.string()) })
  }
} as const

export type LabelInfo = z.output<typeof labelInfoSchema>
export type SchemaFile = z.output<typeof schemaFileSchema>
