import type { ApiErrorCode } from '../../../src/shared/errors'
import { renderMessage } from '../../../src/shared/i18n/render'
import type { Message } from '../../../src/shared/message'

/** An envelope's error as English text, for assertions on what a person reads. */
export function english(error: { code: ApiErrorCode; message: Message; details: Message[] }): { code: ApiErrorCode; message: string; details: string[] } {
  return { code: error.code, message: renderMessage(error.message, 'en'), details: error.details.map((d) => renderMessage(d, 'en')) }
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
export function englishReply<T extends { ok: boolean }>(reply: T): T | { ok: false; error: ReturnType<typeof english> } {
  const r = reply as unknown as { ok: boolean; error?: { code: ApiErrorCode; message: Message; details: Message[] } }
  return r.ok || !r.error ? reply : { ok: false, error: english(r.error) }
}

/** A UiText (a store's status message) in English. */
export function englishText(text: string | { key: string; params?: Record<string, string | number> }): string {
  return typeof text === 'string' ? text : renderMessage(text, 'en')
}
