import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MutationResult, OccurrenceHit, SpanmarkApi } from '../../shared/api'
import { trimSelection } from '../../shared/korean/particles'
import { readSelection } from '../text/dom-selection'
import type { AppStore } from './app-store'
import { slotKey } from './slots'
import { say, type UiText } from './status'

/**
 * "Label all occurrences" in the renderer: what the dialog looks for (the span just labelled or
 * selected, or the text selected in a pane), and the list logic the dialog uses. The dialog
 * itself is components/OccurrencesDialog.tsx.
 */

export type OccurrenceScope = 'document' | 'open' | 'corpus'

export interface OccurrenceTarget {
  /** The text looked for, exactly as in the document. */
  text: string
  /** The document it came from (scope "this document"). */
  docId: string
  /** The label of the span it came from; null for a plain text selection (the dialog asks). */
  label: string | null
}

interface OccurrencesState {
  target: OccurrenceTarget | null
  /** The scope chosen last time: the next search starts there. */
  scope: OccurrenceScope
}

const stores = new WeakMap<AppStore, StoreApi<OccurrencesState>>()

/** This app's occurrences state (one per app store). */
export function occurrencesStore(app: AppStore): StoreApi<OccurrencesState> {
  let s = stores.get(app)
  if (!s) {
    s = createStore<OccurrencesState>()(() => ({ target: null, scope: 'corpus' }))
    stores.set(app, s)
  }
  return s
}

/** What to look for: a text selection in a pane (trimmed as labelling would trim it), else the selected span. */
export function currentTarget(app: AppStore): OccurrenceTarget | { error: UiText } {
  const s = app.getState()
  const sel = readSelection(window.getSelection())
  if (sel && 'error' in sel) return { error: say('status:selectionAcrossPanes') }
  if (sel) {
    const slot = s.docs[slotKey(sel.docId, sel.layer)]
    if (slot?.state !== 'ready') return { error: say('status:docLoading') }
    const text = slot.loaded.doc.text
    const t = trimSelection(text, sel.start, sel.end, { particles: s.session?.trimParticles ?? true })
    if (t.end <= t.start) return { error: say('status:selectionOnlySpaces') }
    return { text: text.slice(t.start, t.end), docId: sel.docId, label: null }
  }
  if (s.selected) {
    const { docId, spanId } = s.selected
    // Span ids are unique across layers: whichever loaded layer of the document holds it.
    for (const slot of Object.values(s.docs)) {
      if (slot.state !== 'ready' || slot.loaded.doc.id !== docId) continue
      const span = slot.loaded.spans.get(spanId)
      if (!span) continue
      const { map, doc } = slot.loaded
      return { text: doc.text.slice(map.toUtf16(span.start), map.toUtf16(span.end)), docId, label: span.label }
    }
  }
  return { error: say('status:occurrencesTarget') }
}

/** The command (Ctrl+Shift+A, the "All occurrences" button): opens the dialog for the current target. */
export function openOccurrences(app: AppStore): void {
  const target = currentTarget(app)
  if ('error' in target) {
    app.getState().setStatus({ kind: 'info', message: target.error })
    return
  }
  occurrencesStore(app).setState({ target })
  app.getState().setDialog('occurrences')
}

/** The open documents (scope "open documents"): every pane's document, once. */
export function openDocIds(app: AppStore): string[] {
  return [...new Set(app.getState().panes.map((p) => p.docId))]
}

/** Which hits start checked: all, except those already inside a span of the layer (any label). */
export function initiallyChecked(hits: readonly OccurrenceHit[]): Set<number> {
  const checked = new Set<number>()
  hits.forEach((h, i) => {
    if (h.existing === null) checked.add(i)
  })
  return checked
}

/** The list's cursor after an arrow key (clamped), Home or End. */
export function moveCursor(cursor: number, key: string, length: number): number {
  if (length === 0) return 0
  if (key === 'ArrowDown') return Math.min(length - 1, cursor + 1)
  if (key === 'ArrowUp') return Math.max(0, cursor - 1)
  if (key === 'Home') return 0
  if (key === 'End') return length - 1
  return cursor
}

export function toggle(checked: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(checked)
  if (next.has(index)) next.delete(index)
  else next.add(index)
  return next
}

/**
 * Labels the checked hits as one undo step, through the app store's mutate, so the open panes
 * show the new spans, the counts move and the status line says how many were labelled.
 */
export async function labelChecked(
  app: AppStore,
  api: SpanmarkApi,
  a: { text: string; label: string; hits: readonly OccurrenceHit[]; checked: ReadonlySet<number> }
): Promise<MutationResult | null> {
  const occurrences = a.hits.filter((_, i) => a.checked.has(i)).map(({ docId, start, end }) => ({ docId, start, end }))
  if (occurrences.length === 0) return null
  return app.getState().mutate((annotator) => api.labelOccurrences({ annotator, label: a.label, text: a.text, occurrences }))
}
