import { GOLD, REJECTED } from '../../shared/layers'
import type { Pane } from '../state/app-store'
import { useApi, useApp } from '../state/context'
import { paneLayer } from '../state/slots'
import { BoilerplateControl } from './BoilerplateControl'
import { showBidiControls } from '../text/bidi'

/** A pane's header: document, which layer it shows (or review mode), span count, close. */
export function PaneHeader({ pane, index }: { pane: Pane; index: number }) {
  const annotator = useApp((s) => s.annotator)
  const summary = useApp((s) => s.documents.find((d) => d.id === pane.docId))
  const setPaneLayer = useApp((s) => s.setPaneLayer)
  const setPaneReview = useApp((s) => s.setPaneReview)
  const closePane = useApp((s) => s.closePane)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const setStatus = useApp((s) => s.setStatus)
  const api = useApi()
  const restricted = summary?.restricted ?? null
  const toggleRestricted = async (): Promise<void> => {
    try {
      const r = await api.setRestricted({ docId: pane.docId, restricted: restricted === null })
      setStatus({ kind: 'info', message: r.restricted ? `${pane.docId} is restricted: datasets leave it out (${r.restricted})` : `${pane.docId} may be used in datasets` })
      await refreshDocuments()
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) })
    }
  }
  const layer = paneLayer(pane, annotator)
  const title = showBidiControls(summary?.title ?? pane.docId)
  const layers = summary?.layers ?? []
  const count = layers.find((l) => l.annotator === layer)?.spans ?? 0
  const names = [...new Set([...(annotator ? [annotator] : []), ...layers.map((l) => l.annotator).filter((a) => a !== REJECTED), GOLD])]
  const others = layers.map((l) => l.annotator).filter((a) => a !== GOLD && a !== REJECTED)
  const readOnly = layer !== annotator

  return (
    <header className="pane-header">
      <span className="pane-doc-id">{pane.docId}</span>
      <span className="pane-title" title={title}>
        {title}
      </span>
      {pane.review ? (
        <>
          <span className="badge review">Review: {pane.review.join(' · ')}</span>
          <button type="button" className="small-button" onClick={() => setPaneReview(index, null)}>
            Leave review
          </button>
        </>
      ) : (
        <>
          <label className="layer-select">
            <span className="visually-hidden">Layer shown in pane {index + 1}</span>
            <select aria-label={`Layer shown in pane ${index + 1}`} value={layer} onChange={(e) => setPaneLayer(index, e.target.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n === annotator ? `${n} (you)` : n}
                </option>
              ))}
            </select>
          </label>
          {readOnly && <span className="badge">read-only</span>}
          <span className="pane-count">{count === 1 ? '1 span' : `${count} spans`}</span>
          {!readOnly && <BoilerplateControl docId={pane.docId} />}
          <button
            type="button"
            className="small-button"
            disabled={others.length < 2}
            title={others.length < 2 ? 'Review needs two or more annotators with spans on this document' : `Compare ${others.join(', ')}`}
            onClick={() => setPaneReview(index, others)}
          >
            Review
          </button>
        </>
      )}
      <button
        type="button"
        className={restricted ? 'small-button restricted' : 'small-button'}
        aria-pressed={restricted !== null}
        title={restricted ? `Restricted: “${restricted}”. Datasets leave it out unless asked. Click to allow.` : 'Allowed in training datasets. Click to restrict.'}
        onClick={() => void toggleRestricted()}
      >
        {restricted ? 'No AI training' : 'AI training OK'}
      </button>
      <button type="button" className="icon-button" aria-label={`Close ${pane.docId}`} onClick={() => closePane(index)}>
        ×
      </button>
    </header>
  )
}
