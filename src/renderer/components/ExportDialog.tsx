import { useState } from 'react'
import type { ExportResult } from '../../shared/api'
import { downloadText } from '../files'
import { useApi, useApp } from '../state/context'
import { Modal } from './Modal'

type Phase = { kind: 'ready' } | { kind: 'exporting' } | { kind: 'done'; result: ExportResult } | { kind: 'failed'; message: string }

/** File → Export: the current annotator's layer as canonical JSONL, saved as a file. */
export function ExportDialog() {
  const api = useApi()
  const annotator = useApp((s) => s.annotator)
  const setDialog = useApp((s) => s.setDialog)
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' })
  const [format, setFormat] = useState<'spanmark' | 'doccano' | 'prodigy'>('spanmark')

  const run = async (): Promise<void> => {
    if (!annotator) return
    setPhase({ kind: 'exporting' })
    try {
      const result = await api.exportJsonl({ annotator, format })
      downloadText(result.fileName, result.content)
      setPhase({ kind: 'done', result })
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  return (
    <Modal title="Export JSONL" onClose={() => phase.kind !== 'exporting' && setDialog(null)}>
      <p>
        Writes every document with <strong>{annotator ?? '—'}</strong>’s spans, one JSON object per line; nothing is filtered. Spanmark
        and Prodigy offsets are Unicode code points (end exclusive); doccano’s are UTF-16 code units, as doccano counts them.
      </p>
      <label className="field">
        Format
        <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)} disabled={phase.kind === 'exporting'}>
          <option value="spanmark">Spanmark JSONL (canonical, code points)</option>
          <option value="doccano">doccano JSONL (UTF-16 offsets)</option>
          <option value="prodigy">Prodigy JSONL (tokens and spans)</option>
        </select>
      </label>
      {phase.kind === 'exporting' && (
        <div className="progress">
          <progress aria-label="Export progress" />
          <span>Exporting…</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <p className="result" role="status">
          Exported {phase.result.documents} document(s) and {phase.result.spans} span(s) to {phase.result.fileName}.
        </p>
      )}
      {phase.kind === 'done' && phase.result.entities && (
        <p>
          The spans’ <code>entity_id</code> refer to the project’s {phase.result.entities.count} entities:{' '}
          <button type="button" onClick={() => phase.result.entities && downloadText(phase.result.entities.fileName, phase.result.entities.content)}>
            Download {phase.result.entities.fileName}
          </button>
        </p>
      )}
      {phase.kind === 'done' && phase.result.notes.length > 0 && (
        <ul className="summary-lines" aria-label="What this format could not hold">
          {phase.result.notes.map((n, i) => (
            <li key={i}>{n.trim()}</li>
          ))}
        </ul>
      )}
      {phase.kind === 'failed' && (
        <p className="result error" role="alert">
          Export failed: {phase.message}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => setDialog(null)} disabled={phase.kind === 'exporting'}>
          Close
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={phase.kind === 'exporting' || !annotator}>
          Export
        </button>
      </div>
    </Modal>
  )
}
