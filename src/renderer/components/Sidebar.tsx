import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { REJECTED, REVIEW_STATUSES, REVIEW_STATUS_NAMES, type ReviewStatus } from '../../shared/layers'
import { useApp } from '../state/context'
import { showBidiControls } from '../text/bidi'
import { SearchPanel, useSearching } from './SearchPanel'
import { EntitiesPanel } from './EntitiesPanel'

const ROW_HEIGHT = 76

/** The project's documents, windowed so that large corpora scroll smoothly. */
export function Sidebar() {
  const all = useApp((s) => s.documents)
  const [filter, setFilter] = useState<ReviewStatus | 'all'>('all')
  const documents = useMemo(() => (filter === 'all' ? all : all.filter((d) => d.status === filter)), [all, filter])
  const openDoc = useApp((s) => s.openDoc)
  const activeDoc = useApp((s) => s.panes[s.activePane]?.docId)
  const openDocs = useApp((s) => s.panes.map((p) => p.docId).join('\n'))
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 280, height: 800 }
  })
  const open = new Set(openDocs.split('\n'))
  const searching = useSearching()

  return (
    <nav className={searching ? 'sidebar searching' : 'sidebar'} aria-label="Documents">
      <SearchPanel />
      <EntitiesPanel />
      <h2 className="sidebar-heading">
        Documents <span className="muted">({documents.length})</span>
      </h2>
      <p className="hint">Click opens · Ctrl/⌘+click opens beside</p>
      <label className="sidebar-filter">
        Show{' '}
        <select aria-label="Filter by review status" value={filter} onChange={(e) => setFilter(e.target.value as ReviewStatus | 'all')}>
          <option value="all">All documents</option>
          {REVIEW_STATUSES.map((st) => (
            <option key={st} value={st}>
              {REVIEW_STATUS_NAMES[st]} ({all.filter((d) => d.status === st).length})
            </option>
          ))}
        </select>
      </label>
      <div className="doc-list" ref={scrollRef}>
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const doc = documents[item.index]
            if (!doc) return null
            const classes = ['doc-item', open.has(doc.id) ? 'open' : '', doc.id === activeDoc ? 'active' : ''].join(' ')
            return (
              <li key={doc.id} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <button
                  type="button"
                  className={classes}
                  data-testid={`doc-item-${doc.id}`}
                  aria-current={doc.id === activeDoc ? 'true' : undefined}
                  title={`${doc.id} — ${showBidiControls(doc.title)}`}
                  onClick={(e) => openDoc(doc.id, { newPane: e.ctrlKey || e.metaKey })}
                >
                  <span className="doc-title">{showBidiControls(doc.title)}</span>
                  <span className="doc-meta">
                    <span className="doc-id">{doc.id}</span>
                    <span className={`status-badge ${doc.status}`}>{REVIEW_STATUS_NAMES[doc.status]}</span>
                    {doc.restricted && (
                      <span className="status-badge restricted" title={`No AI training: “${showBidiControls(doc.restricted)}”`}>
                        restricted
                      </span>
                    )}
                    <span className="doc-count" aria-label={doc.spanCount === 1 ? '1 span' : `${doc.spanCount} spans`}>
                      {doc.spanCount}
                    </span>
                  </span>
                  <span className="doc-layers" data-testid={`doc-layers-${doc.id}`}>
                    {doc.layers
                      .filter((l) => l.annotator !== REJECTED)
                      .map((l) => `${l.annotator} ${l.spans}`)
                      .join(' · ') || 'no spans yet'}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      </div>
    </nav>
  )
}
