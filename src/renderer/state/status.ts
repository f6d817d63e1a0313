import type { ParseKeys } from 'i18next'
import type { Namespace } from '../../shared/i18n'

/**
 * Text for people that the store composes. The store has no language: it keeps a catalogue key
 * with its values and the status bar translates it when shown (so it follows a language switch).
 * A plain string is a sentence the core wrote (ApiError messages, change descriptions): shown as is.
 */
export type UiText = string | { key: ParseKeys<Namespace[]>; params?: Record<string, string | number> }

/** A UiText from a catalogue key, e.g. say('status:loading') or say('status:annotatingAs', { name }). */
export function say(key: ParseKeys<Namespace[]>, params?: Record<string, string | number>): UiText {
  return params ? { key, params } : { key }
}

/** The status line: what happened last, for people. */
export type Status =
  | { kind: 'idle'; message: UiText }
  | { kind: 'saving'; message: UiText }
  | { kind: 'saved'; message: UiText; at: string }
  | { kind: 'info'; message: UiText }
  | { kind: 'error'; message: UiText }
