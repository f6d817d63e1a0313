import { apiContract, apiMethods, type ApiMethod, type SpanmarkApi } from './api'
import { ApiError, describeZodError, envelopeSchema } from './errors'

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
      if (!envelope.success) throw new ApiError('internal', `The app's core sent a malformed reply to ${method}.`)
      if (!envelope.data.ok) {
        const { code, message, details } = envelope.data.error
        throw new ApiError(code, message, details)
      }
      const result = apiContract[method].result.safeParse(envelope.data.result)
      if (!result.success) {
        throw new ApiError('internal', `The app's core sent an invalid result for ${method}.`, describeZodError(result.error))
      }
      return result.data
    }
  }
  return api as SpanmarkApi
}
