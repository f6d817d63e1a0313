import { z } from 'zod'

/**
 * Errors that cross a transport. `message` is for people: what went wrong, where,
 * and what to do. `details` lists individual problems (e.g. one per bad line).
 * `storage`: the project file could not be written or read (disk full, read-only,
 * locked by another program, damaged); the change was not saved, nothing half-saved.
 */
export const API_ERROR_CODES = ['invalid_args', 'unknown_method', 'not_found', 'conflict', 'rejected', 'storage', 'internal'] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: string[] = []
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const errorBodySchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  details: z.array(z.string())
})

/** What both transports carry back for every call. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorBodySchema })
])

export type Envelope = z.output<typeof envelopeSchema>

export function describeZodError(err: z.ZodError): string[] {
  return err.issues.map((i) => {
    // zod says "expected string, received undefined" for a missing key; people read "missing".
    const message = i.code === 'invalid_type' && i.message.endsWith('received undefined') ? `missing (a ${i.expected} is required)` : i.message
    return i.path.length ? `${i.path.join('.')}: ${message}` : message
  })
}
