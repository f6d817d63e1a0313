import type { DocSummary, Span, SpanChange } from '../../shared/domain'
import { addPending, applyChanges, putSpan, removeSpans, type LoadedDoc } from './doc-state'
import type { UiText } from './status'

export type DocSlot = { state: 'loading' } | { state: 'error'; message: UiText } | { state: 'ready'; loaded: LoadedDoc }

export interface Pane {
  /** Stable key for React and the resizable panel. */
  key: string
  docId: string
  /** The layer shown; null: the current annotator's (editable). */
  layer: string | null
  /** Review mode: the annotators compared; null: not reviewing. */
  review: string[] | null
}

/** Loaded documents are keyed by document and layer: two panes may show two layers of one document. */
export const slotKey = (docId: string, layer: string): string => `${layer}\u0000${docId}`

export function splitSlotKey(key: string): { layer: string; docId: string } {
  const cut = key.indexOf('\u0000')
  return { layer: key.slice(0, cut), docId: key.slice(cut + 1) }
}

/** The layer a pane shows. */
export const paneLayer = (pane: Pane, annotator: string | null): string => pane.layer ?? annotator ?? ''

/** Keeps only layers shown in a pane: a closed document is fetched afresh when opened again. */
export function onlyOpen(docs: Record<string, DocSlot>, panes: readonly Pane[], annotator: string | null): Record<string, DocSlot> {
  const open = new Set(panes.filter((p) => !p.review).map((p) => slotKey(p.docId, paneLayer(p, annotator))))
  return Object.fromEntries(Object.entries(docs).filter(([key]) => open.has(key)))
}

/** Applies committed changes to the loaded layers they belong to. */
export function applyToDocs(docs: Record<string, DocSlot>, changes: readonly SpanChange[]): Record<string, DocSlot> {
  const touched = new Set(changes.map((c) => slotKey(c.docId, c.annotator)))
  if (touched.size === 0) return docs
  const next = { ...docs }
  for (const key of touched) {
    const slot = next[key]
    if (slot?.state !== 'ready') continue
    const { layer } = splitSlotKey(key)
    next[key] = { state: 'ready', loaded: applyChanges(slot.loaded, changes.filter((c) => c.annotator === layer)) }
  }
  return next
}

/** Updates the sidebar's counts (the current layer's and every layer's) from committed changes. */
export function adjustCounts(documents: DocSummary[], changes: readonly SpanChange[], annotator: string | null): DocSummary[] {
  if (changes.length === 0) return documents
  const delta = new Map<string, Map<string, number>>()
  for (const c of changes) {
    const d = (c.after ? 1 : 0) - (c.before ? 1 : 0)
    if (d === 0) continue
    const perLayer = delta.get(c.docId) ?? new Map<string, number>()
    perLayer.set(c.annotator, (perLayer.get(c.annotator) ?? 0) + d)
    delta.set(c.docId, perLayer)
  }
  if (delta.size === 0) return documents
  return documents.map((doc) => {
    const perLayer = delta.get(doc.id)
    if (!perLayer) return doc
    const layers = doc.layers.map((l) => ({ ...l, spans: l.spans + (perLayer.get(l.annotator) ?? 0) }))
    for (const [annotator, d] of perLayer) if (!layers.some((l) => l.annotator === annotator)) layers.push({ annotator, spans: d })
    layers.sort((a, b) => (a.annotator < b.annotator ? -1 : 1))
    return {
      ...doc,
      spanCount: doc.spanCount + (annotator ? (perLayer.get(annotator) ?? 0) : 0),
      layers: layers.filter((l) => l.spans > 0)
    }
  })
}

/** A provisional span drawn before its save returns: where it is drawn and its (negative) id. */
export interface Provisional {
  key: string
  id: number
}

/** Draws a provisional span in its layer, if that layer is loaded. */
export function showPending(docs: Record<string, DocSlot>, span: Span): { docs: Record<string, DocSlot>; provisional: Provisional | null } {
  const key = slotKey(span.docId, span.annotator)
  const slot = docs[key]
  if (slot?.state !== 'ready') return { docs, provisional: null }
  return { docs: { ...docs, [key]: { state: 'ready', loaded: addPending(slot.loaded, span) } }, provisional: { key, id: span.id } }
}

/** Takes provisional spans away again (their save returned or failed). */
export function retract(docs: Record<string, DocSlot>, provisional: Provisional | null): Record<string, DocSlot> {
  const slot = provisional ? docs[provisional.key] : undefined
  if (!provisional || slot?.state !== 'ready') return docs
  return { ...docs, [provisional.key]: { state: 'ready', loaded: removeSpans(slot.loaded, [provisional.id]) } }
}

/** Optimistic state: a span put in its layer (replacing the one with its id), drawn as pending or as saved. */
export function showSpan(docs: Record<string, DocSlot>, span: Span, pending: boolean): Record<string, DocSlot> {
  const key = slotKey(span.docId, span.annotator)
  const slot = docs[key]
  if (slot?.state !== 'ready') return docs
  return { ...docs, [key]: { state: 'ready', loaded: putSpan(slot.loaded, span, pending) } }
}

/** Optimistic state: a span taken out of its layer. */
export function hideSpan(docs: Record<string, DocSlot>, docId: string, layer: string, id: number): Record<string, DocSlot> {
  const key = slotKey(docId, layer)
  const slot = docs[key]
  if (slot?.state !== 'ready' || !slot.loaded.spans.has(id)) return docs
  return { ...docs, [key]: { state: 'ready', loaded: removeSpans(slot.loaded, [id]) } }
}
