import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import { matches } from '../../shared/shortcut-table'
import { REJECTED, REVIEW_STATUSES, type ReviewStatus } from '../../shared/layers'
import { useT } from '../use-t'
import { useApp } from '../state/context'
import { useSidebarCollapsed } from '../state/layout'
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
  const t = useT()
  // View → Hide sidebar (Ctrl+B): the panes take the whole width.
  if (useSidebarCollapsed()) return null

  return (
    <nav className={searching ? 'sidebar searching' : 'sidebar'} aria-label={t('app:sidebar.nav')}>
      <SearchPanel />
      <EntitiesPanel />
      <h2 className="sidebar-heading">
        {t('app:sidebar.heading')} <span className="muted">({documents.length})</span>
      </h2>
      <p className="hint">{t('app:sidebar.hint')}</p>
      <label className="sidebar-filter">
        {t('app:sidebar.show')}{' '}
        <select aria-label={t('app:sidebar.filter')} value={filter} onChange={(e) => setFilter(e.target.value as ReviewStatus | 'all')}>
          <option value="all">{t('app:sidebar.all')}</option>
          {REVIEW_STATUSES.map((st) => (
            <option key={st} value={st}>
              {t(`app:reviewStatus.${st}`)} ({all.filter((d) => d.status === st).length})
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
                  onKeyDown={(e) => {
                    // A button does not click on Ctrl+Enter: open beside from the keyboard here.
                    if (!matches('openDocBeside', e)) return
                    e.preventDefault()
                    openDoc(doc.id, { newPane: true })
                  }}
                >
                  <span className="doc-title">{showBidiControls(doc.title)}</span>
                  <span className="doc-meta">
                    <span className="doc-id">{doc.id}</span>
                    <span className={`status-badge ${doc.status}`}>{t(`app:reviewStatus.${doc.status}`)}</span>
                    {doc.restricted && (
                      <span className="status-badge restricted" title={t('app:sidebar.restrictedTitle', { reason: showBidiControls(doc.restricted) })}>
                        {t('app:sidebar.restricted')}
                      </span>
                    )}
                    <span className="doc-count" aria-label={t('app:sidebar.spans', { count: doc.spanCount })}>
                      {doc.spanCount}
                    </span>
                  </span>
                  <span className="doc-layers" data-testid={`doc-layers-${doc.id}`}>
                    {doc.layers
                      .filter((l) => l.annotator !== REJECTED)
                      .map((l) => `${l.annotator} ${l.spans}`)
                      .join(' · ') || t('app:sidebar.noSpans')}
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
