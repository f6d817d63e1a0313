import type { SpanmarkApi } from '../../shared/api'
import type { LabelInfo } from '../../shared/labels-schema'
import type { SpanChange } from '../../shared/domain'
import type { AppStore } from './app-store'
import { splitSlotKey } from './slots'

/**
 * The label schema in the renderer (issue 10): after a change here or in another
 * tab, the app's labels (label bar, hotkeys, span colours and names) are replaced
 * by the project's. The Labels screen keeps its own rows (with usage counts).
 */
export function applyLabels(store: AppStore, labels: readonly LabelInfo[]): void {
  store.setState({
    labels: labels.map((l) => ({ key: l.key, name: l.name, hotkey: l.hotkey, color: l.color, guideline: l.guideline, ...(l.retired ? { retired: true } : {}), ...(l.crossParagraphs ? { crossParagraphs: true } : {}) }))
  })
}

/** Refetches the labels (a live 'labels' event); a failure leaves the labels shown as they were. */
export async function refreshLabels(store: AppStore, api: SpanmarkApi): Promise<void> {
  try {
    applyLabels(store, await api.listLabels({}))
  } catch {
    // The next change or reload fetches them again.
  }
}

/** After a key rename: the spans shown with the old key take the new one, as if the other tab had relabelled them. */
export function renameShownSpans(store: AppStore, from: string, to: string): void {
  const changes: SpanChange[] = []
  for (const [key, slot] of Object.entries(store.getState().docs)) {
    if (slot.state !== 'ready') continue
    const { docId, layer } = splitSlotKey(key)
    const seen = new Set<number>()
    for (const r of slot.loaded.blockSpans.flat()) {
      const span = slot.loaded.spans.get(r.id)
      if (!span || span.id < 0 || span.label !== from || seen.has(span.id)) continue
      seen.add(span.id)
      const state = { start: span.start, end: span.end }
      changes.push({ spanId: span.id, docId, annotator: layer, before: { ...state, label: from }, after: { ...state, label: to } })
    }
  }
  store.getState().applyRemote(changes)
}
