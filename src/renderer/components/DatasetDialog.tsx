import { useMemo, useState } from 'react'
import type { ApiArgs, ApiResult } from '../../shared/api'
import { REJECTED } from '../../shared/layers'
import { useApi, useApp } from '../state/context'
import { FailureResult, toFailure, type Failure } from './FailureResult'
import { Modal } from './Modal'

type Form = ApiArgs<'buildDataset'>
type Phase = { kind: 'form' } | { kind: 'building' } | { kind: 'done'; result: ApiResult<'buildDataset'> } | { kind: 'failed'; failure: Failure }

const FORMATS: { value: Form['format']; name: string }[] = [
  { value: 'spanmark', name: 'Spanmark JSONL (canonical, with status)' },
  { value: 'doccano', name: 'doccano JSONL' },
  { value: 'prodigy', name: 'Prodigy JSONL (tokens + spans)' },
  { value: 'hf', name: 'Hugging Face token classification (BIO)' },
  { value: 'klue', name: 'KLUE-NER TSV' }
]

/** File → Build dataset…: the options of `spanmark dataset`, progress, and a summary of what was written and lost. */
export function DatasetDialog() {
  const api = useApi()
  const setDialog = useApp((s) => s.setDialog)
  const documents = useApp((s) => s.documents)
  const annotator = useApp((s) => s.annotator)
  const layers = useMemo(
    () => [...new Set(['gold', ...(annotator ? [annotator] : []), ...documents.flatMap((d) => d.layers.map((l) => l.annotator))])].filter((l) => l !== REJECTED),
    [documents, annotator]
  )
  const [form, setForm] = useState<Form>({
    layer: 'gold',
    format: 'hf',
    outDir: '',
    split: 'train=0.8,dev=0.1,test=0.1',
    seed: 0,
    status: 'reviewed',
    includeRestricted: false,
    map: '',
    labels: '',
    align: 'expand',
    tokens: 'eojeol',
    offsets: 'utf16'
  })
  const [phase, setPhase] = useState<Phase>({ kind: 'form' })
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const busy = phase.kind === 'building'
  const tokenFormat = form.format === 'prodigy' || form.format === 'hf' || form.format === 'klue'

  const run = async (): Promise<void> => {
    setPhase({ kind: 'building' })
    try {
      setPhase({ kind: 'done', result: await api.buildDataset(form) })
    } catch (err) {
      setPhase({ kind: 'failed', failure: toFailure(err) })
    }
  }

  return (
    <Modal title="Build dataset" onClose={() => !busy && setDialog(null)}>
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <label>
          Layer
          <select aria-label="Layer" value={form.layer} onChange={(e) => set('layer', e.target.value)} disabled={busy}>
            {layers.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select aria-label="Format" value={form.format} onChange={(e) => set('format', e.target.value as Form['format'])} disabled={busy}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Splits (by document)
          <input aria-label="Splits (by document)" value={form.split} onChange={(e) => set('split', e.target.value)} placeholder="train=0.8,dev=0.1,test=0.1 (empty: one file)" disabled={busy} />
        </label>
        <label>
          Seed
          <input aria-label="Seed" type="number" value={form.seed} onChange={(e) => set('seed', Math.trunc(Number(e.target.value)) || 0)} disabled={busy} />
        </label>
        <label>
          Documents
          <select aria-label="Documents" value={form.status} onChange={(e) => set('status', e.target.value as Form['status'])} disabled={busy}>
            <option value="reviewed">Reviewed only</option>
            <option value="any">Any review status</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={form.includeRestricted} onChange={(e) => set('includeRestricted', e.target.checked)} disabled={busy} /> Include documents
          that forbid AI training
        </label>
        <label>
          Rename labels
          <input aria-label="Rename labels" value={form.map} onChange={(e) => set('map', e.target.value)} placeholder="MEETING=EVENT,…" disabled={busy} />
        </label>
        <label>
          Keep only labels
          <input aria-label="Keep only labels" value={form.labels} onChange={(e) => set('labels', e.target.value)} placeholder="all (or PERSON,ORGANISATION)" disabled={busy} />
        </label>
        {tokenFormat && (
          <label>
            Spans off token boundaries
            <select aria-label="Spans off token boundaries" value={form.align} onChange={(e) => set('align', e.target.value as Form['align'])} disabled={busy}>
              <option value="expand">Expand to whole tokens (NAVER NER style)</option>
              <option value="contract">Contract to whole tokens</option>
              <option value="drop">Drop (counted)</option>
            </select>
          </label>
        )}
        {form.format === 'hf' && (
          <label>
            Tokens
            <select aria-label="Tokens" value={form.tokens} onChange={(e) => set('tokens', e.target.value as Form['tokens'])} disabled={busy}>
              <option value="eojeol">Eojeol (whitespace-separated)</option>
              <option value="char">Characters</option>
            </select>
          </label>
        )}
        {form.format === 'doccano' && (
          <label>
            Offsets
            <select aria-label="Offsets" value={form.offsets} onChange={(e) => set('offsets', e.target.value as Form['offsets'])} disabled={busy}>
              <option value="utf16">UTF-16 (doccano)</option>
              <option value="codepoint">Code points</option>
            </select>
          </label>
        )}
        <label className="wide">
          Output folder
          <input aria-label="Output folder" value={form.outDir} onChange={(e) => set('outDir', e.target.value)} placeholder="empty: datasets/… beside the project file" disabled={busy} />
        </label>
        {busy && (
          <div className="progress wide">
            <progress aria-label="Dataset progress" />
            <span>Selecting, encoding and validating…</span>
          </div>
        )}
        {phase.kind === 'done' && (
          <div className="result wide" role="status">
            <p>
              Wrote {phase.result.documents} document(s), {phase.result.spans} span(s) to {phase.result.outDir}: {phase.result.files.join(', ')}.
            </p>
            <ul className="summary-lines">
              {phase.result.summary.slice(1).map((l, i) => (
                <li key={i}>{l.trim()}</li>
              ))}
            </ul>
          </div>
        )}
        {phase.kind === 'failed' && <FailureResult failure={phase.failure} className="wide" />}
        <div className="modal-actions wide">
          <button type="button" onClick={() => setDialog(null)} disabled={busy}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Build
          </button>
        </div>
      </form>
    </Modal>
  )
}
