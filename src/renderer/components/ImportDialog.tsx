import { useState } from 'react'
import type { ImportResult } from '../../shared/api'
import { toBase64 } from '../files'
import { useApi, useApp } from '../state/context'
import { FailureResult, toFailure, type Failure } from './FailureResult'
import { Modal } from './Modal'

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

  const run = async (): Promise<void> => {
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
    <Modal title="Import documents" onClose={() => !busy && setDialog(null)}>
      <p>
        Choose <code>.txt</code> files (one document each, named by the file) or <code>.jsonl</code> files (one document per line;
        spans go to {annotator ? <strong>{annotator}</strong> : 'your'} layer). Choose an export&apos;s <code>.entities.jsonl</code> with it to bring
        its entities back. A file with any bad line is refused whole.
      </p>
      <label className="field">
        Files to import
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
            aria-label="Import progress"
            max={phase.kind === 'reading' ? phase.total + 1 : undefined}
            value={phase.kind === 'reading' ? phase.done : undefined}
          />
          <span>{phase.kind === 'reading' ? `Reading file ${phase.done + 1} of ${phase.total}…` : 'Checking and saving…'}</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <div className="result" role="status">
          <p>{summary(phase.result)}</p>
          <ul>
            {phase.result.files.map((f) => (
              <li key={f.name}>
                {f.name}: {f.documents} document(s), {f.newDocuments} new; {f.spans} span(s), {f.newSpans} new
              </li>
            ))}
          </ul>
          {phase.result.notes.map((note) => (
            <p key={note} className="note">
              Note: {note}
            </p>
          ))}
        </div>
      )}
      {phase.kind === 'failed' && <FailureResult failure={phase.failure} />}
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)} disabled={busy}>
          Close
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || files.length === 0}>
          Import
        </button>
      </div>
    </Modal>
  )
}

function summary(r: ImportResult): string {
  return `Imported ${r.newDocuments} new document(s) and ${r.newSpans} new span(s) from ${r.files.length} file(s).`
}
