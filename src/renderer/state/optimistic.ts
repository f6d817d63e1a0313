import type { Span } from '../../shared/domain'
import { blockAt } from '../text/blocks'
import type { MutationQueue, Optimistic } from './mutation-queue'
import { hideSpan, showPending, showSpan, slotKey, type DocSlot } from './slots'

/** The part of the store the optimistic changes read and write. */
export interface OptimisticStore {
  docs(): Record<string, DocSlot>
  setDocs(docs: Record<string, DocSlot>): void
  selected(): { docId: string; spanId: number } | null
  select(sel: { docId: string; spanId: number } | null): void
}

function spanIn(store: OptimisticStore, docId: string, layer: string, id: number): Span | undefined {
  const slot = store.docs()[slotKey(docId, layer)]
  return slot?.state === 'ready' ? slot.loaded.spans.get(id) : undefined
}

/** A new span, drawn as a provisional mark (negative id, data-pending) and selected, so a next key acts on it. */
export function optimisticCreate(store: OptimisticStore, span: Span): Optimistic {
  const o: Optimistic = {
    creates: span.id,
    provisional: null,
    existing() {
      const slot = store.docs()[slotKey(span.docId, span.annotator)]
      if (slot?.state !== 'ready') return null
      const { map, blocks, blockSpans } = slot.loaded
      const [s, e] = [map.toUtf16(span.start), map.toUtf16(span.end)]
      const same = blocks.length > 0 ? (blockSpans[blockAt(blocks, s)] ?? []).find((r) => r.id > 0 && r.start === s && r.end === e && r.label === span.label) : undefined
      return same?.id ?? null
    },
    apply() {
      const shown = showPending(store.docs(), span)
      o.provisional = shown.provisional
      store.setDocs(shown.docs)
      store.select({ docId: span.docId, spanId: span.id })
    },
    rollback() {
      store.setDocs(hideSpan(store.docs(), span.docId, span.annotator, span.id))
      if (store.selected()?.spanId === span.id) store.select(null)
    }
  }
  return o
}

/** A relabel, drawn at once (pending until its reply); rolled back to the label the span had. */
export function optimisticRelabel(store: OptimisticStore, queue: MutationQueue, span: Span, label: string): Optimistic {
  const draw = (): void => {
    const current = spanIn(store, span.docId, span.annotator, queue.resolve(span.id))
    if (current && current.label !== label) store.setDocs(showSpan(store.docs(), { ...current, label }, true))
  }
  return {
    target: span.id,
    apply: draw,
    replay: draw,
    rollback() {
      const id = queue.resolve(span.id)
      const current = spanIn(store, span.docId, span.annotator, id)
      if (current) store.setDocs(showSpan(store.docs(), { ...current, label: span.label }, id < 0))
    }
  }
}

/** A delete, drawn at once (the mark goes, the selection too); rolled back by drawing the span again. */
export function optimisticDelete(store: OptimisticStore, queue: MutationQueue, span: Span): Optimistic {
  const hide = (): void => store.setDocs(hideSpan(store.docs(), span.docId, span.annotator, queue.resolve(span.id)))
  return {
    target: span.id,
    apply() {
      hide()
      if (store.selected()?.spanId === span.id) store.select(null)
    },
    replay: hide,
    rollback() {
      const id = queue.resolve(span.id)
      store.setDocs(showSpan(store.docs(), { ...span, id }, id < 0))
    }
  }
}
