/**
 * The UI's translations, one namespace per area of the app, in English (the reference) and Korean.
 * Pure data: the renderer feeds it to i18next, the Electron main process uses it for native menus.
 * Add a namespace: write en/<ns>.ts, ko/<ns>.ts (typed Catalogue<typeof en>), and list it in both maps below.
 */
import { common as enCommon } from './en/common'
import { common as koCommon } from './ko/common'

export const LOCALES = ['en', 'ko'] as const
export type Locale = (typeof LOCALES)[number]

export const resources = {
  en: { common: enCommon },
  ko: { common: koCommon }
} as const

export type Namespace = keyof (typeof resources)['en']
export const NAMESPACES = Object.keys(resources.en) as Namespace[]

/** The locale to start in when the user has not chosen one: Korean for any ko* system locale, else English. */
export function localeFor(systemLanguages: readonly string[]): Locale {
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'ko') return 'ko'
    if (base === 'en') return 'en'
  }
  return 'en'
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
