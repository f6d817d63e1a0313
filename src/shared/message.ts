import { z } from 'zod'

/**
 * A message for a person, as data: an i18n catalogue key ("namespace:key", e.g.
 * "errors:documentNotFound") and the values it interpolates. The core never returns
 * sentences: the renderer and the CLI render these in the person's language with the
 * catalogues in src/shared/i18n. Values are plain strings and numbers (project data such
 * as a label name or span text is passed as is and never translated).
 */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
export const messageSchema = z.object({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*:[A-Za-z0-9_.]+$/, 'a message key is "namespace:key"'),
  params: messageParamsSchema.optional()
})

export type MessageParams = z.output<typeof messageParamsSchema>
export type Message = z.output<typeof messageSchema>

/** A message: key plus values (values left out when there are none). */
export function msg(key: string, params?: MessageParams): Message {
  return params && Object.keys(params).length > 0 ? { key, params } : { key }
}
