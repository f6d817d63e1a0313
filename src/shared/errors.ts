import { z } from 'zod'
import { msg, messageSchema, type Message, type MessageParams } from './message'
import { renderMessage } from './i18n/render'

/**
 * Errors that cross a transport, as message data: `message` is a catalogue key with its values
 * (what went wrong, where, and what to do), rendered in the person's language by the renderer
 * and the CLI; `details` lists individual problems (e.g. one per bad line), also as messages.
 * `storage`: the project file could not be written or read (disk full, read-only,
 * locked by another program, damaged); the change was not saved, nothing half-saved.
 */
export const API_ERROR_CODES = ['invalid_args', 'unknown_method', 'not_found', 'conflict', 'rejected', 'storage', 'internal'] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * An error for a person: `new ApiError('not_found', msg('errors:noDocument', { id }))`.
 * `Error.message` is the English rendering (for logs and developers); show `msg` instead.
 */
export class ApiError extends Error {
  readonly details: Message[]
  constructor(
    readonly code: ApiErrorCode,
    readonly msg: Message,
    details: readonly Message[] = []
  ) {
    super(renderMessage(msg, 'en'))
    this.name = 'ApiError'
    this.details = [...details]
  }
}

/**
 * A sentence not turned into a catalogue key yet (it is shown as written, in every language).
 * Transitional: every use is a place still to convert; the Korean walk finds those a person reaches.
 */
export function asWritten(text: string): Message {
  return msg('errors:asWritten', { text })
}

export const errorBodySchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: messageSchema,
  details: z.array(messageSchema)
})

/** What both transports carry back for every call. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorBodySchema })
])

export type Envelope = z.output<typeof envelopeSchema>

/** A zod schema's own message that is an errors catalogue key ("errors:field.nameEmpty"), written in the schema. */
const KEY_MESSAGE = /^errors:[A-Za-z0-9_.]+$/

/**
 * One message per zod issue: the field path and a reason key. A schema may name its own reason by
 * writing an errors key as the issue message (`.min(1, 'errors:field.annotatorEmpty')`); otherwise
 * the reason follows the issue's kind (missing, wrong type, too short…). `field` is the path, e.g. "spans.0.label".
 */
export function zodMessages(err: z.ZodError): Message[] {
  return err.issues.map((i) => {
    const field = i.path.length ? i.path.map(String).join('.') : '—'
    if (KEY_MESSAGE.test(i.message)) return msg(i.message, { field })
    const params: MessageParams = { field }
    switch (i.code) {
      case 'invalid_type':
        return msg(i.message.endsWith('received undefined') ? 'errors:field.missing' : 'errors:field.wrongType', { field, expected: String(i.expected) })
      case 'too_small':
        return msg(i.origin === 'string' ? 'errors:field.tooShort' : i.origin === 'array' ? 'errors:field.tooFew' : 'errors:field.tooSmall', { field, minimum: Number(i.minimum) })
      case 'too_big':
        return msg(i.origin === 'string' ? 'errors:field.tooLong' : i.origin === 'array' ? 'errors:field.tooMany' : 'errors:field.tooBig', { field, maximum: Number(i.maximum) })
      case 'invalid_format':
        return msg('errors:field.badFormat', params)
      case 'invalid_value':
        return msg('errors:field.notOneOf', { field, allowed: i.values.map((v) => JSON.stringify(v)).join(', ') })
      case 'unrecognized_keys':
        return msg('errors:field.unknownKeys', { field, keys: i.keys.join(', ') })
      default:
        return msg('errors:field.invalid', params)
    }
  })
}

/** zod issues as English sentences, for problems lists that are still text (dataset files, import lines). */
export function describeZodError(err: z.ZodError): string[] {
  return err.issues.map((i) => {
    // zod says "expected string, received undefined" for a missing key; people read "missing".
    const message = i.code === 'invalid_type' && i.message.endsWith('received undefined') ? `missing (a ${i.expected} is required)` : KEY_MESSAGE.test(i.message) ? renderMessage(msg(i.message, { field: i.path.join('.') }), 'en') : i.message
    return i.path.length ? `${i.path.join('.')}: ${message}` : message
  })
}
