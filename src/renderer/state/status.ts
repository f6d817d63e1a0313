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

/**
 * How long an info or saved message stays whole on the status line (issue 15: messages went
 * stale). Errors stay until the next message or until dismissed; a saved change then keeps
 * only its time ("Saved at 14:03:22"); other messages leave.
 */
export const STATUS_AGE_MS = 6000

/** Whether a status ages out (info, saved) or stays until replaced (errors, loading, saving). */
export function agesOut(status: Status): boolean {
  return status.kind === 'info' || status.kind === 'saved'
}

/** An empty status line: a dialog that starts its work clears what an earlier one said (its own result shows in the dialog). */
export const CLEAR_STATUS: Status = { kind: 'idle', message: '' }
