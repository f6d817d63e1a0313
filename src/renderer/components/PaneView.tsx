import type { Pane } from '../state/app-store'
import { useApp } from '../state/context'
import { useOverlayStore } from '../state/use-overlays'
import { relationsOf } from '../state/relations'
import { useApi, useAppStore } from '../state/context'
import { RelationsPanel } from './RelationsPanel'
import { useLinkDrag } from './LinkDrag'
import { paneLayer, slotKey } from '../state/slots'
import type { LabelStyles } from './Block'
import { DocText } from './DocText'
import { useEntityLabels } from './EntitiesPanel'
import { PaneHeader } from './PaneHeader'
import { ReviewPane } from './review/ReviewPane'
import { showBidiControls } from '../text/bidi'
import { useT } from '../use-t'
import { spanStatus } from './span-status'
import { useUiText } from '../ui-text'

interface PaneViewProps {
  pane: Pane
  index: number
  labels: LabelStyles
}

/** One open document: its header, then its text in one layer, or the review of several layers. */
export function PaneView({ pane, index, labels }: PaneViewProps) {
  const annotator = useApp((s) => s.annotator)
  const layer = paneLayer(pane, annotator)
  const slot = useApp((s) => s.docs[slotKey(pane.docId, layer)])
  const active = useApp((s) => s.activePane === index)
  const title = showBidiControls(useApp((s) => s.documents.find((d) => d.id === pane.docId)?.title ?? pane.docId))
  const selectedId = useApp((s) => (s.selected?.docId === pane.docId ? s.selected.spanId : null))
  const setActivePane = useApp((s) => s.setActivePane)
  const selectSpan = useApp((s) => s.selectSpan)
  const setStatus = useApp((s) => s.setStatus)
  const labelList = useApp((s) => s.labels)
  const overlays = useOverlayStore()
  const appStore = useAppStore()
  const api = useApi()
  const relations = relationsOf(appStore, api)
  const entityLabels = useEntityLabels(labels, pane.docId)
  const t = useT()
  const show = useUiText()
  const reveal = useApp((s) => (s.activePane === index && s.reveal?.docId === pane.docId ? s.reveal : null))
  // Drag from span to span makes a link (own layer only).
  const linkDrag = useLinkDrag({ app: appStore, api, relations, docId: pane.docId, loaded: slot?.state === 'ready' ? slot.loaded : null, enabled: !pane.review && layer === annotator })

  return (
    <section
      className={active ? 'pane active' : 'pane'}
      aria-label={t('pane:label', { n: index + 1, title })}
      data-testid={`pane-${index}`}
      onMouseDown={() => setActivePane(index)}
      onFocus={() => setActivePane(index)}
      onMouseDownCapture={linkDrag.onMouseDownCapture}
    >
      {linkDrag.overlay}
      <PaneHeader pane={pane} index={index} />
      {!pane.review && slot?.state === 'ready' && layer === annotator && (
        <RelationsPanel docId={pane.docId} loaded={slot.loaded} selectedId={selectedId} relations={relations} />
      )}
      {pane.review ? (
        <ReviewPane docId={pane.docId} annotators={pane.review} labels={labels} active={active} />
      ) : slot?.state === 'ready' ? (
        <DocText
          loaded={slot.loaded}
          layer={layer}
          readOnly={layer !== annotator}
          selectedId={selectedId}
          labels={entityLabels}
          reveal={reveal}
          overlays={overlays}
          onSpanClick={(spanId) => {
            // Link mode (a role key pressed on a selected meeting) takes the next click on a span.
            if (layer === annotator && relations.getState().clickSpan(pane.docId, spanId)) return
            selectSpan(spanId === null ? null : { docId: pane.docId, spanId })
            // The status line says what was clicked: label, annotator and code point offsets.
            const info = spanId === null ? null : spanStatus(slot.loaded, spanId, labelList)
            if (info) setStatus({ kind: 'info', message: info })
          }}
        />
      ) : slot?.state === 'error' ? (
        <p className="pane-message error" role="alert">
          {t('pane:couldNotOpen', { docId: pane.docId, reason: show(slot.message) })}
        </p>
      ) : (
        <p className="pane-message">{t('pane:opening', { docId: pane.docId })}</p>
      )}
    </section>
  )
}
