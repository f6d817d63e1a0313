import { perApp, type PerApp } from './per-app'
import { changeText } from './change-text'
import { matches } from '../../shared/shortcut-table'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { IgnoredRegionView, SpanmarkApi, SuggestedRegion, SuggestionView } from '../../shared/api'
import type { AppStore } from './app-store'
import { docTextOf, pointToOffset } from '../text/dom-selection'
import { paneLayer, slotKey } from './slots'
import { say } from './status'
import { errorText } from '../error-text'

/**
 * What is drawn over a document's text besides its spans: the regions marked
 * as not article text (greyed), the detector's suggested regions (previewed on
 * request, dashed grey) and span suggestions (dashed outlines). Fetched per
 * open document in the background after it loads and after every committed
 * change (debounced), never on the way of typing or scrolling. Offsets are code
 * points, as the API gives them.
 */
export interface DocOverlays {
  regions: IgnoredRegionView[]
  suggestedRegions: SuggestedRegion[]
  suggestions: SuggestionView[]
}

export interface OverlayState {
  byDoc: Record<string, DocOverlays>
  /** Documents whose suggested regions are shown (the Boilerplate control's preview). */
  preview: Record<string, boolean>
  /** The suggestion a click picked (Enter/x act on it), or null. */
  active: { docId: string; start: number; end: number; label: string } | null
  /** The ignored region a click picked (the Boilerplate control offers Unmark), or null. */
  activeRegion: { docId: string; id: number } | null
  /** Long documents: the part (code points) suggestions were last fetched for: the view plus a margin. */
  windows: Record<string, { from: number; to: number }>
}

export interface OverlayActions {
  /** Refetches the overlays of one open document or all, after `delay` ms (restarted by every call). */
  refresh(docId?: string, delay?: number): void
  setPreview(docId: string, on: boolean): void
  setActive(active: OverlayState['active']): void
  setActiveRegion(r: OverlayState['activeRegion']): void
  setWindow(docId: string, from: number, to: number): void
  acceptRegions(docId: string, regions: SuggestedRegion[]): Promise<void>
  markRegion(docId: string, start: number, end: number): Promise<void>
  unmarkRegion(id: number): Promise<void>
  accept(s: { docId: string; start: number; end: number; label: string }): Promise<void>
  acceptAll(docId: string, label: string): Promise<void>
  reject(s: { docId: string; start: number; end: number; label: string }): Promise<void>
}

export type OverlayStore = StoreApi<OverlayState & OverlayActions>

/** Long documents fetch suggestions for the visible part plus this much either side. */
const WINDOW_MARGIN = 4_000
/** Documents longer than this (code points) are windowed (DocText's WINDOWED_ABOVE is in UTF-16 units, so never fewer). */
const LONG_DOCUMENT = 200_000
/**
 * Runs fn now, or once the user is not selecting text: redrawing a block while a mouse button is
 * down or text is selected in it would replace the text nodes under the selection and lose it.
 */
const pending: (() => void)[] = []
let pointerDown = false
let listening = false
function whenIdle(fn: () => void): void {
  if (typeof document === 'undefined') return fn()
  if (!listening) {
    listening = true
    document.addEventListener('mousedown', () => (pointerDown = true), true)
    document.addEventListener('mouseup', () => {
      pointerDown = false
      setTimeout(flush, 0)
    }, true)
    document.addEventListener('selectionchange', flush)
  }
  pending.push(fn)
  flush()
}
function flush(): void {
  if (pointerDown || selectingText() || pending.length === 0) return
  for (const fn of pending.splice(0)) fn()
}
function selectingText(): boolean {
  const sel = window.getSelection()
  return !!sel && sel.rangeCount > 0 && !sel.isCollapsed && docTextOf(sel.getRangeAt(0).startContainer) !== null
}

/** The overlay store of an app store (one per window), created on first use. */
export const overlaysOf: PerApp<OverlayStore> = perApp((app, api) => createOverlayStore(app, api))

/** The overlay store if one was created (the keyboard handler acts only then). */
export function existingOverlays(app: AppStore): OverlayStore | undefined {
  return overlaysOf.existing(app)
}

/** How long overlays wait after the last committed change before they are fetched again. */
const AFTER_CHANGES_MS = 600

function createOverlayStore(app: AppStore, api: SpanmarkApi): OverlayStore {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const generation = new Map<string, number>()

  const store = createStore<OverlayState & OverlayActions>()((set, get) => {
    const fail = (err: unknown): void => app.getState().setStatus({ kind: 'error', message: errorText(err) })
    const openDocs = (): string[] => {
      const { panes, annotator } = app.getState()
      return [...new Set(panes.filter((p) => !p.review && paneLayer(p, annotator) === annotator).map((p) => p.docId))]
    }

    const isLong = (docId: string): boolean => (app.getState().documents.find((d) => d.id === docId)?.length ?? 0) > LONG_DOCUMENT
    const load = async (docId: string): Promise<void> => {
      const annotator = app.getState().annotator
      if (!annotator) return
      const gen = (generation.get(docId) ?? 0) + 1
      generation.set(docId, gen)
      const w = get().windows[docId]
      const range = w ? { from: w.from, to: w.to } : {}
      try {
        const [regions, suggestedRegions, suggestions] = await Promise.all([
          api.listRegions({ docId }),
          api.suggestRegions({ docId }),
          // A long document asks for the part in view only, once DocText has said which part that is.
          w || !isLong(docId) ? api.listSuggestions({ docId, annotator, ...range }) : Promise.resolve(get().byDoc[docId]?.suggestions ?? [])
        ])
        if (generation.get(docId) !== gen) return // a newer fetch is on its way
        whenIdle(() => set((s) => ({ byDoc: { ...s.byDoc, [docId]: { regions, suggestedRegions, suggestions } } })))
      } catch {
        // Background work: a document closed or removed meanwhile is simply not drawn.
      }
    }

    const schedule = (docId: string, delay = 150): void => {
      clearTimeout(timers.get(docId))
      timers.set(docId, setTimeout(() => void load(docId), delay))
    }

    return {
      byDoc: {},
      preview: {},
      active: null,
      activeRegion: null,
      windows: {},

      refresh(docId, delay) {
        for (const id of docId ? [docId] : openDocs()) schedule(id, delay)
      },

      setPreview(docId, on) {
        set((s) => ({ preview: { ...s.preview, [docId]: on } }))
      },

      setActive(active) {
        set({ active })
      },

      setActiveRegion(activeRegion) {
        set({ activeRegion })
      },

      setWindow(docId, from, to) {
        // The part fetched is the view plus WINDOW_MARGIN either side; refetch only when the view leaves it.
        const old = get().windows[docId]
        if (old && from >= old.from && to <= old.to) return
        set((s) => ({ windows: { ...s.windows, [docId]: { from: Math.max(0, from - WINDOW_MARGIN), to: to + WINDOW_MARGIN } } }))
        schedule(docId, 250)
      },

      async acceptRegions(docId, regions) {
        const annotator = app.getState().annotator
        if (!annotator || regions.length === 0) return
        try {
          const r = await api.addRegions({
            annotator,
            docId,
            regions: regions.map((x) => ({ start: x.start, end: x.end, reason: x.reason, source: 'suggested' as const }))
          })
          app.getState().setStatus({ kind: 'info', message: changeText(r.description) })
          if (get().byDoc[docId]?.suggestedRegions.length === regions.length) get().setPreview(docId, false)
          await load(docId)
        } catch (err) {
          fail(err)
        }
      },

      async markRegion(docId, start, end) {
        const annotator = app.getState().annotator
        if (!annotator) return
        try {
          const r = await api.addRegions({ annotator, docId, regions: [{ start, end, source: 'manual' }] })
          app.getState().setStatus({ kind: 'info', message: changeText(r.description) })
          await load(docId)
        } catch (err) {
          fail(err)
        }
      },

      async unmarkRegion(id) {
        const annotator = app.getState().annotator
        if (!annotator) return
        try {
          const r = await api.removeRegion({ annotator, id })
          set({ activeRegion: null })
          app.getState().setStatus({ kind: 'info', message: changeText(r.description) })
          await load(r.docId)
        } catch (err) {
          fail(err)
        }
      },

      async accept(s) {
        set({ active: null })
        // Exactly the suggested range: no trimming, the text was labelled so before.
        await app.getState().mutate((annotator) => api.createSpan({ docId: s.docId, annotator, start: s.start, end: s.end, label: s.label }))
      },

      async acceptAll(docId, label) {
        set({ active: null })
        await app.getState().mutate((annotator) => api.acceptSuggestions({ annotator, docId, label }))
      },

      async reject(s) {
        const annotator = app.getState().annotator
        if (!annotator) return
        set((st) => {
          // Drawn away at once; the core keeps the rejection.
          const d = st.byDoc[s.docId]
          const suggestions = d?.suggestions.filter((x) => !(x.start === s.start && x.end === s.end && x.label === s.label)) ?? []
          return { active: null, byDoc: d ? { ...st.byDoc, [s.docId]: { ...d, suggestions } } : st.byDoc }
        })
        try {
          const r = await api.rejectSuggestion({ annotator, docId: s.docId, start: s.start, end: s.end, label: s.label })
          app.getState().setStatus({ kind: 'info', message: changeText(r.description) })
        } catch (err) {
          fail(err)
          schedule(s.docId, 0)
        }
      }
    }
  })

  // Refetch after anything that may change what is drawn: a committed change (reviewVersion),
  // the document list (regions changed in another tab arrive as a documents event), panes, annotator.
  app.subscribe((s, prev) => {
    if (s.annotator !== prev.annotator) {
      store.setState({ byDoc: {}, active: null, activeRegion: null })
      store.getState().refresh()
      return
    }
    // Opening a document fetches soon; after committed changes the fetch waits for a pause of
    // AFTER_CHANGES_MS, restarted by every change, so a burst of labelling never waits behind
    // suggestion scans on the server (the labelling p95 went from 32 to 38 ms when it did).
    if (s.panes !== prev.panes) store.getState().refresh()
    else if (s.reviewVersion !== prev.reviewVersion || s.documents !== prev.documents) store.getState().refresh(undefined, AFTER_CHANGES_MS)
  })
  store.getState().refresh()
  return store
}

/**
 * A click (without a selection) in a document's text: on a suggestion picks it (Enter/x then act
 * on it), on a previewed suggested region accepts that region, on an ignored region picks it (the
 * Boilerplate control then offers Unmark). Returns true when the click was on an overlay.
 */
export function overlayClick(store: OverlayStore, docId: string, target: Element): boolean {
  const s = store.getState()
  const suggestion = target.closest('[data-suggestion]')
  if (suggestion) {
    const start = Number(suggestion.getAttribute('data-start'))
    const end = Number(suggestion.getAttribute('data-end'))
    s.setActive({ docId, start, end, label: suggestion.getAttribute('data-suggestion') ?? '' })
    return true
  }
  const preview = target.closest('[data-region-suggestion]')
  if (preview) {
    const start = Number(preview.getAttribute('data-start'))
    const region = s.byDoc[docId]?.suggestedRegions.find((r) => r.start === start)
    if (region) void s.acceptRegions(docId, [region])
    return true
  }
  const region = target.closest('[data-region-id]')
  if (region) {
    s.setActiveRegion({ docId, id: Number(region.getAttribute('data-region-id')) })
    return true
  }
  if (s.active || s.activeRegion) store.setState({ active: null, activeRegion: null })
  return false
}

/**
 * The overlay keys, called by the app's shortcut handler: with a suggestion picked (clicked) or the
 * caret inside one, Enter accepts it, Shift+Enter accepts every suggestion of its label in the
 * document, x rejects it; Shift+I marks the selected text as not article text. Returns true when
 * the key was one of these and acted.
 */
export function overlayKey(app: AppStore, e: KeyboardEvent): boolean {
  const store = existingOverlays(app)
  if (!store) return false
  if (matches('notArticleText', e)) {
    markSelection(app, store)
    return true
  }
  const all = matches('acceptAllSuggestions', e)
  const accept = matches('acceptSuggestion', e)
  if (!all && !accept && !matches('rejectSuggestion', e)) return false
  // Enter on a focused button or link is that control's own.
  if (e.key === 'Enter' && (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) return false
  const target = suggestionAtCaret() ?? store.getState().active
  if (!target) return false
  const s = store.getState()
  if (all) void s.acceptAll(target.docId, target.label)
  else if (accept) void s.accept(target)
  else void s.reject(target)
  window.getSelection()?.removeAllRanges()
  return true
}

/** The suggestion the caret (or the selection's start) is in, if any. */
function suggestionAtCaret(): OverlayState['active'] {
  const sel = window.getSelection()
  const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null
  const el = node && (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)
  const s = el?.closest('[data-suggestion]')
  const container = s ? docTextOf(s) : null
  if (!s || !container || container.dataset['readonly'] === 'true') return null
  return { docId: container.dataset['docId'] ?? '', start: Number(s.getAttribute('data-start')), end: Number(s.getAttribute('data-end')), label: s.getAttribute('data-suggestion') ?? '' }
}

/** Marks the text selected in a pane as not article text (Shift+I, or the Boilerplate control's button). */
export function markSelection(app: AppStore, store: OverlayStore): void {
  const sel = window.getSelection()
  const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null
  const container = range ? docTextOf(range.startContainer) : null
  if (!range || !container || container !== docTextOf(range.endContainer)) {
    app.getState().setStatus({ kind: 'info', message: say('status:markSelectFirst') })
    return
  }
  if (container.dataset['readonly'] === 'true') {
    app.getState().setStatus({ kind: 'error', message: say('status:markReadOnly') })
    return
  }
  const docId = container.dataset['docId'] ?? ''
  const slot = app.getState().docs[slotKey(docId, container.dataset['layer'] ?? '')]
  if (slot?.state !== 'ready') return
  const s16 = pointToOffset(container, range.startContainer, range.startOffset)
  const e16 = pointToOffset(container, range.endContainer, range.endOffset)
  if (e16 <= s16) return
  sel?.removeAllRanges()
  void store.getState().markRegion(docId, slot.loaded.map.toCodePoint(s16), slot.loaded.map.toCodePoint(e16))
}

/** The ignored region overlapping [start, end) (code points) of a document, as last fetched, if any. */
export function ignoredRegionAt(app: AppStore, docId: string, start: number, end: number): IgnoredRegionView | undefined {
  return existingOverlays(app)?.getState().byDoc[docId]?.regions.find((r) => r.start < end && r.end > start)
}
