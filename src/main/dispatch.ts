import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../shared/api'
import { ApiError, zodMessages, type Envelope } from '../shared/errors'
import { msg } from '../shared/message'
import { storageError } from './storage-errors'

export type Dispatch = (method: unknown, args: unknown) => Promise<Envelope>

/**
 * The single entry every transport calls: checks the method name, validates the
 * arguments against the contract, runs the handler and wraps the outcome in an
 * envelope. Errors become messages for people (SQLite failures of the project
 * file too: disk full, read-only, locked, damaged); nothing throws across a transport.
 */
export function createDispatcher(handlers: ApiHandlers, log: (err: unknown) => void = defaultLog): Dispatch {
  return async (method, rawArgs) => {
    try {
      if (!isApiMethod(method)) throw new ApiError('unknown_method', msg('errors:unknownMethod', { method: JSON.stringify(method) ?? String(method) }))
      const parsed = apiContract[method].args.safeParse(rawArgs ?? {})
      if (!parsed.success) {
        // The first problem is the message (a person fixes one thing at a time); all of them are the details.
        const details = zodMessages(parsed.error)
        throw new ApiError('invalid_args', details[0] ?? msg('errors:field.invalid', { field: method }), details)
      }
      const handler = handlers[method] as (args: unknown) => unknown
      const result = await handler(parsed.data)
      return { ok: true, result }
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.msg, details: err.details } }
      log(err)
      const storage = storageError(err)
      if (storage) return { ok: false, error: { code: storage.code, message: storage.msg, details: storage.details } }
      const reason = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'internal', message: msg('errors:internal', { reason }), details: [] } }
    }
  }
}

function defaultLog(err: unknown): void {
  console.error('[spanmark]', err)
}

export type { ApiMethod }
