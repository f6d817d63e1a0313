import { useState } from 'react'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'
import type { ExportResult } from '../../shared/api'
import { downloadText } from '../files'
import { useApi, useApp } from '../state/context'
import { CLEAR_STATUS } from '../state/status'
import { Modal } from './Modal'
import { useErrorText } from '../ui-text'

type Phase = { kind: 'ready' } | { kind: 'exporting' } | { kind: 'done'; result: ExportResult } | { kind: 'failed'; message: string }

/** File → Export: the current annotator's layer as canonical JSONL, saved as a file. */
export function ExportDialog() {
  const api = useApi()
  const annotator = useApp((s) => s.annotator)
  const setDialog = useApp((s) => s.setDialog)
  const setStatus = useApp((s) => s.setStatus)
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' })
  const [format, setFormat] = useState<'spanmark' | 'doccano' | 'prodigy'>('spanmark')
  const t = useT()
  const showError = useErrorText()

  const run = async (): Promise<void> => {
    if (!annotator) return
    // The result (or failure) shows in the dialog; an older message must not sit beside it.
    setStatus(CLEAR_STATUS)
    setPhase({ kind: 'exporting' })
    try {
      const result = await api.exportJsonl({ annotator, format })
      downloadText(result.fileName, result.content)
      setPhase({ kind: 'done', result })
    } catch (err) {
      setPhase({ kind: 'failed', message: showError(err) })
    }
  }

  return (
    <Modal title={t('dialogs:export.title')} onClose={() => phase.kind !== 'exporting' && setDialog(null)}>
      <p>
        <Trans t={t} i18nKey="dialogs:export.intro" values={{ name: annotator ?? '—' }} components={{ strong: <strong /> }} />
      </p>
      <label className="field">
        {t('dialogs:export.format')}
        <select aria-label={t('dialogs:export.formatSelect')} value={format} onChange={(e) => setFormat(e.target.value as typeof format)} disabled={phase.kind === 'exporting'}>
          <option value="spanmark">{t('dialogs:export.spanmark')}</option>
          <option value="doccano">{t('dialogs:export.doccano')}</option>
          <option value="prodigy">{t('dialogs:export.prodigy')}</option>
        </select>
      </label>
      {phase.kind === 'exporting' && (
        <div className="progress">
          <progress aria-label={t('dialogs:export.progress')} />
          <span>{t('dialogs:export.exporting')}</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <p className="result" role="status">
          {t('dialogs:export.done', {
            documents: t('dialogs:n.document', { count: phase.result.documents }),
            spans: t('dialogs:n.span', { count: phase.result.spans }),
            file: phase.result.fileName
          })}
        </p>
      )}
      {phase.kind === 'done' && phase.result.entities && (
        <p>
          <Trans t={t} i18nKey="dialogs:export.entities" count={phase.result.entities.count} components={{ code: <code /> }} />{' '}
          <button type="button" onClick={() => phase.result.entities && downloadText(phase.result.entities.fileName, phase.result.entities.content)}>
            {t('dialogs:export.download', { file: phase.result.entities.fileName })}
          </button>
        </p>
      )}
      {phase.kind === 'done' && phase.result.notes.length > 0 && (
        <ul className="summary-lines" aria-label={t('dialogs:export.lost')}>
          {phase.result.notes.map((n, i) => (
            <li key={i}>{n.trim()}</li>
          ))}
        </ul>
      )}
      {phase.kind === 'failed' && (
        <p className="result error" role="alert">
          {t('dialogs:export.failed', { reason: phase.message })}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)} disabled={phase.kind === 'exporting'}>
          {t('common:close')}
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={phase.kind === 'exporting' || !annotator}>
          {t('dialogs:export.run')}
        </button>
      </div>
    </Modal>
  )
}
