import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { matches } from '../../shared/shortcut-table'
import { useStore } from 'zustand'
import type { SpanmarkApi } from '../../shared/api'
import { REJECTED } from '../../shared/layers'
import type { SearchHit } from '../../shared/search-schema'
import { useApi, useApp } from '../state/context'
import { createSearchStore, type SearchActions, type SearchState, type SearchStore } from '../state/search'
import { showBidiControls } from '../text/bidi'
import { formatNumber, useLocale, useUiText } from '../ui-text'
import { useT } from '../use-t'

const ROW_HEIGHT = 52
const stores = new WeakMap<SpanmarkApi, SearchStore>()

function useSearch<T>(selector: (s: SearchState & SearchActions) => T): T {
  const api = useApi()
  let store = stores.get(api)
  if (!store) stores.set(api, (store = createSearchStore(api)))
  return useStore(store, selector)
}

/** True while the search box holds a query (the sidebar then shows hits instead of documents). */
export function useSearching(): boolean {
  return useSearch((s) => s.query !== '')
}

/** Shown text: whitespace runs as one space, bidi controls visible. */
const shown = (text: string): string => showBidiControls(text.replace(/\s+/g, ' '))

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Corpus search: a box (Ctrl+Shift+F, or / when not typing) with plain text or
 * regular expression, case, label and layer filters; hits listed with keyword
 * in context. Click or Enter opens a hit in the active pane with its text
 * selected; Ctrl/⌘ opens it beside.
 */
export function SearchPanel() {
  const s = useSearch((st) => st)
  const labels = useApp((st) => st.labels)
  const dialog = useApp((st) => st.dialog)
  const documents = useApp((st) => st.documents)
  const me = useApp((st) => st.annotator)
  const revealRange = useApp((st) => st.revealRange)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const hits = s.result?.hits ?? []
  const t = useT()
  const show = useUiText()
  const lng = useLocale()

  const layers = useMemo(() => {
    const names = new Set<string>(me ? [me] : [])
    for (const d of documents) for (const l of d.layers) if (l.annotator !== REJECTED) names.add(l.annotator)
    return [...names].sort()
  }, [documents, me])

  // New documents (an import here or in another tab) may hold hits; with a label or layer filter, so may new spans.
  const { refresh } = s
  const spansVersion = useApp((st) => st.reviewVersion)
  const filtered = s.label !== '' || s.annotator !== ''
  useEffect(() => {
    refresh()
  }, [documents.length, refresh])
  useEffect(() => {
    if (filtered) refresh()
  }, [spansVersion, filtered, refresh])

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (dialog) return
      // Ctrl+Shift+F anywhere; / only where it does not type.
      if (!matches('search', e) || (e.key === '/' && isTyping(e.target))) return
      e.preventDefault()
      inputRef.current?.focus()
      inputRef.current?.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [dialog])

  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 280, height: 600 }
  })

  const open = (hit: SearchHit | undefined, beside: boolean): void => {
    if (hit) revealRange(hit.docId, hit.start, hit.end, { newPane: beside })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (matches('searchOpen', e) || matches('searchOpenBeside', e)) {
      e.preventDefault()
      open(hits[s.active], matches('searchOpenBeside', e))
    } else if (matches('searchMove', e)) {
      e.preventDefault()
      const next = Math.max(0, Math.min(hits.length - 1, s.active + (e.key === 'ArrowDown' ? 1 : -1)))
      s.setActive(next)
      virtualizer.scrollToIndex(next)
    } else if (matches('searchClear', e)) {
      if (s.query) s.clear()
      else inputRef.current?.blur()
    }
  }

  const docsWithHits = useMemo(() => new Set(hits.map((h) => h.docId)).size, [hits])
  const r = s.result

  return (
    <div role="search" className={s.query ? 'search searching' : 'search'} aria-label={t('search:region')}>
      <div className="search-box">
        <input
          ref={inputRef}
          type="search"
          data-testid="search-input"
          aria-label={t('search:region')}
          placeholder={t('search:placeholder')}
          value={s.query}
          spellCheck={false}
          onChange={(e) => s.update({ query: e.target.value })}
          onKeyDown={onKeyDown}
          aria-controls={s.query ? 'search-results' : undefined}
          aria-activedescendant={hits.length > 0 ? `search-hit-${s.active}` : undefined}
        />
        <button
          type="button"
          className="search-toggle"
          aria-pressed={s.mode === 'regex'}
          title={t('search:regexTitle')}
          onClick={() => s.update({ mode: s.mode === 'regex' ? 'text' : 'regex' })}
        >
          .*
        </button>
        <button
          type="button"
          className="search-toggle"
          aria-pressed={s.caseSensitive}
          title={t('search:caseTitle')}
          onClick={() => s.update({ caseSensitive: !s.caseSensitive })}
        >
          Aa
        </button>
      </div>
      {s.query && (
        <>
          <div className="search-filters">
            <select aria-label={t('search:labelFilter')} value={s.label} onChange={(e) => s.update({ label: e.target.value })}>
              <option value="">{t('search:anyText')}</option>
              {labels.map((l) => (
                <option key={l.key} value={l.key}>
                  {t('search:inLabel', { label: l.name })}
                </option>
              ))}
            </select>
            <select aria-label={t('search:layerFilter')} value={s.annotator} onChange={(e) => s.update({ annotator: e.target.value })}>
              <option value="">{t('search:anyLayer')}</option>
              {layers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <p className="search-summary" role="status" data-testid="search-summary">
            {s.error
              ? ''
              : r
                ? t('search:summary', {
                    count: r.total,
                    formatted: formatNumber(r.total, lng),
                    docs: formatNumber(docsWithHits, lng) + (r.truncated ? '+' : ''),
                    total: formatNumber(r.documents, lng),
                    ms: Math.max(1, Math.round(r.tookMs))
                  })
                : t('search:searching')}
            {s.busy && r ? t('search:stillSearching') : ''}
          </p>
          {s.error && (
            <p className="search-error" role="alert">
              {showBidiControls(show(s.error))}
            </p>
          )}
          {r?.note && <p className="search-note">{showBidiControls(r.note)}</p>}
          <p className="hint">{t('search:hint')}</p>
          <div className="search-results" ref={listRef}>
            <ul id="search-results" role="listbox" aria-label={t('search:results')} style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const hit = hits[item.index]
                if (!hit) return null
                return (
                  <li
                    key={item.index}
                    id={`search-hit-${item.index}`}
                    role="option"
                    aria-selected={item.index === s.active}
                    data-testid={`search-hit-${item.index}`}
                    data-doc-id={hit.docId}
                    className="search-hit"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    title={`${hit.docId} — ${showBidiControls(hit.title)}`}
                    onClick={(e) => {
                      s.setActive(item.index)
                      open(hit, e.ctrlKey || e.metaKey)
                    }}
                  >
                    <span className="hit-doc">
                      <span className="doc-id">{hit.docId}</span>
                      <span className="hit-title">{showBidiControls(hit.title)}</span>
                      {hit.spanLabel && <span className="hit-label">{hit.spanLabel}</span>}
                    </span>
                    <span className="kwic">
                      <span className="kwic-before">
                        <span>{shown(hit.before)}</span>
                      </span>
                      <mark className="kwic-match">{shown(hit.match)}</mark>
                      <span className="kwic-after">{shown(hit.after)}</span>
                    </span>
                  </li>
                )
              })}
            </ul>
          </div>
        </>
      )}
    </div>
  )
}
