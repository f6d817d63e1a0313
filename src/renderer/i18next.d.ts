import type { resources } from '../shared/i18n'

// Typed keys: t('review:acceptAll') is checked against the English catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: (typeof resources)['en']
    returnNull: false
  }
}
