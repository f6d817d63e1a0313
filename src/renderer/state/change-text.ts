import type { Message } from '../../shared/message'
import type { UiText } from './status'

/**
 * A description from the core (a message of the changes namespace; a plain sentence from calls
 * that still send one) as the status line keeps it: translated when shown, so it follows a
 * language switch.
 */
export function changeText(m: Message | string): UiText {
  return typeof m === 'string' ? m : (m as UiText)
}
