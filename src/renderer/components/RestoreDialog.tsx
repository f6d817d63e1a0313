import { useEffect, useState } from 'react'
import { Trans } from 'react-i18next'
import { useLocale } from '../ui-text'
import { useT } from '../use-t'
import type { BackupList, BackupSummary } from '../../shared/api'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'
import { useErrorText } from '../ui-text'

type Phase =
  | { kind: 'loading' }
  | { kind: 'list' }
  | { kind: 'confirm'; backup: BackupSummary }
  | { kind: 'working'; message: string }
  | { kind: 'restored'; backup: BackupSummary; undo: BackupSummary }
  | { kind: 'failed'; message: string }

function size(bytes: number, locale: string): string {
  const unit = (n: number, u: 'byte' | 'kilobyte' | 'megabyte', digits: number): string =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n)
  if (bytes < 1024) return unit(bytes, 'byte', 0)
  if (bytes < 1024 * 1024) return unit(bytes / 1024, 'kilobyte', 0)
  return unit(bytes / 1024 / 1024, 'megabyte', 1)
}

/**
 * File → Restore from backup…: the project's snapshots (newest first) and, after
 * a confirmation, replacing the whole project with one. The state it replaces
 * is saved as a backup first; the page then reloads everything from the project.
 */
export function RestoreDialog() {
  const api = useApi()
  const setDialog = useApp((s) => s.setDialog)
  const [list, setList] = useState<BackupList | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const busy = phase.kind === 'working' || phase.kind === 'restored'
  const t = useT()
  const showError = useErrorText()
  const locale = useLocale()
  const when = (iso: string): string => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' })
  const count = (n: number | null, noun: 'document' | 'span'): string =>
    n === null ? t('dialogs:n.unknown', { noun: t(`dialogs:restore.${noun}s`) }) : t(`dialogs:n.${noun}`, { count: n })

  const load = async (select?: string): Promise<void> => {
    try {
      const result = await api.listBackups({})
      setList(result)
      setChosen(select ?? result.backups.find((b) => b.problem === null)?.name ?? null)
      setPhase({ kind: 'list' })
    } catch (err) {
      setPhase({ kind: 'failed', message: showError(err) })
    }
  }

  useEffect(() => {
    // Once, when the dialog opens.
    void load()
  }, [])

  const backupNow = async (): Promise<void> => {
    setPhase({ kind: 'working', message: t('dialogs:restore.backingUp') })
    try {
      const made = await api.backupNow({})
      await load(made.name)
    } catch (err) {
      setPhase({ kind: 'failed', message: showError(err) })
    }
  }

  const restore = async (backup: BackupSummary): Promise<void> => {
    setPhase({ kind: 'working', message: t('dialogs:restore.restoring') })
    try {
      const result = await api.restoreBackup({ name: backup.name })
      setPhase({ kind: 'restored', backup: result.restored, undo: result.undo })
      // Everything shown (documents, spans, panes) is read again from the restored project.
      window.location.reload()
    } catch (err) {
      setPhase({ kind: 'failed', message: showError(err) })
    }
  }

  const selected = list?.backups.find((b) => b.name === chosen) ?? null

  return (
    <Modal title={t('dialogs:restore.title')} onClose={() => !busy && setDialog(null)}>
      <p>{t('dialogs:restore.intro', { keep: list?.keep ?? 10 })}</p>
      {phase.kind === 'loading' && <p>{t('dialogs:restore.loading')}</p>}
      {list && list.backups.length === 0 && <p role="status">{t('dialogs:restore.none')}</p>}
      {list && list.backups.length > 0 && (
        <table className="scores" aria-label={t('dialogs:restore.table')}>
          <thead>
            <tr>
              <th scope="col" aria-label={t('dialogs:restore.choose')} />
              <th scope="col">{t('dialogs:restore.taken')}</th>
              <th scope="col">{t('dialogs:restore.why')}</th>
              <th scope="col">{t('dialogs:restore.size')}</th>
              <th scope="col">{t('dialogs:restore.documents')}</th>
              <th scope="col">{t('dialogs:restore.spans')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name} data-testid={`backup-${b.name}`}>
                <td>
                  <input
                    type="radio"
                    name="backup"
                    aria-label={t('dialogs:restore.takenAt', { when: when(b.at) })}
                    checked={chosen === b.name}
                    disabled={b.problem !== null || busy}
                    onChange={() => {
                      setChosen(b.name)
                      setPhase({ kind: 'list' })
                    }}
                  />
                </td>
                <td>{when(b.at)}</td>
                <td>{t(`dialogs:restore.reason.${b.reason}`)}</td>
                <td>{size(b.bytes, locale)}</td>
                {b.problem === null ? (
                  <>
                    <td>{b.documents}</td>
                    <td>{b.spans}</td>
                  </>
                ) : (
                  <td colSpan={2} className="error" title={b.problem}>
                    {t('dialogs:restore.unreadable')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && <p className="muted">{t('dialogs:restore.folder', { folder: list.folder })}</p>}
      {phase.kind === 'confirm' && (
        <p className="result" role="alert">
          <Trans
            t={t}
            i18nKey="dialogs:restore.confirm"
            values={{ when: when(phase.backup.at), documents: count(phase.backup.documents, 'document'), spans: count(phase.backup.spans, 'span') }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {phase.kind === 'working' && (
        <div className="progress">
          <progress aria-label={t('dialogs:restore.progress')} />
          <span>{phase.message}</span>
        </div>
      )}
      {phase.kind === 'restored' && (
        <p className="result" role="status">
          {t('dialogs:restore.restored', { when: when(phase.backup.at), undo: phase.undo.name })}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p className="result error" role="alert">
          {phase.message}
        </p>
      )}
      <div className="modal-actions">
        {phase.kind === 'confirm' ? (
          <>
            <button type="button" onClick={() => setPhase({ kind: 'list' })}>
              {t('common:cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void restore(phase.backup)}>
              {t('dialogs:restore.restore')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void backupNow()} disabled={busy || phase.kind === 'loading'}>
              {t('dialogs:restore.backUpNow')}
            </button>
            <span className="spacer" />
            <button type="button" onClick={() => setDialog(null)} disabled={busy}>
              {t('common:close')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => selected && setPhase({ kind: 'confirm', backup: selected })}
              disabled={!selected || busy}
            >
              {t('dialogs:restore.restoreEllipsis')}
            </button>
          </>
        )}
      </div>
    </Modal>
  )
}
