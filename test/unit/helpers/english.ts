import type { ApiErrorCode } from '../../../src/shared/errors'
import { renderMessage } from '../../../src/shared/i18n/render'
import type { Message } from '../../../src/shared/message'

type ErrorBody = { code: ApiErrorCode; message: Message; details: Message[] }
export type EnglishError = { code: ApiErrorCode; message: string; details: string[] }

/**
 * What a person reads, in English: an envelope's error (code, message and details), or one
 * message such as a change description (a plain string is returned as it is).
 */
export function english(error: ErrorBody): EnglishError
export function english(m: Message | string): string
export function english(x: ErrorBody | Message | string): EnglishError | string {
  if (typeof x === 'string') return x
  if ('code' in x) return { code: x.code, message: renderMessage(x.message, 'en'), details: x.details.map((d) => renderMessage(d, 'en')) }
  return renderMessage(x, 'en')
}

/** An ApiError's details as English text. */
export function detailText(err: { details: readonly Message[] }): string[] {
  return err.details.map((d) => renderMessage(d, 'en'))
}

/** One message as English text. */
export function english1(m: Message): string {
  return renderMessage(m, 'en')
}

/** A reply envelope with its error (if any) in English, for toMatchObject on what a person reads. */
export function englishReply<T extends { ok: boolean }>(reply: T): T | { ok: false; error: EnglishError } {
  const r = reply as unknown as { ok: boolean; error?: { code: ApiErrorCode; message: Message; details: Message[] } }
  return r.ok || !r.error ? reply : { ok: false, error: english(r.error) }
}

/** A UiText (a store's status message) in English. */
export function englishText(text: string | { key: string; params?: Record<string, string | number> }): string {
  return typeof text === 'string' ? text : renderMessage(text, 'en')
}
