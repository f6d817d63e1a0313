import { useRef, type ReactNode } from 'react'
import { GOLD, REJECTED } from '../../shared/layers'
import type { Pane } from '../state/app-store'
import { useApi, useApp } from '../state/context'
import { paneLayer } from '../state/slots'
import { BoilerplateControl } from './BoilerplateControl'
import { showBidiControls } from '../text/bidi'
import { say } from '../state/status'
import { useT } from '../use-t'
import { PaneMore, useFolding, type Extra } from './PaneMore'
import { errorText } from '../error-text'

/**
 * A pane's header: document, which layer it shows (or review mode), span count, close. It stays
 * on one row: controls that do not fit move, in a fixed order, into the "More" popover (PaneMore).
 */
export function PaneHeader({ pane, index }: { pane: Pane; index: number }) {
  const annotator = useApp((s) => s.annotator)
  const summary = useApp((s) => s.documents.find((d) => d.id === pane.docId))
  const setPaneLayer = useApp((s) => s.setPaneLayer)
  const setPaneReview = useApp((s) => s.setPaneReview)
  const closePane = useApp((s) => s.closePane)
  const refreshDocuments = useApp((s) => s.refreshDocuments)
  const setStatus = useApp((s) => s.setStatus)
  const api = useApi()
  const t = useT()
  const header = useRef<HTMLElement>(null)
  const restricted = summary?.restricted ?? null
  const toggleRestricted = async (): Promise<void> => {
    try {
      const r = await api.setRestricted({ docId: pane.docId, restricted: restricted === null })
      setStatus({ kind: 'info', message: r.restricted ? say('status:restrictedOn', { docId: pane.docId, reason: r.restricted }) : say('status:restrictedOff', { docId: pane.docId }) })
      await refreshDocuments()
    } catch (err) {
      setStatus({ kind: 'error', message: errorText(err) })
    }
  }
  const layer = paneLayer(pane, annotator)
  const title = showBidiControls(summary?.title ?? pane.docId)
  const layers = summary?.layers ?? []
  const count = layers.find((l) => l.annotator === layer)?.spans ?? 0
  const names = [...new Set([...(annotator ? [annotator] : []), ...layers.map((l) => l.annotator).filter((a) => a !== REJECTED), GOLD])]
  const others = layers.map((l) => l.annotator).filter((a) => a !== GOLD && a !== REJECTED)
  const readOnly = layer !== annotator

  // What may move into "More", in the order it moves there (the first one first).
  const extras: Extra[] = [
    { key: 'docId', node: <span className="pane-doc-id">{pane.docId}</span> },
    {
      key: 'training',
      node: (
        <button
          type="button"
          className={restricted ? 'small-button restricted' : 'small-button'}
          aria-pressed={restricted !== null}
          title={restricted ? t('pane:header.restrictedTitle', { reason: restricted }) : t('pane:header.allowedTitle')}
          onClick={() => void toggleRestricted()}
        >
          {restricted ? t('pane:header.noTraining') : t('pane:header.trainingOk')}
        </button>
      )
    },
    ...(!pane.review && !readOnly ? [{ key: 'boilerplate', node: <BoilerplateControl docId={pane.docId} /> }] : []),
    ...(!pane.review ? [{ key: 'count', node: <span className="pane-count">{t('pane:header.spans', { count })}</span> }] : []),
    {
      key: 'review',
      node: pane.review ? (
        <button type="button" className="small-button" onClick={() => setPaneReview(index, null)}>
          {t('pane:header.leaveReview')}
        </button>
      ) : (
        <button
          type="button"
          className="small-button"
          disabled={others.length < 2}
          title={others.length < 2 ? t('pane:header.reviewNeedsTwo') : t('pane:header.compare', { names: others.join(', ') })}
          onClick={() => setPaneReview(index, others)}
        >
          {t('pane:header.reviewButton')}
        </button>
      )
    }
  ]
  const folded = useFolding(header, extras.map((e) => e.key))
  const inline = (key: string): ReactNode => {
    const extra = extras.find((e) => e.key === key)
    if (!extra) return null
    return (
      <span className="pane-extra" data-extra={key} hidden={folded.has(key)}>
        {extra.node}
      </span>
    )
  }

  return (
    <header className="pane-header" ref={header}>
      {inline('docId')}
      <span className="pane-title" title={title}>
        {title}
      </span>
      {pane.review ? (
        <span className="badge review" title={t('pane:header.review', { names: pane.review.join(' · ') })}>
          {t('pane:header.review', { names: pane.review.join(' · ') })}
        </span>
      ) : (
        <label className="layer-select">
          <span className="visually-hidden">{t('pane:header.layer', { n: index + 1 })}</span>
          <select aria-label={t('pane:header.layer', { n: index + 1 })} value={layer} onChange={(e) => setPaneLayer(index, e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n === annotator ? t('pane:header.you', { name: n }) : n}
              </option>
            ))}
          </select>
        </label>
      )}
      {!pane.review && readOnly && <span className="badge">{t('pane:header.readOnly')}</span>}
      {inline('count')}
      {inline('boilerplate')}
      {inline('review')}
      {inline('training')}
      <PaneMore docId={pane.docId} extras={extras.filter((e) => folded.has(e.key))} />
      <button type="button" className="icon-button" aria-label={t('pane:header.close', { docId: pane.docId })} onClick={() => closePane(index)}>
        ×
      </button>
    </header>
  )
}
