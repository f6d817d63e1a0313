import { useEffect, useState, type FormEvent } from 'react'
import type { BackupLocation } from '../../shared/settings-schema'
import { useApi } from '../state/context'
import { useT } from '../use-t'
import { useErrorText } from '../ui-text'

/**
 * The Settings screen's backup part: where this project's backups go and how many are there;
 * another folder (checked by the core: it must exist and be writable) or back to the default.
 * In web mode the folder is on the server's computer, and the screen says so.
 */
export function BackupFolderSettings() {
  const api = useApi()
  const t = useT()
  const showError = useErrorText()
  const [location, setLocation] = useState<BackupLocation | null>(null)
  const [dir, setDir] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const webMode = typeof window !== 'undefined' && !window.spanmark

  useEffect(() => {
    api.getBackupLocation({}).then(setLocation, (err: unknown) => setMessage({ error: true, text: showError(err) }))
  }, [api])

  const change = async (next: string | null): Promise<void> => {
    setBusy(true)
    setMessage(null)
    try {
      const result = await api.setBackupDir({ dir: next })
      setLocation(result)
      setDir('')
      setMessage({ error: false, text: t('settings:backups.changed', { folder: result.folder }) })
    } catch (err) {
      setMessage({ error: true, text: showError(err) })
    } finally {
      setBusy(false)
    }
  }

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (dir.trim()) void change(dir.trim())
  }

  return (
    <fieldset data-testid="backup-settings">
      <legend>{t('settings:backups.legend')}</legend>
      {location ? (
        <>
          <p className="note">{t('settings:backups.folder')}</p>
          <p className="path" data-testid="backup-folder">
            {location.folder}
          </p>
          <p className="note" data-testid="backup-count">
            {t('settings:backups.count', { count: location.count, keep: location.keep })}{' '}
            {location.custom ? t('settings:backups.customFolder') : t('settings:backups.defaultFolder')}
          </p>
          {location.unavailable && (
            <p className="error" role="alert">
              {t('settings:backups.unavailable', { folder: location.unavailable })}
            </p>
          )}
        </>
      ) : (
        <p className="note">{t('settings:backups.loading')}</p>
      )}
      {webMode && <p className="note">{t('settings:backups.webNote')}</p>}
      <form className="row" onSubmit={submit}>
        <input
          type="text"
          aria-label={t('settings:backups.newFolder')}
          placeholder={t('settings:backups.placeholder')}
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          spellCheck={false}
        />
        <button type="submit" className="small-button" disabled={busy || !dir.trim()}>
          {t('settings:backups.use')}
        </button>
        {(location?.custom || location?.unavailable) && (
          <button type="button" className="small-button" disabled={busy} onClick={() => void change(null)}>
            {t('settings:backups.useDefault')}
          </button>
        )}
      </form>
      <p className="note">{t('settings:backups.hint')}</p>
      {message && (
        <p className={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  )
}
