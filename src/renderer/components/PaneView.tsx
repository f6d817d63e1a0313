import type { Pane } from '../state/app-store'
import { useApp } from '../state/context'
import type { LabelStyles } from './Block'
import { DocText } from './DocText'

interface PaneViewProps {
  pane: Pane
  index: number
  labels: LabelStyles
}

/** One open document: a header with its id, title and span count, and its text. */
export function PaneView({ pane, index, labels }: PaneViewProps) {
  const slot = useApp((s) => s.docs[pane.docId])
  const active = useApp((s) => s.activePane === index)
  const summary = useApp((s) => s.documents.find((d) => d.id === pane.docId))
  const selectedId = useApp((s) => (s.selected?.docId === pane.docId ? s.selected.spanId : null))
  const setActivePane = useApp((s) => s.setActivePane)
  const closePane = useApp((s) => s.closePane)
  const selectSpan = useApp((s) => s.selectSpan)
  const title = summary?.title ?? pane.docId

  return (
    <section
      className={active ? 'pane active' : 'pane'}
      aria-label={`Pane ${index + 1}: ${title}`}
      data-testid={`pane-${index}`}
      onMouseDown={() => setActivePane(index)}
      onFocus={() => setActivePane(index)}
    >
      <header className="pane-header">
        <span className="pane-doc-id">{pane.docId}</span>
        <span className="pane-title" title={title}>
          {title}
        </span>
        <span className="pane-count">{summary ? `${summary.spanCount} ${summary.spanCount === 1 ? 'span' : 'spans'}` : ''}</span>
        <button type="button" className="icon-button" aria-label={`Close ${pane.docId}`} onClick={() => closePane(index)}>
          ×
        </button>
      </header>
      {slot?.state === 'ready' ? (
        <DocText
          loaded={slot.loaded}
          selectedId={selectedId}
          labels={labels}
          onSpanClick={(spanId) => selectSpan(spanId === null ? null : { docId: pane.docId, spanId })}
        />
      ) : slot?.state === 'error' ? (
        <p className="pane-message error" role="alert">
          Could not open {pane.docId}: {slot.message}
        </p>
      ) : (
        <p className="pane-message">Opening {pane.docId}…</p>
      )}
    </section>
  )
}
