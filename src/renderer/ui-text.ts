import { useTranslation } from 'react-i18next'
import type { UiText } from './state/status'
import { errorText } from './error-text'
import { useT } from './use-t'

/** Shows a UiText in the current language: a catalogue key is translated, a sentence from the core is shown as written. */
export function useUiText(): (text: UiText) => string {
  const t = useT()
  return (text) => {
    if (typeof text === 'string') return text
    const shown: unknown = t(text.key, text.params ?? {})
    return typeof shown === 'string' ? shown : text.key // a key naming a group of strings is a programming error: show the key
  }
}

/** The UI's current language as a BCP 47 tag for Intl (en, ko). */
export function useLocale(): string {
  return useTranslation().i18n.language || 'en'
}

/** A moment as the current locale writes a time of day (14:03:22, 오후 2:03:22). */
export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(d)
}

/** A number with the current locale's grouping (1,234). */
export function formatNumber(n: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n)
}

/** What an error says, in the current language, for a component's own error line (see error-text.ts). */
export function useErrorText(): (err: unknown) => string {
  const show = useUiText()
  return (err) => show(errorText(err))
}
