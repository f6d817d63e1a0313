/**
 * i18next for the renderer (react-i18next binds it to components). The language is the user's,
 * not the project's: it is kept in localStorage, and on first start follows the system locale.
 * A key the catalogues lack is reported through onMissingKey (tests make it throw).
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { isLocale, localeFor, NAMESPACES, resources, type Locale } from '../shared/i18n'

const STORAGE_KEY = 'spanmark.locale'

let onMissingKey: (key: string, ns: string, lng: string) => void = (key, ns, lng) => {
  console.error(`i18n: missing key ${ns}:${key} (${lng})`)
}

/** Tests replace the reporter (e.g. with one that throws). */
export function setMissingKeyReporter(report: (key: string, ns: string, lng: string) => void): void {
  onMissingKey = report
}

function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(value) ? value : null
  } catch {
    return null
  }
}

export function initialLocale(): Locale {
  const systemLanguages = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]
  return storedLocale() ?? localeFor(systemLanguages)
}

export function createI18n(lng: Locale = initialLocale()): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    supportedLngs: [...Object.keys(resources)],
    resources,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes; document text is never HTML
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => onMissingKey(key, ns, lngs.join(',')),
    initAsync: false
  })
  setDocumentLanguage(lng)
  instance.on('languageChanged', (next) => setDocumentLanguage(next))
  return instance
}

function setDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

/** Switches the UI language now and remembers it for the next start. */
export async function changeLocale(instance: i18n, locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode or storage full: the change still applies to this session
  }
  await instance.changeLanguage(locale)
}
