import type { ApiError } from '../../shared/errors'
import type { Locale } from '../../shared/i18n'
import { renderMessage } from '../../shared/i18n/render'
import type { Message } from '../../shared/message'

/**
 * The CLI's language for the core's messages: the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG,
 * the first one set wins, as setlocale does); Korean for ko*, English otherwise and by default.
 */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? ''
  return /^ko([_.@-]|$)/i.test(tag) ? 'ko' : 'en'
}

/** A core message in the person's language, for the CLI's output. */
export function sayCli(m: Message, env: NodeJS.ProcessEnv = process.env): string {
  return renderMessage(m, cliLocale(env))
}

/** An ApiError as the CLI prints it: the message, then one line per detail. */
export function apiErrorLines(err: ApiError, env: NodeJS.ProcessEnv = process.env): { message: string; details: string[] } {
  return { message: sayCli(err.msg, env), details: err.details.map((d) => sayCli(d, env)) }
}
