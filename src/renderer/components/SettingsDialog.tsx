import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '../../shared/i18n'
import { annotatorName } from '../../shared/schemas'
import { changeLocale } from '../i18n'
import { useApp, useAppStore } from '../state/context'
import { effectiveTheme, setTheme, storedTheme, THEMES, type ThemeChoice } from '../theme'
import { useT } from '../use-t'
import { BackupFolderSettings } from './BackupFolderSettings'
import { Modal } from './Modal'
import { zodText } from '../error-text'
import { useUiText } from '../ui-text'

/**
 * The Settings screen (issue 10): annotator, language, theme and particle trimming (the user's,
 * on this computer), and where this project's backups go (the project's, on the machine of the core).
 * Every change applies at once; there is nothing to save at the end.
 */
export function SettingsDialog() {
  const setDialog = useApp((s) => s.setDialog)
  const t = useT()
  return (
    <Modal title={t('settings:title')} onClose={() => setDialog(null)}>
      <div className="settings">
        <AnnotatorSetting />
        <LanguageSetting />
        <ThemeSetting />
        <TrimSetting />
        <BackupFolderSettings />
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => setDialog(null)}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  )
}

function AnnotatorSetting() {
  const store = useAppStore()
  const current = useApp((s) => s.annotator)
  const [name, setName] = useState(current ?? '')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const t = useT()
  const show = useUiText()

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const parsed = annotatorName.safeParse(name.trim())
    if (!parsed.success) {
      setMessage({ error: true, text: show(zodText(parsed.error)) })
      return
    }
    await store.getState().setAnnotator(parsed.data)
    const now = store.getState().annotator
    setMessage(now === parsed.data ? { error: false, text: t('settings:annotator.saved', { name: now }) } : null)
  }

  return (
    <fieldset>
      <legend>{t('settings:annotator.legend')}</legend>
      <p className="note">{t('settings:annotator.intro')}</p>
      <form className="row" onSubmit={(e) => void submit(e)}>
        <input
          type="text"
          aria-label={t('settings:annotator.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={64}
          autoComplete="username"
        />
        <button type="submit" className="small-button" disabled={name.trim() === (current ?? '')}>
          {t('settings:annotator.save')}
        </button>
      </form>
      {message && (
        <p className={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  )
}

function LanguageSetting() {
  const { i18n } = useTranslation()
  const t = useT()
  const current = i18n.language as Locale
  return (
    <fieldset>
      <legend>{t('settings:lang.legend')}</legend>
      <div className="choices" role="radiogroup" aria-label={t('settings:lang.legend')}>
        {LOCALES.map((locale) => (
          <label key={locale} lang={locale}>
            <input type="radio" name="settings-language" checked={current === locale} onChange={() => void changeLocale(i18n, locale)} />
            {t(`common:languages.${locale}`)}
          </label>
        ))}
      </div>
      <p className="note">{t('settings:lang.intro')}</p>
    </fieldset>
  )
}

function ThemeSetting() {
  const t = useT()
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme)
  const [effective, setEffective] = useState(() => effectiveTheme(choice))

  // With "system", the theme follows the system while the dialog is open too.
  useEffect(() => {
    setEffective(effectiveTheme(choice))
    if (typeof matchMedia !== 'function') return
    const query = matchMedia('(prefers-color-scheme: dark)')
    const update = (): void => setEffective(effectiveTheme(choice))
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [choice])

  const choose = (next: ThemeChoice): void => {
    setTheme(next)
    setChoice(next)
  }

  return (
    <fieldset>
      <legend>{t('settings:theme.legend')}</legend>
      <div className="choices" role="radiogroup" aria-label={t('settings:theme.legend')}>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name="settings-theme" value={theme} checked={choice === theme} onChange={() => choose(theme)} />
            {t(`settings:theme.${theme}`)}
          </label>
        ))}
      </div>
      <p className="note" data-testid="theme-now">
        {t('settings:theme.now', { theme: t(effective === 'dark' ? 'settings:theme.darkNow' : 'settings:theme.lightNow') })}
      </p>
    </fieldset>
  )
}

function TrimSetting() {
  const store = useAppStore()
  const trimParticles = useApp((s) => s.session?.trimParticles ?? true)
  const snapWords = useApp((s) => s.session?.snapWords ?? true)
  const t = useT()
  return (
    <fieldset>
      <legend>{t('settings:trim.legend')}</legend>
      <label className="row">
        <input type="checkbox" checked={trimParticles} onChange={(e) => void store.getState().setTrimParticles(e.target.checked)} />
        {t('settings:trim.label')}
      </label>
      <label className="row" title={t('labelling:snapTitle')}>
        <input type="checkbox" checked={snapWords} onChange={(e) => void store.getState().setSnapWords(e.target.checked)} />
        {t('labelling:snap')}
      </label>
      <p className="note">{t('settings:trim.intro')}</p>
    </fieldset>
  )
}
