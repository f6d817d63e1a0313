import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { matches } from '../../shared/shortcut-table'
import type { LoadedDoc } from '../state/doc-state'
import { overlayClick, type OverlayStore } from '../state/overlays'
import { placeCaret, rememberCaret } from '../text/keyboard-caret'
import { overlaysByBlock } from '../text/overlays'
import type { RenderSpan } from '../text/nest'
import { useReveal, type Reveal } from '../text/reveal'
import { narrowWordSelection } from '../text/word-select'
import { BlockView, type LabelStyles } from './Block'
import { useT } from '../use-t'

/** Documents longer than this (UTF-16 units) render only the blocks near the viewport. */
export const WINDOWED_ABOVE = 200_000

interface DocTextProps {
  loaded: LoadedDoc
  /** The layer shown; hotkeys refuse to change a read-only one. */
  layer?: string
  readOnly?: boolean
  selectedId: number | null
  labels: LabelStyles
  /** Text to scroll to and select (a search hit), when this pane is the one asked. */
  reveal?: Reveal | null
  /** Ignored regions and suggestions drawn over the text (src/renderer/state/overlays.ts); none when not given. */
  overlays?: OverlayStore | null
  onSpanClick(spanId: number | null): void
}

/**
 * The text of one document. Its container holds the document text and nothing
 * else as text (textContent === text for documents rendered whole), so
 * selections map straight to offsets. Long documents are windowed by block.
 */
export function DocText({ loaded, layer = '', readOnly = false, selectedId, labels, reveal = null, overlays: overlayStore = null, onSpanClick }: DocTextProps) {
  // Kept in state, not a ref: the windowed list must render again once the scroll element exists,
  // or a long document opened from the sidebar would stay blank until something else re-rendered.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null)
  const { doc } = loaded
  const windowed = doc.text.length > WINDOWED_ABOVE
  const textEl = useCallback(() => scrollEl?.querySelector<HTMLElement>('[data-doc-text]') ?? null, [scrollEl])
  useReveal(windowed ? null : reveal, loaded, textEl)
  const blockOverlays = useBlockOverlays(overlayStore, loaded, readOnly)
  const t = useT()

  const onMouseUp = (e: MouseEvent<HTMLDivElement>): void => {
    const sel = window.getSelection()
    if (sel && !sel.isCollapsed) {
      onSpanClick(null)
      return
    }
    // The innermost thing clicked: a span, or an overlay (suggestion, ignored or suggested region).
    const hit = (e.target as Element).closest?.('[data-span-id], [data-suggestion], [data-region-suggestion], [data-region-id]')
    const isMark = hit?.hasAttribute('data-span-id') === true
    if (!isMark && hit && !readOnly && overlayStore) overlayClick(overlayStore, doc.id, hit)
    onSpanClick(isMark && hit ? Number(hit.getAttribute('data-span-id')) : null)
  }

  // A double-click selects the eojeol; narrow it to the word without its particle (올트먼의 → 올트먼).
  const onDoubleClick = (): void => {
    narrowWordSelection(window.getSelection(), doc.text)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const move = ARROWS[e.key]
    const word = matches('caretWord', e) || matches('extendWord', e)
    if (!move || !(word || matches('caret', e) || matches('extend', e))) return
    const sel = window.getSelection()
    if (!sel) return
    if ((sel.rangeCount === 0 || !e.currentTarget.contains(sel.anchorNode)) && !placeCaret(e.currentTarget, sel)) return
    e.preventDefault()
    const granularity = e.key === 'ArrowUp' || e.key === 'ArrowDown' ? 'line' : word ? 'word' : 'character'
    sel.modify(e.shiftKey ? 'extend' : 'move', move, granularity)
    rememberCaret(e.currentTarget, sel)
  }

  return (
    <div className="doc-scroll" ref={setScrollEl}>
      {doc.text.length === 0 && <p className="empty-doc">{t('pane:text.empty')}</p>}
      <div
        className="doc-text"
        data-testid={`doc-text-${doc.id}`}
        data-doc-text=""
        data-doc-id={doc.id}
        data-length={doc.text.length}
        data-layer={layer}
        data-readonly={readOnly ? 'true' : undefined}
        tabIndex={0}
        role="document"
        aria-label={t('pane:text.label', { title: doc.title })}
        onMouseUp={onMouseUp}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
      >
        {windowed ? (
          <WindowedBlocks loaded={loaded} selectedId={selectedId} labels={labels} scrollEl={scrollEl} reveal={reveal} overlays={blockOverlays} store={overlayStore} />
        ) : (
          loaded.blocks.map((block, i) => (
            <BlockView
              key={block.start}
              text={doc.text}
              block={block}
              spans={loaded.blockSpans[i] ?? []}
              overlays={blockOverlays[i]}
              selectedId={hasSpan(loaded, i, selectedId) ? selectedId : null}
              labels={labels}
            />
          ))
        )}
      </div>
    </div>
  )
}

const ARROWS: Record<string, 'forward' | 'backward'> = {
  ArrowRight: 'forward',
  ArrowDown: 'forward',
  ArrowLeft: 'backward',
  ArrowUp: 'backward'
}

/** Passes the selection only to blocks that hold the selected span, so other blocks keep their memo. */
function hasSpan(loaded: LoadedDoc, block: number, id: number | null): boolean {
  return id !== null && (loaded.blockSpans[block] ?? []).some((s) => s.id === id)
}

function WindowedBlocks({
  loaded,
  selectedId,
  labels,
  scrollEl,
  reveal,
  overlays,
  store
}: Pick<DocTextProps, 'loaded' | 'selectedId' | 'labels'> & {
  scrollEl: HTMLDivElement | null
  reveal: Reveal | null
  overlays: readonly (readonly RenderSpan[])[]
  store: OverlayStore | null
}) {
  const virtualizer = useVirtualizer({
    count: loaded.blocks.length,
    getScrollElement: () => scrollEl,
    estimateSize: (i) => {
      const b = loaded.blocks[i]
      return b ? 24 * Math.max(1, Math.ceil((b.end - b.start) / 60)) : 24
    },
    overscan: 8
  })
  const textEl = useCallback(() => scrollEl?.querySelector<HTMLElement>('[data-doc-text]') ?? null, [scrollEl])
  const toBlock = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'center' }), [virtualizer])
  useReveal(reveal, loaded, textEl, toBlock)
  // Suggestions of a long document are fetched for the part in view only (code points).
  const items = virtualizer.getVirtualItems()
  const first = loaded.blocks[items[0]?.index ?? 0]
  const last = loaded.blocks[items[items.length - 1]?.index ?? 0]
  const from = first ? loaded.map.toCodePoint(first.start) : 0
  const to = last ? loaded.map.toCodePoint(last.end) : 0
  useEffect(() => {
    if (store && to > from) store.getState().setWindow(loaded.doc.id, from, to)
  }, [store, loaded.doc.id, from, to])
  return (
    <div className="windowed" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const block = loaded.blocks[item.index]
        if (!block) return null
        return (
          <div
            key={block.start}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="windowed-item"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <BlockView
              text={loaded.doc.text}
              block={block}
              spans={loaded.blockSpans[item.index] ?? []}
              overlays={overlays[item.index]}
              selectedId={hasSpan(loaded, item.index, selectedId) ? selectedId : null}
              labels={labels}
            />
          </div>
        )
      })}
    </div>
  )
}

/** The document's overlays per block; a read-only layer shows the ignored regions only (suggestions are for your layer). */
function useBlockOverlays(store: OverlayStore | null, loaded: LoadedDoc, readOnly: boolean): readonly (readonly RenderSpan[])[] {
  const docOverlays = useStore(store ?? NO_OVERLAYS, (s) => s.byDoc[loaded.doc.id])
  const preview = useStore(store ?? NO_OVERLAYS, (s) => s.preview[loaded.doc.id] === true)
  return useMemo(() => {
    const shown = docOverlays && readOnly ? { ...docOverlays, suggestions: [], suggestedRegions: [] } : docOverlays
    return overlaysByBlock(loaded.map, loaded.blocks, shown, preview && !readOnly)
  }, [docOverlays, preview, readOnly, loaded.map, loaded.blocks])
}

/** Stands in when no overlay store is given (component tests): nothing to draw. */
const NO_OVERLAYS = createStore(() => ({ byDoc: {}, preview: {} })) as unknown as OverlayStore
