import type { ParseKeys } from 'i18next'
import type { ZodError } from 'zod'
import { ApiError, zodMessages } from '../shared/errors'
import type { Namespace } from '../shared/i18n'
import type { Message } from '../shared/message'
import type { UiText } from './state/status'

/**
 * The one way the renderer shows a Message from the core (an ApiError's message and details, a
 * result's notes): as UiText, which the status line (useUiText) and every dialog translate in the
 * current language. Anything that is not an ApiError (a bug, a browser failure) shows its own text.
 */
export function messageText(m: Message): UiText {
  return m.params ? { key: m.key as ParseKeys<Namespace[]>, params: m.params } : { key: m.key as ParseKeys<Namespace[]> }
}

/** What went wrong, for the status line or a dialog. */
export function errorText(err: unknown): UiText {
  if (err instanceof ApiError) return messageText(err.msg)
  return err instanceof Error ? err.message : String(err)
}

/** An ApiError's individual problems (one per bad line…), as UiText. */
export function errorDetails(err: unknown): UiText[] {
  return err instanceof ApiError ? err.details.map(messageText) : []
}

/** The first problem zod found in a form's value (its schema names the reason key), as UiText. */
export function zodText(err: ZodError): UiText {
  const first = zodMessages(err)[0]
  return first ? messageText(first) : { key: 'app:annotator.invalid' }
}
