import { useState } from 'react'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'
import type { MergeResult } from '../../shared/api'
import { toBase64 } from '../files'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'
import { useErrorText } from '../ui-text'

type Phase = { kind: 'choose' } | { kind: 'merging' } | { kind: 'done'; result: MergeResult } | { kind: 'failed'; message: string }

/** File → Merge project…: brings a colleague's whole project file (their layers, gold and history) into this one. */
export function MergeDialog() {
  const api = useApi()
  const setDialog = useApp((s) => s.setDialog)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const setStatus = useApp((s) => s.setStatus)
  const [file, setFile] = useState<File | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const t = useT()
  const showError = useErrorText()

  const run = async (): Promise<void> => {
    if (!file) return
    setPhase({ kind: 'merging' })
    try {
      const result = await api.mergeProject({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })
      setPhase({ kind: 'done', result })
      setStatus({ kind: 'info', message: t('dialogs:merge.status', { file: file.name, spans: t('dialogs:n.span', { count: result.spansAdded }) }) })
      await refreshDocuments()
    } catch (err) {
      setPhase({ kind: 'failed', message: showError(err) })
    }
  }

  return (
    <Modal title={t('dialogs:merge.title')} onClose={() => phase.kind !== 'merging' && setDialog(null)}>
      <p>
        <Trans t={t} i18nKey="dialogs:merge.intro" components={{ code: <code /> }} />
      </p>
      <label className="field">
        {t('dialogs:merge.file')}
        <input type="file" accept=".sqlite,.db" disabled={phase.kind === 'merging'} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {phase.kind === 'merging' && (
        <div className="progress">
          <progress aria-label={t('dialogs:merge.progress')} />
          <span>{t('dialogs:merge.merging')}</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <div className="result" role="status">
          <p>
            {t('dialogs:merge.summary', {
              matched: t('dialogs:n.document', { count: phase.result.documentsMatched }),
              added: phase.result.documentsAdded,
              spans: t('dialogs:n.span', { count: phase.result.spansAdded }),
              byLayer:
                Object.keys(phase.result.spansByLayer).length > 0
                  ? ` (${Object.entries(phase.result.spansByLayer)
                      .map(([a, n]) => `${a} ${n}`)
                      .join(', ')})`
                  : '',
              history: t('dialogs:merge.history', { count: phase.result.historyGroupsAdded })
            })}
            {phase.result.regionsAdded > 0 && t('dialogs:merge.regions', { count: phase.result.regionsAdded })}
            {phase.result.relationsAdded > 0 && t('dialogs:merge.links', { count: phase.result.relationsAdded })}
            {phase.result.entitiesAdded + phase.result.entityLinksAdded > 0 &&
              t('dialogs:merge.entities', {
                entities: t('dialogs:merge.entity', { count: phase.result.entitiesAdded }),
                links: t('dialogs:merge.mentionLink', { count: phase.result.entityLinksAdded })
              })}
          </p>
          {phase.result.conflicts.length > 0 && (
            <ul className="error">
              {phase.result.conflicts.map((c) => (
                <li key={c}>{t('dialogs:merge.notMerged', { reason: c })}</li>
              ))}
            </ul>
          )}
          {phase.result.entityConflicts.length > 0 && (
            <ul className="error" aria-label={t('dialogs:merge.entityConflicts')}>
              {phase.result.entityConflicts.map((c) => (
                <li key={c}>{t('dialogs:merge.entityConflict', { reason: c })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {phase.kind === 'failed' && (
        <p className="result error" role="alert">
          {phase.message}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)} disabled={phase.kind === 'merging'}>
          {t('common:close')}
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={!file || phase.kind === 'merging'}>
          {t('dialogs:merge.run')}
        </button>
      </div>
    </Modal>
  )
}
