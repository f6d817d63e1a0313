import { useState } from 'react'
import { Trans } from 'react-i18next'
import { useT } from '../use-t'
import type { ImportResult } from '../../shared/api'
import { toBase64 } from '../files'
import { whileImporting } from '../state/import-activity'
import { useApi, useApp } from '../state/context'
import { CLEAR_STATUS } from '../state/status'
import { FailureResult, toFailure, type Failure } from './FailureResult'
import { Modal } from './Modal'
import { messageText } from '../error-text'
import { useUiText } from '../ui-text'

type Phase =
  | { kind: 'choose' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'importing' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; failure: Failure }

/** File → Import: .txt files (one document each) and .jsonl files, all or nothing. */
export function ImportDialog() {
  const api = useApi()
  const annotator = useApp((s) => s.annotator)
  const setDialog = useApp((s) => s.setDialog)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const setStatus = useApp((s) => s.setStatus)
  const [files, setFiles] = useState<File[]>([])
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const busy = phase.kind === 'reading' || phase.kind === 'importing'
  const t = useT()
  const show = useUiText()
  const summary = (r: ImportResult): string =>
    t('dialogs:import.summary', {
      documents: t('dialogs:n.newDocument', { count: r.newDocuments }),
      spans: t('dialogs:n.newSpan', { count: r.newSpans }),
      files: t('dialogs:n.file', { count: r.files.length })
    })

  // Counted as a running import: the desktop app asks before closing meanwhile.
  const run = (): Promise<void> => whileImporting(runImport)
  const runImport = async (): Promise<void> => {
    // What an earlier import said leaves the status line: this one's result shows here (and, on success, there).
    setStatus(CLEAR_STATUS)
    try {
      const payload = []
      for (let i = 0; i < files.length; i++) {
        setPhase({ kind: 'reading', done: i, total: files.length })
        const file = files[i] as File
        payload.push({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })
      }
      setPhase({ kind: 'importing' })
      const result = await api.importFiles({ files: payload, ...(annotator ? { annotator } : {}) })
      setPhase({ kind: 'done', result })
      setStatus({ kind: 'info', message: summary(result) })
      await refreshDocuments()
    } catch (err) {
      setPhase({ kind: 'failed', failure: toFailure(err) })
    }
  }

  return (
    <Modal title={t('dialogs:import.title')} onClose={() => !busy && setDialog(null)}>
      <p>
        <Trans
          t={t}
          i18nKey={annotator ? 'dialogs:import.introNamed' : 'dialogs:import.introYours'}
          values={{ name: annotator ?? '' }}
          components={{ code: <code />, strong: <strong /> }}
        />
      </p>
      <label className="field">
        {t('dialogs:import.files')}
        <input
          type="file"
          multiple
          accept=".txt,.jsonl"
          disabled={busy}
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])])
            setPhase({ kind: 'choose' })
          }}
        />
      </label>
      {busy && (
        <div className="progress">
          <progress
            aria-label={t('dialogs:import.progress')}
            max={phase.kind === 'reading' ? phase.total + 1 : undefined}
            value={phase.kind === 'reading' ? phase.done : undefined}
          />
          <span>{phase.kind === 'reading' ? t('dialogs:import.reading', { n: phase.done + 1, total: phase.total }) : t('dialogs:import.saving')}</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <div className="result" role="status">
          <p>{summary(phase.result)}</p>
          <ul>
            {phase.result.files.map((f) => (
              <li key={f.name}>
                {t('dialogs:import.fileLine', {
                  name: f.name,
                  documents: t('dialogs:n.document', { count: f.documents }),
                  newDocuments: f.newDocuments,
                  spans: t('dialogs:n.span', { count: f.spans }),
                  newSpans: f.newSpans
                })}
              </li>
            ))}
          </ul>
          {phase.result.notes.map((note, i) => (
            <p key={i} className="note">
              {t('dialogs:import.note', { note: show(messageText(note)) })}
            </p>
          ))}
        </div>
      )}
      {phase.kind === 'failed' && <FailureResult failure={phase.failure} />}
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)} disabled={busy}>
          {t('common:close')}
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || files.length === 0}>
          {t('dialogs:import.run')}
        </button>
      </div>
    </Modal>
  )
}


