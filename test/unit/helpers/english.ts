import { inEnglish } from '../../../src/main/services/change-english'
import type { Message } from '../../../src/shared/message'

/** A change description (message data) as the English UI shows it. */
export const english = (m: Message | string): string => (typeof m === 'string' ? m : inEnglish(m))
