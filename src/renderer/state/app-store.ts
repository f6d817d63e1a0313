import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MutationResult, Session, SpanmarkApi } from '../../shared/api'
import { MAX_PANES, type DocSummary, type LabelDef, type Layout, type SpanChange } from '../../shared/domain'
import { applyChanges, loadDoc, type LoadedDoc } from './doc-state'
import type { Status } from './status'

export interface Pane {
  /** Stable key for React and the resizable panel. */
  key: string
  docId: string
}

export type DocSlot = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; loaded: LoadedDoc }

export type Dialog = null | 'import' | 'export' | 'annotator'

export interface AppState {
  ready: boolean
  session: Session | null
  labels: LabelDef[]
  annotator: string | null
  documents: DocSummary[]
  docs: Record<string, DocSlot>
  panes: Pane[]
  sizes: number[]
  activePane: number
  selected: { docId: string; spanId: number } | null
  status: Status
  dialog: Dialog
}

export interface AppActions {
  init(): Promise<void>
  setAnnotator(name: string): Promise<void>
  openDoc(docId: string, opts?: { newPane?: boolean }): void
  closePane(index: number): void
  setActivePane(index: number): void
  setSizes(sizes: number[]): void
  selectSpan(sel: { docId: string; spanId: number } | null): void
  labelRange(docId: string, start: number, end: number, label: string): Promise<void>
  relabelSelected(label: string): Promise<void>
  deleteSelected(): Promise<void>
  undo(): Promise<void>
  redo(): Promise<void>
  setDialog(dialog: Dialog): void
  setStatus(status: Status): void
  refreshDocuments(): Promise<void>
}

export type AppStore = StoreApi<AppState & AppActions>

let paneCounter = 0
const newPane = (docId: string): Pane => ({ key: `pane-${++paneCounter}`, docId })
const evenSizes = (n: number): number[] => Array.from({ length: n }, () => 100 / n)

/**
 * All renderer state and the actions that change it. Actions call the API
 * (the only way out of the renderer) and apply what the core committed, span
 * by span, so a change re-renders only the blocks it touches.
 */
export function createAppStore(api: SpanmarkApi): AppStore {
  let layoutTimer: ReturnType<typeof setTimeout> | undefined

  return createStore<AppState & AppActions>()((set, get) => {
    const fail = (err: unknown): void => set({ status: { kind: 'error', message: err instanceof Error ? err.message : String(err) } })

    /** Saves the open panes at once; size changes (a drag sends many) are debounced. */
    const persistLayout = (debounce = false): void => {
      clearTimeout(layoutTimer)
      const save = (): void => {
        const { panes, sizes, activePane } = get()
        const layout: Layout = { panes: panes.map((p) => ({ docId: p.docId })), sizes, active: Math.min(activePane, Math.max(0, panes.length - 1)) }
        api.saveLayout({ layout }).catch(fail)
      }
      if (debounce) layoutTimer = setTimeout(save, 250)
      else save()
    }

    const ensureDoc = async (docId: string): Promise<void> => {
      const annotator = get().annotator
      const slot = get().docs[docId]
      if (!annotator || (slot && slot.state !== 'error')) return
      set((s) => ({ docs: { ...s.docs, [docId]: { state: 'loading' } } }))
      try {
        const [doc, spans] = await Promise.all([api.getDocument({ id: docId }), api.listSpans({ docId, annotator })])
        set((s) => ({ docs: { ...s.docs, [docId]: { state: 'ready', loaded: loadDoc(doc, spans) } } }))
      } catch (err) {
        set((s) => ({ docs: { ...s.docs, [docId]: { state: 'error', message: err instanceof Error ? err.message : String(err) } } }))
      }
    }

    const applyResult = (result: MutationResult): void => {
      set((s) => ({
        docs: applyToDocs(s.docs, result.changes),
        documents: adjustCounts(s.documents, result.changes),
        status: result.applied
          ? { kind: 'saved', message: result.description, at: result.savedAt }
          : { kind: 'info', message: result.description }
      }))
    }

    const mutate = async (call: (annotator: string) => Promise<MutationResult>, select?: (r: MutationResult) => AppState['selected']): Promise<void> => {
      const annotator = get().annotator
      if (!annotator) {
        set({ dialog: 'annotator' })
        return
      }
      set({ status: { kind: 'saving', message: 'Saving…' } })
      try {
        const result = await call(annotator)
        applyResult(result)
        if (select) set({ selected: select(result) })
      } catch (err) {
        fail(err)
      }
    }

    const selectedSpan = () => {
      const sel = get().selected
      const slot = sel ? get().docs[sel.docId] : undefined
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
      status: { kind: 'idle', message: 'Loading…' },
      dialog: null,

      async init() {
        try {
          const session = await api.getSession({})
          const panes = (session.layout?.panes ?? []).map((p) => newPane(p.docId))
          const sizes = session.layout && session.layout.sizes.length === panes.length ? session.layout.sizes : evenSizes(panes.length)
          set({
            session,
            labels: session.labels,
            annotator: session.annotator,
            panes,
            sizes,
            activePane: Math.min(session.layout?.active ?? 0, Math.max(0, panes.length - 1)),
            dialog: session.annotator ? null : 'annotator',
            status: { kind: 'idle', message: `${session.documentCount} documents in ${session.projectName}` }
          })
          await get().refreshDocuments()
          const known = new Set(get().documents.map((d) => d.id))
          const kept = get().panes.filter((p) => known.has(p.docId))
          if (kept.length !== get().panes.length) set({ panes: kept, sizes: evenSizes(kept.length), activePane: 0 })
          await Promise.all(kept.map((p) => ensureDoc(p.docId)))
        } catch (err) {
          fail(err)
        } finally {
          set({ ready: true })
        }
      },

      async setAnnotator(name) {
        try {
          const session = await api.setAnnotator({ name })
          set({ session, annotator: session.annotator, docs: {}, selected: null, dialog: null })
          await get().refreshDocuments()
          await Promise.all(get().panes.map((p) => ensureDoc(p.docId)))
          set({ status: { kind: 'info', message: `Annotating as ${name}` } })
        } catch (err) {
          fail(err)
        }
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
          set({ status: { kind: 'error', message: `At most ${MAX_PANES} documents side by side: close a pane first.` } })
          return
        }
        if (opts.newPane || panes.length === 0) {
          const next = [...panes, newPane(docId)]
          set({ panes: next, sizes: evenSizes(next.length), activePane: next.length - 1 })
        } else {
          const next = panes.map((p, i) => (i === activePane ? { ...p, docId } : p))
          set((st) => ({ panes: next, docs: onlyOpen(st.docs, next) }))
        }
        persistLayout()
        void ensureDoc(docId)
      },

      closePane(index) {
        const panes = get().panes.filter((_, i) => i !== index)
        set((s) => ({
          panes,
          docs: onlyOpen(s.docs, panes),
          sizes: evenSizes(panes.length),
          activePane: Math.max(0, Math.min(s.activePane > index ? s.activePane - 1 : s.activePane, panes.length - 1))
        }))
        persistLayout()
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

      labelRange(docId, start, end, label) {
        return mutate(
          (annotator) => api.createSpan({ docId, annotator, start, end, label }),
          (r) => {
            const created = r.changes.find((c) => c.before === null)
            return created ? { docId, spanId: created.spanId } : get().selected
          }
        )
      },

      async relabelSelected(label) {
        const span = selectedSpan()
        if (span) await mutate((annotator) => api.relabelSpan({ annotator, spanId: span.id, label }))
      },

      async deleteSelected() {
        const span = selectedSpan()
        if (span) await mutate((annotator) => api.deleteSpan({ annotator, spanId: span.id }), () => null)
      },

      undo() {
        return mutate((annotator) => api.undo({ annotator }), selectRestored)
      },

      redo() {
        return mutate((annotator) => api.redo({ annotator }), selectRestored)
      },

      setDialog(dialog) {
        set({ dialog })
      },

      setStatus(status) {
        set({ status })
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

/** Keeps only documents shown in a pane: a closed document is fetched afresh when opened again. */
function onlyOpen(docs: Record<string, DocSlot>, panes: readonly Pane[]): Record<string, DocSlot> {
  const open = new Set(panes.map((p) => p.docId))
  return Object.fromEntries(Object.entries(docs).filter(([id]) => open.has(id)))
}

function applyToDocs(docs: Record<string, DocSlot>, changes: readonly SpanChange[]): Record<string, DocSlot> {
  const touched = new Set(changes.map((c) => c.docId))
  if (touched.size === 0) return docs
  const next = { ...docs }
  for (const id of touched) {
    const slot = next[id]
    if (slot?.state === 'ready') next[id] = { state: 'ready', loaded: applyChanges(slot.loaded, changes) }
  }
  return next
}

function adjustCounts(documents: DocSummary[], changes: readonly SpanChange[]): DocSummary[] {
  const delta = new Map<string, number>()
  for (const c of changes) delta.set(c.docId, (delta.get(c.docId) ?? 0) + (c.after ? 1 : 0) - (c.before ? 1 : 0))
  if ([...delta.values()].every((v) => v === 0)) return documents
  return documents.map((d) => (delta.get(d.id) ? { ...d, spanCount: d.spanCount + (delta.get(d.id) as number) } : d))
}
