import { useState } from 'react'
import type { MergeResult } from '../../shared/api'
import { toBase64 } from '../files'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'

type Phase = { kind: 'choose' } | { kind: 'merging' } | { kind: 'done'; result: MergeResult } | { kind: 'failed'; message: string }

/** File → Merge project…: brings a colleague's whole project file (their layers, gold and history) into this one. */
export function MergeDialog() {
  const api = useApi()
  const setDialog = useApp((s) => s.setDialog)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const setStatus = useApp((s) => s.setStatus)
  const [file, setFile] = useState<File | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })

  const run = async (): Promise<void> => {
    if (!file) return
    setPhase({ kind: 'merging' })
    try {
      const result = await api.mergeProject({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })
      setPhase({ kind: 'done', result })
      setStatus({ kind: 'info', message: `Merged ${file.name}: ${result.spansAdded} span(s) added` })
      await refreshDocuments()
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  return (
    <Modal title="Merge project" onClose={() => phase.kind !== 'merging' && setDialog(null)}>
      <p>
        Choose a colleague’s project file (<code>.sqlite</code>). Every annotator layer, the gold layer and the change history of documents
        with the same id and identical text are copied in; documents whose text differs are listed and left alone. Merging twice changes
        nothing.
      </p>
      <label className="field">
        Project file to merge
        <input type="file" accept=".sqlite,.db" disabled={phase.kind === 'merging'} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {phase.kind === 'merging' && (
        <div className="progress">
          <progress aria-label="Merge progress" />
          <span>Merging…</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <div className="result" role="status">
          <p>
            {phase.result.documentsMatched} document(s) matched, {phase.result.documentsAdded} added; {phase.result.spansAdded} span(s) added
            {Object.keys(phase.result.spansByLayer).length > 0 &&
              ` (${Object.entries(phase.result.spansByLayer)
                .map(([a, n]) => `${a} ${n}`)
                .join(', ')})`}
            ; {phase.result.historyGroupsAdded} history entries.
            {phase.result.regionsAdded > 0 && ` ${phase.result.regionsAdded} region(s) marked as not article text.`}
            {phase.result.relationsAdded > 0 && ` ${phase.result.relationsAdded} link(s) between spans added.`}
            {phase.result.entitiesAdded + phase.result.entityLinksAdded > 0 &&
              ` ${phase.result.entitiesAdded} entit${phase.result.entitiesAdded === 1 ? 'y' : 'ies'} and ${phase.result.entityLinksAdded} mention link(s) added.`}
          </p>
          {phase.result.conflicts.length > 0 && (
            <ul className="error">
              {phase.result.conflicts.map((c) => (
                <li key={c}>Not merged: {c}</li>
              ))}
            </ul>
          )}
          {phase.result.entityConflicts.length > 0 && (
            <ul className="error" aria-label="Entity conflicts">
              {phase.result.entityConflicts.map((c) => (
                <li key={c}>Entity conflict: {c}</li>
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
          Close
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={!file || phase.kind === 'merging'}>
          Merge
        </button>
      </div>
    </Modal>
  )
}
