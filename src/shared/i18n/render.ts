import i18next, { type i18n } from 'i18next'
import type { Message } from '../message'
import { NAMESPACES, resources, type Locale } from './index'

/**
 * Renders a Message in a language outside React: the CLI (following LANG), English for
 * Error.message and logs. The renderer uses its own i18next instance (same catalogues).
 * A key the catalogues lack is shown as the key itself, never as an empty line.
 */
const instances = new Map<Locale, i18n>()

function instance(locale: Locale): i18n {
  let made = instances.get(locale)
  if (!made) {
    made = i18next.createInstance()
    void made.init({
      lng: locale,
      fallbackLng: 'en',
      resources,
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false
    })
    instances.set(locale, made)
  }
  return made
}

export function renderMessage(m: Message, locale: Locale = 'en'): string {
  const shown: unknown = instance(locale).t(m.key as never, (m.params ?? {}) as never)
  return typeof shown === 'string' && shown !== '' ? shown : m.key
}
