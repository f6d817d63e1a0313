import { useTranslation } from 'react-i18next'
import { NAMESPACES } from '../shared/i18n'

/**
 * The translate function for components. Keys are always written with their namespace,
 * t('review:acceptAll'), so a key says where it lives; the compiler checks it against the catalogue.
 */
export function useT() {
  return useTranslation(NAMESPACES).t
}
