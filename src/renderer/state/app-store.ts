import { createStore } from 'zustand/vanilla'
import type { AppActions, AppState, AppStore } from './app-state'
import type { MutationResult, SpanmarkApi } from '../../shared/api'
import { MAX_PANES, type Layout, type PaneLayout } from '../../shared/domain'
import { loadDoc, type LoadedDoc } from './doc-state'
import { MutationQueue, type QueueOptions } from './mutation-queue'
import { optimisticCreate, optimisticDelete, optimisticRelabel, type OptimisticStore } from './optimistic'
import { adjustCounts, applyToDocs, onlyOpen, paneLayer, retract, showPending, slotKey, type DocSlot, type Pane, type Provisional } from './slots'
import { plannedSpan } from './span-plan'
import { say, type Status, type UiText } from './status'
import { changeText } from './change-text'
import { showChangedDoc } from './undo-actions'
import { errorText } from '../error-text'

export type { DocSlot, Pane }

export type { AppActions, AppState, AppStore, Dialog } from './app-state'

let paneCounter = 0
/** Provisional spans (drawn before their save returns) count down from -1, clear of real ids. */
let provisionalCounter = 0
let revealCounter = 0
const afterFrame = (fn: () => void): void => void (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 0))
const newPane = (docId: string, from: Partial<PaneLayout> = {}): Pane => ({
  key: `pane-${++paneCounter}`,
  docId,
  layer: from.layer ?? null,
  review: from.review && from.review.length >= 2 ? from.review : null
})
const READ_ONLY: Status = { kind: 'error', message: say('status:spanReadOnly') }
const evenSizes = (n: number): number[] => Array.from({ length: n }, () => 100 / n)

/**
 * All renderer state and the actions that change it. Actions call the API
 * (the only way out of the renderer) and apply what the core committed, span
 * by span, so a change re-renders only the blocks it touches.
 */
export function createAppStore(api: SpanmarkApi): AppStore {
  let layoutTimer: ReturnType<typeof setTimeout> | undefined

  return createStore<AppState & AppActions>()((set, get) => {
    const fail = (err: unknown): void => set({ status: { kind: 'error', message: errorText(err) } })

    /** Saves the open panes at once; size changes (a drag sends many) are debounced. */
    const persistLayout = (debounce = false): void => {
      clearTimeout(layoutTimer)
      const save = (): void => {
        const { panes, sizes, activePane } = get()
        const layout: Layout = {
          panes: panes.map((p) => ({ docId: p.docId, ...(p.layer ? { layer: p.layer } : {}), ...(p.review ? { review: p.review } : {}) })),
          sizes,
          active: Math.min(activePane, Math.max(0, panes.length - 1))
        }
        api.saveLayout({ layout }).catch(fail)
      }
      if (debounce) layoutTimer = setTimeout(save, 250)
      else save()
    }

    const ensurePane = async (pane: Pane): Promise<void> => {
      const layer = paneLayer(pane, get().annotator)
      if (!layer || pane.review) return
      const key = slotKey(pane.docId, layer)
      const slot = get().docs[key]
      if (slot && slot.state !== 'error') return
      set((s) => ({ docs: { ...s.docs, [key]: { state: 'loading' } } }))
      try {
        const [doc, spans] = await Promise.all([api.getDocument({ id: pane.docId }), api.listSpans({ docId: pane.docId, annotator: layer })])
        set((s) => ({ docs: { ...s.docs, [key]: { state: 'ready', loaded: loadDoc(doc, spans) } } }))
      } catch (err) {
        set((s) => ({ docs: { ...s.docs, [key]: { state: 'error', message: errorText(err) } } }))
      }
    }

    const setPanes = (panes: Pane[], extra: Partial<AppState> = {}): void => {
      set((s) => ({ panes, docs: onlyOpen(s.docs, panes, s.annotator), ...extra }))
      persistLayout()
      for (const p of panes) void ensurePane(p)
    }

    const applyResult = (result: MutationResult, provisional: Provisional | null): void => {
      set((s) => ({
        docs: applyToDocs(retract(s.docs, provisional), result.changes),
        documents: adjustCounts(s.documents, result.changes, s.annotator),
        reviewVersion: s.reviewVersion + 1,
        status: result.applied
          ? { kind: 'saved', message: changeText(result.description), at: result.savedAt }
          : { kind: 'info', message: changeText(result.description) }
      }))
    }

    const queue = new MutationQueue({
      // "Saving…" waits a frame (the key's frame paints only the mark) and is skipped if the reply came first.
      saving: () => afterFrame(() => queue.busy && set({ status: { kind: 'saving', message: say('status:saving') } })),
      applyResult,
      failed: (err, dropped) => {
        const reason = err instanceof Error ? err.message : String(err)
        set({ status: { kind: 'error', message: dropped > 0 ? say('labelling:rolledBack', { reason, count: dropped }) : reason } })
      },
      resolved: (provisional, id) => {
        const sel = get().selected
        if (sel?.spanId === provisional) set({ selected: id === null ? null : { docId: sel.docId, spanId: id } })
      }
    })
    const optimisticStore: OptimisticStore = {
      docs: () => get().docs,
      setDocs: (docs) => set({ docs }),
      selected: () => get().selected,
      select: (selected) => set({ selected })
    }

    /** Changes go through one queue, in order, their optimistic state drawn at once (mutation-queue.ts). */
    const mutate = async (
      call: (annotator: string) => Promise<MutationResult>,
      select?: (r: MutationResult) => AppState['selected'],
      options: QueueOptions = {}
    ): Promise<MutationResult | null> => {
      const annotator = get().annotator
      if (!annotator) {
        set({ dialog: 'annotator' })
        return null
      }
      const result = await queue.enqueue(() => call(annotator), options)
      if (result && select) set({ selected: select(result) })
      return result
    }

    /** A preference of the user: the checkbox shows the new state at once, and goes back if the save fails. */
    const setPreference = async (name: 'trimParticles' | 'snapWords', on: boolean, done: UiText): Promise<void> => {
      const shown = get().session
      if (shown) set({ session: { ...shown, [name]: on } })
      try {
        const session = await api.setPreferences({ [name]: on })
        set({ session, status: { kind: 'info', message: done } })
      } catch (err) {
        const now = get().session
        if (now && shown) set({ session: { ...now, [name]: shown[name] } })
        fail(err)
      }
    }

    /** The selected span, when it is in the current annotator's own (editable) layer. */
    const selectedSpan = () => {
      const { selected: sel, annotator } = get()
      const slot = sel && annotator ? get().docs[slotKey(sel.docId, annotator)] : undefined
      return sel && slot?.state === 'ready' ? slot.loaded.spans.get(sel.spanId) : undefined
    }

    return {
      ready: false,
      session: null,
      labels: [],
      annotator: null,
      documents: [],
      docs: {},
      panes: [],
      sizes: [],
      activePane: 0,
      selected: null,
      status: { kind: 'idle', message: say('status:loading') },
      dialog: null,
      reviewVersion: 0,
      reveal: null,
      mutate,

      async init() {
        try {
          const session = await api.getSession({})
          const panes = (session.layout?.panes ?? []).map((p) => newPane(p.docId, p))
          const sizes = session.layout && session.layout.sizes.length === panes.length ? session.layout.sizes : evenSizes(panes.length)
          set({
            session,
            labels: session.labels,
            annotator: session.annotator,
            panes,
            sizes,
            activePane: Math.min(session.layout?.active ?? 0, Math.max(0, panes.length - 1)),
            dialog: session.annotator ? null : 'annotator',
            status: { kind: 'idle', message: say('status:projectSummary', { count: session.documentCount, project: session.projectName }) }
          })
          await get().refreshDocuments()
          const known = new Set(get().documents.map((d) => d.id))
          const kept = get().panes.filter((p) => known.has(p.docId))
          if (kept.length !== get().panes.length) set({ panes: kept, sizes: evenSizes(kept.length), activePane: 0 })
          await Promise.all(kept.map((p) => ensurePane(p)))
        } catch (err) {
          fail(err)
        } finally {
          set({ ready: true })
        }
      },

      async setAnnotator(name) {
        try {
          const session = await api.setAnnotator({ name })
          set({ session, annotator: session.annotator, docs: {}, selected: null, dialog: get().dialog === 'settings' ? 'settings' : null })
          await get().refreshDocuments()
          await Promise.all(get().panes.map((p) => ensurePane(p)))
          set({ status: { kind: 'info', message: say('status:annotatingAs', { name }) } })
        } catch (err) {
          fail(err)
        }
      },

      async setTrimParticles(on) {
        await setPreference('trimParticles', on, say(on ? 'status:trimOn' : 'status:trimOff'))
      },

      async setSnapWords(on) {
        await setPreference('snapWords', on, say(on ? 'labelling:snapOn' : 'labelling:snapOff'))
      },

      async refreshDocuments() {
        const annotator = get().annotator
        if (!annotator) return
        try {
          set({ documents: await api.listDocuments({ annotator }) })
        } catch (err) {
          fail(err)
        }
      },

      openDoc(docId, opts = {}) {
        const { panes, activePane } = get()
        if (opts.newPane && panes.length >= MAX_PANES) {
          set({ status: { kind: 'error', message: say('status:tooManyPanes', { max: MAX_PANES }) } })
          return
        }
        const review = opts.review ?? null
        if (opts.newPane || panes.length === 0) {
          const next = [...panes, newPane(docId, review ? { review } : {})]
          setPanes(next, { sizes: evenSizes(next.length), activePane: next.length - 1 })
        } else {
          setPanes(panes.map((p, i) => (i === activePane ? { ...p, docId, ...(opts.review ? { review } : {}) } : p)))
        }
      },

      revealRange(docId, start, end, opts = {}) {
        // A document already open in another pane is shown there rather than opened twice.
        const open = opts.newPane ? -1 : get().panes.findIndex((p) => p.docId === docId && !p.review)
        if (open >= 0) get().setActivePane(open)
        else get().openDoc(docId, opts)
        set({ reveal: { docId, start, end, nonce: ++revealCounter } })
      },

      setPaneLayer(index, layer) {
        setPanes(get().panes.map((p, i) => (i === index ? { ...p, layer: layer === get().annotator ? null : layer, review: null } : p)))
      },

      setPaneReview(index, annotators) {
        setPanes(get().panes.map((p, i) => (i === index ? { ...p, review: annotators && annotators.length >= 2 ? annotators : null } : p)))
      },

      closePane(index) {
        const panes = get().panes.filter((_, i) => i !== index)
        const active = get().activePane
        setPanes(panes, { sizes: evenSizes(panes.length), activePane: Math.max(0, Math.min(active > index ? active - 1 : active, panes.length - 1)) })
      },

      setActivePane(index) {
        if (get().activePane === index) return
        set({ activePane: index })
        persistLayout()
      },

      setSizes(sizes) {
        set({ sizes })
        persistLayout(true)
      },

      selectSpan(selected) {
        set({ selected })
      },

      async labelRange(docId, start, end, label) {
        // The span the core will save (span-plan.ts), drawn at once; a refusal is said without a call.
        const trim = get().session?.trimParticles ?? true
        const snap = get().session?.snapWords ?? true
        const annotator = get().annotator
        const slot = annotator ? get().docs[slotKey(docId, annotator)] : undefined
        const def = get().labels.find((l) => l.key === label)
        let optimistic
        if (annotator && def && slot?.state === 'ready') {
          const plan = plannedSpan(slot.loaded, start, end, { trim, snap, label: def })
          if (!plan.ok) {
            set({ status: { kind: 'error', message: plan.reason as UiText } })
            return
          }
          optimistic = optimisticCreate(optimisticStore, { id: -++provisionalCounter, docId, annotator, start: plan.start, end: plan.end, label })
        }
        await mutate((who) => api.createSpan({ docId, annotator: who, start, end, label, trim, snap }), undefined, { optimistic })
      },

      async relabelSelected(label) {
        const span = selectedSpan()
        if (span) {
          const optimistic = optimisticRelabel(optimisticStore, queue, span, label)
          // expected: the span as the core has it once the changes queued before are saved (not as drawn now).
          const expected = { start: span.start, end: span.end, label: span.label }
          await mutate((annotator) => api.relabelSpan({ annotator, spanId: queue.resolve(span.id), label, expected }), undefined, { optimistic })
        } else if (get().selected) set({ status: READ_ONLY })
      },

      async deleteSelected() {
        const span = selectedSpan()
        if (span) {
          const optimistic = optimisticDelete(optimisticStore, queue, span)
          const expected = { start: span.start, end: span.end, label: span.label }
          await mutate((annotator) => api.deleteSpan({ annotator, spanId: queue.resolve(span.id), expected }), undefined, { optimistic })
        } else if (get().selected) set({ status: READ_ONLY })
      },

      async undo() {
        showChangedDoc(get(), await mutate((annotator) => api.undo({ annotator }), selectRestored, { barrier: true }))
      },

      async redo() {
        showChangedDoc(get(), await mutate((annotator) => api.redo({ annotator }), selectRestored, { barrier: true }))
      },

      setDialog(dialog) {
        set({ dialog })
      },

      setStatus(status) {
        set({ status })
      },

      applyRemote(changes) {
        if (changes.length === 0) return
        set((s) => ({
          docs: applyToDocs(s.docs, changes),
          documents: adjustCounts(s.documents, changes, s.annotator),
          reviewVersion: s.reviewVersion + 1,
          selected: s.selected && changes.some((c) => c.spanId === s.selected?.spanId && c.after === null) ? null : s.selected
        }))
      }
    }

    /** After undo/redo, the span that came back or changed is selected, so a key acts on it. */
    function selectRestored(r: MutationResult): AppState['selected'] {
      const last = [...r.changes].reverse().find((c) => c.after !== null)
      if (last) return { docId: last.docId, spanId: last.spanId }
      return selectedSpan() ? get().selected : null
    }
  })
}
