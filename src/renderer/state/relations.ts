import { perApp, type PerApp } from './per-app'
import { matches, matchesHotkey } from '../../shared/shortcut-table'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SpanmarkApi } from '../../shared/api'
import type { Relation, RelationRole } from '../../shared/relations-schema'
import type { AppStore } from './app-store'
import { paneLayer, slotKey } from './slots'
import { say, type UiText } from './status'
import { errorText } from '../error-text'

/**
 * Links between spans (a meeting's participants, date, place) in the current
 * annotator's layer of each open document, and "link mode": with a span
 * selected, a role's hotkey (p, d, l) waits for a click on the other span.
 * Links are refetched after every committed change (create, delete, undo,
 * redo, another tab's change), so undo needs nothing special here.
 */
export interface RelationsState {
  roles: RelationRole[]
  /** Links of the annotator's own layer, by document id. */
  byDoc: Record<string, Relation[]>
  /** Link mode: the span the link starts from and the role, until a click or Escape. */
  linking: { docId: string; from: number; role: RelationRole } | null
  /** The link under the mouse in the panel: both its ends are highlighted in the text. */
  hover: { docId: string; from: number; to: number } | null
}

export interface RelationsActions {
  refresh(): Promise<void>
  /** Enters link mode from the selected span; false when no role has this hotkey or nothing is selected. */
  startLink(hotkey: string): boolean
  cancel(): void
  /** A click on a span in link mode creates the link; true when link mode took the click. */
  clickSpan(docId: string, spanId: number | null): boolean
  remove(relationId: number): Promise<void>
  setHover(hover: RelationsState['hover']): void
}

export type RelationsStore = StoreApi<RelationsState & RelationsActions>

/** How long a refetch waits after the last committed change (see the overlays store). */
const AFTER_CHANGES_MS = 300

/** This window's relations store, created (and subscribed to the app store) on first use. */
export const relationsOf: PerApp<RelationsStore> = perApp((app, api) => createRelationsStore(app, api))

/** The keyboard: a role hotkey starts link mode, Escape leaves it. True when the key was taken. */
export function relationKey(app: AppStore, e: KeyboardEvent): boolean {
  const store = relationsOf.existing(app)
  if (!store || e.ctrlKey || e.metaKey || e.altKey) return false
  const s = store.getState()
  if (matches('cancelLink', e) && s.linking) {
    s.cancel()
    return true
  }
  const role = s.roles.find((r) => matchesHotkey(r.hotkey, e))
  return role !== undefined && s.startLink(role.hotkey)
}


function createRelationsStore(app: AppStore, api: SpanmarkApi): RelationsStore {
  let generation = 0
  const status = (kind: 'info' | 'error', message: UiText): void => app.getState().setStatus({ kind, message })

  const store = createStore<RelationsState & RelationsActions>()((set, get) => ({
    roles: [],
    byDoc: {},
    linking: null,
    hover: null,

    async refresh() {
      const { panes, annotator } = app.getState()
      if (!annotator) return
      const mine = ++generation
      const docIds = [...new Set(panes.filter((p) => !p.review && paneLayer(p, annotator) === annotator).map((p) => p.docId))]
      try {
        const roles = get().roles.length > 0 ? get().roles : await api.listRelationRoles({})
        const lists = await Promise.all(docIds.map((docId) => api.listRelations({ docId, annotator })))
        if (mine !== generation) return
        set({ roles, byDoc: Object.fromEntries(docIds.map((id, i) => [id, lists[i] ?? []])) })
      } catch (err) {
        if (mine === generation) status('error', errorText(err))
      }
    },

    startLink(hotkey) {
      const role = get().roles.find((r) => r.hotkey === hotkey)
      const { selected, annotator, docs } = app.getState()
      if (!role || !selected || !annotator) return false
      const span = docs[slotKey(selected.docId, annotator)]
      const from = span?.state === 'ready' ? span.loaded.spans.get(selected.spanId) : undefined
      if (!from) {
        status('error', say('status:linkOwnLayer'))
        return true
      }
      if (role.fromLabels.length > 0 && !role.fromLabels.includes(from.label)) {
        const name = (key: string): string => app.getState().labels.find((l) => l.key === key)?.name ?? key
        status('error', say('status:linkWrongStart', { role: role.name, labels: role.fromLabels.map(name).join(' / '), label: name(from.label) }))
        return true
      }
      set({ linking: { docId: selected.docId, from: selected.spanId, role } })
      status('info', say('status:linkClick', { role: role.name.toLowerCase() }))
      return true
    },

    cancel() {
      if (!get().linking) return
      set({ linking: null })
      status('info', say('status:linkCancelled'))
    },

    clickSpan(docId, spanId) {
      const linking = get().linking
      if (!linking) return false
      if (spanId === null) return true // a click beside the spans keeps waiting
      set({ linking: null })
      if (docId !== linking.docId) {
        status('error', say('status:linkSameDoc'))
        return true
      }
      // A link made here is shown at once; changes from elsewhere arrive with the scheduled refetch.
      void app
        .getState()
        .mutate((annotator) => api.createRelation({ annotator, docId, from: linking.from, to: spanId, type: linking.role.type }))
        .then((r) => (r ? get().refresh() : undefined))
      return true
    },

    async remove(relationId) {
      set({ hover: null })
      if (await app.getState().mutate((annotator) => api.deleteRelation({ annotator, relationId }))) await get().refresh()
    },

    setHover(hover) {
      set({ hover })
    }
  }))

  // Refetch after a committed change (reviewVersion), a live update (documents), another layer or pane opened.
  const openKey = (): string => {
    const { panes, annotator, docs } = app.getState()
    return `${annotator}|${panes.map((p) => `${p.docId}:${docs[slotKey(p.docId, paneLayer(p, annotator))]?.state ?? ''}`).join(',')}`
  }
  // Refetches wait for a pause after committed changes, restarted by each one, so a burst of
  // labelling is not slowed by these requests (they share the server and the browser's connections).
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = (delay: number): void => {
    clearTimeout(timer)
    timer = setTimeout(() => void store.getState().refresh(), delay)
  }
  let lastOpen = openKey()
  app.subscribe((s, prev) => {
    const open = openKey()
    if (open !== lastOpen) {
      lastOpen = open
      // Not while a document is still loading: its text and spans come first (they paint it).
      if (!open.includes(':loading')) schedule(0)
    } else if (s.reviewVersion !== prev.reviewVersion || s.documents !== prev.documents) schedule(AFTER_CHANGES_MS)
    if (s.selected?.spanId !== prev.selected?.spanId && store.getState().hover) store.getState().setHover(null)
    // The span a link was waiting to start from is no longer selected (deleted, undone, deselected): stop waiting.
    const linking = store.getState().linking
    if (linking && (s.selected?.docId !== linking.docId || s.selected.spanId !== linking.from)) store.setState({ linking: null })
  })
  void store.getState().refresh()
  return store
}
