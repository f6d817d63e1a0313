import type { SpanmarkApi } from '../../shared/api'
import { nestChange } from '../../shared/change-messages'
import { changeText } from './change-text'
import type { Span, SpanChange, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { liveEventSchema, type LiveEvent } from '../../shared/live-events'
import type { LiveSource } from '../api/event-stream'
import type { AppStore } from './app-store'
import type { LoadedDoc } from './doc-state'
import { slotKey, splitSlotKey, type DocSlot } from './slots'
import { say } from './status'
import { refreshLabels } from './label-schema'

export interface LiveUpdates {
  /**
   * The API the store uses: relabel and delete send the span as this window
   * shows it (`expected`), so the core refuses a change to a span someone else
   * changed or deleted meanwhile; after such a conflict what is shown is
   * refetched, so the stale span goes away.
   */
  api: SpanmarkApi
  /** Applies other windows' and programs' changes to the store as they come; returns a function that stops. */
  connect(store: AppStore, source: LiveSource, clientId: string | null): () => void
  /** Refetches every open layer (applying only the differences) and the document list. */
  resync(): Promise<void>
}

/**
 * Live updates in the renderer. Changes other tabs make arrive as span changes
 * and are applied incrementally, like the window's own; coarse events
 * (imports, merges, status flags, writes by other programs) and reconnects
 * refetch what is shown. Echoes of this window's own calls are skipped.
 */
export function createLiveUpdates(raw: SpanmarkApi): LiveUpdates {
  let store: AppStore | null = null
  let running: Promise<void> | null = null
  let again = false

  /** The span as this window shows it in the annotator's own layer, if loaded. */
  const shown = (annotator: string, spanId: number): SpanState | undefined => {
    if (!store) return undefined
    for (const [key, slot] of Object.entries(store.getState().docs)) {
      if (slot.state !== 'ready' || splitSlotKey(key).layer !== annotator) continue
      const span = slot.loaded.spans.get(spanId)
      if (span) return { start: span.start, end: span.end, label: span.label }
    }
    return undefined
  }

  const resyncOnce = async (): Promise<void> => {
    const s = store
    if (!s) return
    const keys = Object.entries(s.getState().docs)
      .filter(([, slot]) => slot.state === 'ready')
      .map(([key]) => key)
    await Promise.all(
      keys.map(async (key) => {
        const { layer, docId } = splitSlotKey(key)
        let now: Span[]
        try {
          now = await raw.listSpans({ docId, annotator: layer })
        } catch {
          return // the pane shows its own error on the next load
        }
        const slot = s.getState().docs[key]
        if (slot?.state === 'ready') s.getState().applyRemote(layerDiff(spansShown(slot.loaded), now, docId, layer))
      })
    )
    // Last: the counts from the server replace those adjusted above.
    await s.getState().refreshDocuments()
  }

  /** One refetch at a time; calls meanwhile fold into one more run. */
  const resync = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await resyncOnce()
      } while (again)
    })().finally(() => (running = null))
    return running
  }

  /** After a refused change, what is shown is refetched (the error message stays in the status bar). */
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'conflict' || err.code === 'not_found')) setTimeout(() => void resync(), 0)
      throw err
    }
  }

  const withExpected = <A extends { annotator: string; spanId: number; expected?: SpanState | undefined }>(args: A): A => {
    const expected = args.expected ?? shown(args.annotator, args.spanId)
    return expected ? { ...args, expected } : args
  }

  const api: SpanmarkApi = {
    ...raw,
    relabelSpan: (args) => guard(() => raw.relabelSpan(withExpected(args))),
    deleteSpan: (args) => guard(() => raw.deleteSpan(withExpected(args))),
    undo: (args) => guard(() => raw.undo(args)),
    redo: (args) => guard(() => raw.redo(args))
  }

  const apply = (event: LiveEvent): void => {
    const s = store
    if (!s) return
    if (event.kind === 'spans') {
      const { selected, docs } = s.getState()
      const changes = notYetShown(docs, event.changes)
      const gone = selected !== null && changes.some((c) => c.spanId === selected.spanId && c.after === null)
      s.getState().applyRemote(changes)
      if (gone) s.getState().setStatus({ kind: 'info', message: changeText(nestChange('changes:selectedDeleted', event.description)) })
      return
    }
    // A label schema change (issue 10), here or by another program: the labels first, so moved spans find theirs.
    if (event.kind === 'labels' || event.kind === 'reload') void refreshLabels(s, raw).then(() => resync())
    else void resync()
    if (event.kind === 'reload') s.getState().setStatus({ kind: 'info', message: changeText(event.description) })
  }

  return {
    api,
    resync,
    connect(target, source, clientId) {
      store = target
      let lost = false
      const stop = source({
        onEvent(data) {
          const parsed = liveEventSchema.safeParse(data)
          if (!parsed.success || (clientId !== null && parsed.data.origin === clientId)) return
          apply(parsed.data)
        },
        onOpen(first) {
          if (first) return
          lost = false
          void resync().then(() =>
            target.getState().setStatus({ kind: 'info', message: say('status:reconnected') })
          )
        },
        onLost() {
          if (lost) return
          lost = true
          target.getState().setStatus({ kind: 'error', message: say('status:connectionLost') })
        }
      })
      return () => {
        stop()
        store = null
      }
    }
  }
}

/**
 * The changes a loaded layer does not show yet. A refetch after a conflict or
 * reconnect may have shown a change before its event arrives; applying it again
 * would count it twice in the sidebar. (Layers not loaded cannot be checked.)
 */
export function notYetShown(docs: Record<string, DocSlot>, changes: readonly SpanChange[]): SpanChange[] {
  return changes.filter((c) => {
    const slot = docs[slotKey(c.docId, c.annotator)]
    if (slot?.state !== 'ready') return true
    const now = slot.loaded.spans.get(c.spanId)
    if (!now || !c.after) return (now ?? null) !== c.after
    return now.start !== c.after.start || now.end !== c.after.end || now.label !== c.after.label
  })
}

/** The spans a loaded layer shows, by id (collected from its blocks: the span table itself is not iterable). */
export function spansShown(loaded: LoadedDoc): Map<number, Span> {
  const shown = new Map<number, Span>()
  for (const block of loaded.blockSpans) {
    for (const r of block) {
      if (shown.has(r.id)) continue
      const span = loaded.spans.get(r.id)
      if (span) shown.set(r.id, span)
    }
  }
  return shown
}

/** What turns a loaded layer into the server's current one, as span changes (provisional spans, id < 0, are left alone). */
export function layerDiff(shownSpans: ReadonlyMap<number, Span>, now: readonly Span[], docId: string, layer: string): SpanChange[] {
  const changes: SpanChange[] = []
  const current = new Map(now.map((s) => [s.id, s]))
  for (const [id, old] of shownSpans) {
    if (id < 0) continue
    const next = current.get(id)
    if (!next) changes.push({ spanId: id, docId, annotator: layer, before: stateOf(old), after: null })
    else if (next.start !== old.start || next.end !== old.end || next.label !== old.label) {
      changes.push({ spanId: id, docId, annotator: layer, before: stateOf(old), after: stateOf(next) })
    }
  }
  for (const [id, next] of current) if (!shownSpans.has(id)) changes.push({ spanId: id, docId, annotator: layer, before: null, after: stateOf(next) })
  return changes
}

function stateOf(s: SpanState): SpanState {
  return { start: s.start, end: s.end, label: s.label }
}
