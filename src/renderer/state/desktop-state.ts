import type { i18n } from 'i18next'
import type { DesktopBridge } from '../../shared/commands'
import { isLocale } from '../../shared/i18n'
import { importActivity } from './import-activity'

/**
 * Keeps the desktop app informed: the UI language (its native menus are rebuilt in it) and whether
 * an import runs (closing the window then asks first). Only in Electron; web mode has no bridge.
 */
export function reportDesktopState(bridge: Pick<DesktopBridge, 'reportState'>, i18nInstance: i18n): () => void {
  const language = (): 'en' | 'ko' => (isLocale(i18nInstance.language) ? i18nInstance.language : 'en')
  bridge.reportState({ language: language(), busy: importActivity.getState().running > 0 })
  const onLanguage = (): void => bridge.reportState({ language: language() })
  i18nInstance.on('languageChanged', onLanguage)
  const unsubscribe = importActivity.subscribe((s, before) => {
    if (s.running > 0 !== before.running > 0) bridge.reportState({ busy: s.running > 0 })
  })
  return () => {
    i18nInstance.off('languageChanged', onLanguage)
    unsubscribe()
  }
}
