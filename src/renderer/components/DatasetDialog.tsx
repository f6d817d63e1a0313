import { useMemo, useState } from 'react'
import type { ApiArgs, ApiResult } from '../../shared/api'
import { REJECTED } from '../../shared/layers'
import { useApi, useApp } from '../state/context'
import { FailureResult, toFailure, type Failure } from './FailureResult'
import { Modal } from './Modal'
import { useT } from '../use-t'

type Form = ApiArgs<'buildDataset'>
type Phase = { kind: 'form' } | { kind: 'building' } | { kind: 'done'; result: ApiResult<'buildDataset'> } | { kind: 'failed'; failure: Failure }

const FORMATS: Form['format'][] = ['spanmark', 'doccano', 'prodigy', 'hf', 'klue', 'spacy']

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
    tokens: 'morph',
    offsets: 'utf16'
  })
  const [phase, setPhase] = useState<Phase>({ kind: 'form' })
  const t = useT()
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const busy = phase.kind === 'building'
  const tokenFormat = form.format === 'prodigy' || form.format === 'hf' || form.format === 'klue' || form.format === 'spacy'

  /** Builds; an empty selection comes back unwritten (result.empty) unless `allowEmpty`. */
  const run = async (args: Form = form): Promise<void> => {
    setPhase({ kind: 'building' })
    try {
      setPhase({ kind: 'done', result: await api.buildDataset(args) })
    } catch (err) {
      setPhase({ kind: 'failed', failure: toFailure(err) })
    }
  }
  const includeUnreviewed = (): void => {
    const next = { ...form, status: 'any' as const }
    setForm(next)
    void run(next)
  }

  return (
    <Modal title={t('dialogs:dataset.title')} onClose={() => !busy && setDialog(null)}>
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault()
          void run()
        }}
      >
        <label>
          {t('dialogs:dataset.layer')}
          <select aria-label={t('dialogs:dataset.layer')} value={form.layer} onChange={(e) => set('layer', e.target.value)} disabled={busy}>
            {layers.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dialogs:dataset.format')}
          <select aria-label={t('dialogs:dataset.format')} value={form.format} onChange={(e) => set('format', e.target.value as Form['format'])} disabled={busy}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`dialogs:dataset.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dialogs:dataset.splits')}
          <input aria-label={t('dialogs:dataset.splits')} value={form.split} onChange={(e) => set('split', e.target.value)} placeholder={t('dialogs:dataset.splitsPlaceholder')} disabled={busy} />
        </label>
        <label>
          {t('dialogs:dataset.seed')}
          <input aria-label={t('dialogs:dataset.seed')} type="number" value={form.seed} onChange={(e) => set('seed', Math.trunc(Number(e.target.value)) || 0)} disabled={busy} />
        </label>
        <label>
          {t('dialogs:dataset.documents')}
          <select aria-label={t('dialogs:dataset.documents')} value={form.status} onChange={(e) => set('status', e.target.value as Form['status'])} disabled={busy}>
            <option value="reviewed">{t('dialogs:dataset.reviewedOnly')}</option>
            <option value="any">{t('dialogs:dataset.anyStatus')}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={form.includeRestricted} onChange={(e) => set('includeRestricted', e.target.checked)} disabled={busy} /> {t('dialogs:dataset.includeRestricted')}
        </label>
        <label>
          {t('dialogs:dataset.rename')}
          <input aria-label={t('dialogs:dataset.rename')} value={form.map} onChange={(e) => set('map', e.target.value)} placeholder={t('dialogs:dataset.renamePlaceholder')} disabled={busy} />
        </label>
        <label>
          {t('dialogs:dataset.keepOnly')}
          <input aria-label={t('dialogs:dataset.keepOnly')} value={form.labels} onChange={(e) => set('labels', e.target.value)} placeholder={t('dialogs:dataset.keepOnlyPlaceholder')} disabled={busy} />
        </label>
        {tokenFormat && (
          <label>
            {t('dialogs:dataset.align')}
            <select aria-label={t('dialogs:dataset.align')} value={form.align} onChange={(e) => set('align', e.target.value as Form['align'])} disabled={busy}>
              <option value="expand">{t('dialogs:dataset.expand')}</option>
              <option value="contract">{t('dialogs:dataset.contract')}</option>
              <option value="drop">{t('dialogs:dataset.drop')}</option>
            </select>
          </label>
        )}
        {(form.format === 'hf' || form.format === 'prodigy' || form.format === 'spacy') && (
          <label>
            {t('dialogs:dataset.tokens')}
            <select aria-label={t('dialogs:dataset.tokens')} value={form.tokens} onChange={(e) => set('tokens', e.target.value as Form['tokens'])} disabled={busy}>
              <option value="morph">{t('dialogs:dataset.morph')}</option>
              <option value="eojeol">{t('dialogs:dataset.eojeol')}</option>
              <option value="char">{t('dialogs:dataset.chars')}</option>
            </select>
          </label>
        )}
        {form.format === 'doccano' && (
          <label>
            {t('dialogs:dataset.offsets')}
            <select aria-label={t('dialogs:dataset.offsets')} value={form.offsets} onChange={(e) => set('offsets', e.target.value as Form['offsets'])} disabled={busy}>
              <option value="utf16">{t('dialogs:dataset.utf16')}</option>
              <option value="codepoint">{t('dialogs:dataset.codepoints')}</option>
            </select>
          </label>
        )}
        <label className="wide">
          {t('dialogs:dataset.outDir')}
          <input aria-label={t('dialogs:dataset.outDir')} value={form.outDir} onChange={(e) => set('outDir', e.target.value)} placeholder={t('dialogs:dataset.outDirPlaceholder')} disabled={busy} />
        </label>
        {busy && (
          <div className="progress wide">
            <progress aria-label={t('dialogs:dataset.progress')} />
            <span>{t('dialogs:dataset.building')}</span>
          </div>
        )}
        {phase.kind === 'done' && phase.result.empty && (
          <div className="result wide" role="alert">
            <p>{t('dialogs:dataset.empty.title')}</p>
            <ul className="summary-lines">
              {phase.result.empty.documents === 0 && <li>{t('dialogs:dataset.empty.none')}</li>}
              {phase.result.empty.notReviewed > 0 && <li>{t('dialogs:dataset.empty.notReviewed', { count: phase.result.empty.notReviewed })}</li>}
              {phase.result.empty.restricted > 0 && <li>{t('dialogs:dataset.empty.restricted', { count: phase.result.empty.restricted })}</li>}
              {phase.result.empty.notReviewed > 0 && <li>{t('dialogs:dataset.empty.reviewFirst')}</li>}
            </ul>
            <div className="modal-actions">
              {phase.result.empty.notReviewed > 0 && (
                <button type="button" className="primary" onClick={includeUnreviewed}>
                  {t('dialogs:dataset.empty.includeUnreviewed')}
                </button>
              )}
              <button type="button" onClick={() => void run({ ...form, allowEmpty: true })}>
                {t('dialogs:dataset.empty.anyway')}
              </button>
            </div>
          </div>
        )}
        {phase.kind === 'done' && !phase.result.empty && <DatasetSummary result={phase.result} />}
        {phase.kind === 'failed' && <FailureResult failure={phase.failure} className="wide" />}
        <div className="modal-actions wide">
          <button type="button" onClick={() => setDialog(null)} disabled={busy}>
            {t('common:close')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('dialogs:dataset.run')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** What was written and left out, in the dialog's words (the CLI prints its own summary with flags). */
function DatasetSummary({ result }: { result: ApiResult<'buildDataset'> }) {
  const t = useT()
  const excluded = result.excluded ?? []
  const notReviewed = excluded.filter((e) => e.why === 'notReviewed')
  const restricted = excluded.filter((e) => e.why === 'restricted')
  const lost = (result.inputSpans ?? 0) - (result.writtenSpans ?? 0)
  return (
    <div className="result wide" role="status">
      <p>
        {t('dialogs:dataset.wrote', {
          documents: t('dialogs:n.document', { count: result.documents }),
          spans: t('dialogs:n.span', { count: result.spans }),
          dir: result.outDir,
          files: result.files.join(', ')
        })}
      </p>
      <ul className="summary-lines">
        <li>{t('dialogs:dataset.spansWritten', { written: result.writtenSpans ?? 0, input: result.inputSpans ?? 0 })}</li>
        {lost > 0 && <li>{t('dialogs:dataset.spansLost', { count: lost })}</li>}
        {notReviewed.length > 0 && <li title={notReviewed.map((e) => e.id).join(', ')}>{t('dialogs:dataset.leftOutNotReviewed', { count: notReviewed.length })}</li>}
        {restricted.length > 0 && <li title={restricted.map((e) => e.id).join(', ')}>{t('dialogs:dataset.leftOutRestricted', { count: restricted.length })}</li>}
        {(result.emptySplits ?? []).map((name) => (
          <li key={name}>{t('dialogs:dataset.emptySplit', { name, seed: result.seed ?? 0 })}</li>
        ))}
      </ul>
    </div>
  )
}
