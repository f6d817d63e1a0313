import { z } from 'zod'

/**
 * Errors that cross a transport. `message` is for people: what went wrong, where,
 * and what to do. `details` lists individual problems (e.g. one per bad line).
 */
export type ApiErrorCode = 'invalid_args' | 'unknown_method' | 'not_found' | 'conflict' | 'rejected' | 'internal'

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
  code: z.enum(['invalid_args', 'unknown_method', 'not_found', 'conflict', 'rejected', 'internal']),
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
  return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
}
