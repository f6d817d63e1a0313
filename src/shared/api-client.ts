import { apiContract, apiMethods, type ApiMethod, type SpanmarkApi } from './api'
import { ApiError, envelopeSchema, zodMessages } from './errors'
import { msg } from './message'

/** Sends one call over some transport and resolves with the raw envelope. */
export type Transport = (method: ApiMethod, args: unknown) => Promise<unknown>

/**
 * Builds the typed API over a transport. Results are validated against the
 * contract, so a renderer never trusts what crosses the boundary.
 */
export function createApiClient(transport: Transport): SpanmarkApi {
  const api: Partial<Record<ApiMethod, (args: unknown) => Promise<unknown>>> = {}
  for (const method of apiMethods) {
    api[method] = async (args: unknown) => {
      const envelope = envelopeSchema.safeParse(await transport(method, args))
      if (!envelope.success) throw new ApiError('internal', msg('errors:malformedReply', { method }))
      if (!envelope.data.ok) {
        const { code, message, details } = envelope.data.error
        throw new ApiError(code, message, details)
      }
      const result = apiContract[method].result.safeParse(envelope.data.result)
      if (!result.success) {
        throw new ApiError('internal', msg('errors:invalidResult', { method }), zodMessages(result.error))
      }
      return result.data
    }
  }
  return api as SpanmarkApi
}
