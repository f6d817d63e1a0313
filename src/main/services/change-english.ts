import i18next, { type i18n } from 'i18next'
import { NAMESPACES, resources } from '../../shared/i18n'
import type { Message } from '../../shared/message'

let instance: i18n | null = null

/**
 * A message in English, for the places the core still writes English sentences (its error
 * messages name the change they refuse to undo). Rendered with the same catalogues as the UI.
 */
export function inEnglish(m: Message): string {
  if (!instance) {
    instance = i18next.createInstance()
    void instance.init({ lng: 'en', fallbackLng: false, resources, ns: NAMESPACES, defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false })
  }
  // The key comes from the core's own messages, not from a literal: look it up untyped.
  const t = instance.t.bind(instance) as unknown as (key: string, options: object) => unknown
  const text = t(m.key, m.params ?? {})
  return typeof text === 'string' ? text : m.key
}
