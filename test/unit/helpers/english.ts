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
