import { perApp, type PerApp } from './per-app'
import type { Message } from '../../shared/message'
import { changeText } from './change-text'
import { matches } from '../../shared/shortcut-table'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SpanmarkApi } from '../../shared/api'
import type { EntitySummaryView, SpanEntityLinkView } from '../../shared/entities-schema'
import type { AppStore } from './app-store'
import { paneLayer, slotKey } from './slots'
import { say, type UiText } from './status'
import { errorText } from '../error-text'

/**
 * Entities across documents in the renderer: the project's entities (the
 * Entities panel), which spans of the open documents are linked to which
 * entity (marks carry data-entity), the entity under the mouse (all its marks
 * light up in every pane) and the type-ahead that links the selected span
 * (key e). Refetched after every committed change and live update, like relations.
 */
export interface EntitiesState {
  entities: EntitySummaryView[]
  /** Per open document: span id → its entity (every layer; span ids are unique across layers). */
  links: Record<string, ReadonlyMap<number, SpanEntityLinkView>>
  /** The entity whose mentions are highlighted, or null. */
  hover: number | null
  /** The type-ahead: the span being linked, until Enter or Escape. */
  picker: { docId: string; spanId: number; label: string; text: string } | null
}

export interface EntitiesActions {
  refresh(): Promise<void>
  setHover(id: number | null): void
  /** Opens the type-ahead for the selected span of the annotator's own layer; false (with a status line) when there is none. */
  openPicker(): boolean
  closePicker(): void
  /** Links the picker's span to an existing entity, or to a new one with this name. */
  pick(choice: { entityId: number } | { name: string }): Promise<void>
  unlink(spanId: number): Promise<void>
  rename(id: number, name: string): Promise<void>
  /** Moves every mention of `from` to `into` and deletes `from`. */
  merge(into: number, from: number): Promise<void>
}

export type EntitiesStore = StoreApi<EntitiesState & EntitiesActions>

/** How long a refetch waits after the last committed change (see the overlays store). */
const AFTER_CHANGES_MS = 300

/** This window's entities store, created (and subscribed to the app store) on first use. */
export const entitiesOf: PerApp<EntitiesStore> = perApp((app, api) => createEntitiesStore(app, api))

function createEntitiesStore(app: AppStore, api: SpanmarkApi): EntitiesStore {
  const status = (kind: 'info' | 'error', message: UiText): void => app.getState().setStatus({ kind, message })
  const fail = (err: unknown): void => status('error', errorText(err))
  let generation = 0
  /** Runs an entity change as the current annotator, says what it did (or why not), then refetches. */
  const call = async (fn: (annotator: string) => Promise<{ description: Message }>): Promise<void> => {
    const annotator = app.getState().annotator
    if (!annotator) return
    try {
      status('info', changeText((await fn(annotator)).description))
    } catch (err) {
      fail(err)
    }
    await store.getState().refresh()
  }

  const store: EntitiesStore = createStore<EntitiesState & EntitiesActions>()((set, get) => ({
    entities: [],
    links: {},
    hover: null,
    picker: null,

    async refresh() {
      const mine = ++generation
      const docIds = [...new Set(app.getState().panes.map((p) => p.docId))]
      try {
        const [entities, ...perDoc] = await Promise.all([api.listEntities({}), ...docIds.map((docId) => api.listSpanEntities({ docId }))])
        if (mine !== generation) return // a newer refresh is on its way
        const links: EntitiesState['links'] = {}
        docIds.forEach((docId, i) => (links[docId] = new Map((perDoc[i] ?? []).map((l) => [l.spanId, l]))))
        set({ entities: entities ?? [], links })
      } catch {
        // A document closed or removed meanwhile: the next change refetches.
      }
    },

    setHover(hover) {
      if (get().hover !== hover) set({ hover })
    },

    openPicker() {
      const s = app.getState()
      const sel = s.selected
      const slot = sel && s.annotator ? s.docs[slotKey(sel.docId, s.annotator)] : undefined
      const span = sel && slot?.state === 'ready' ? slot.loaded.spans.get(sel.spanId) : undefined
      if (!sel || !span || slot?.state !== 'ready') {
        status('info', say('status:entityPickFirst'))
        return false
      }
      const { doc, map } = slot.loaded
      set({ picker: { docId: sel.docId, spanId: sel.spanId, label: span.label, text: doc.text.slice(map.toUtf16(span.start), map.toUtf16(span.end)) } })
      return true
    },

    closePicker() {
      set({ picker: null })
    },

    async pick(choice) {
      const picker = get().picker
      const annotator = app.getState().annotator
      if (!picker || !annotator) return
      set({ picker: null })
      try {
        const entityId = 'name' in choice ? (await api.createEntity({ annotator, name: choice.name, type: picker.label })).entity.id : choice.entityId
        const r = await api.linkSpans({ annotator, entityId, spanIds: [picker.spanId] })
        status('info', changeText(r.description))
      } catch (err) {
        fail(err)
      }
      await get().refresh()
    },

    async rename(id, name) {
      await call((annotator) => api.renameEntity({ annotator, id, name }))
    },

    async merge(into, from) {
      await call((annotator) => api.mergeEntities({ annotator, into, from }))
    },

    async unlink(spanId) {
      await call((annotator) => api.unlinkSpan({ annotator, spanId }))
    }
  }))

  // Refetch after a committed change (reviewVersion), a live update (documents), another pane or layer opened.
  const openKey = (): string => {
    const { panes, annotator, docs } = app.getState()
    return panes.map((p) => `${p.docId}:${docs[slotKey(p.docId, paneLayer(p, annotator))]?.state ?? ''}`).join(',')
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
  })
  void store.getState().refresh()
  return store
}

/**
 * Entities of one type whose name, or a text they are mentioned by (올트먼 for Sam Altman), contains
 * the query (case-insensitive). Best first: the name or a mention is exactly the query, then the name
 * starts with it, then the rest; then the most mentioned, then by name.
 */
export function matchEntities(entities: readonly EntitySummaryView[], type: string, query: string): EntitySummaryView[] {
  const q = query.replace(/\s+/g, ' ').trim().toLocaleLowerCase()
  const texts = (e: EntitySummaryView): string[] => [e.name, ...e.aliases].map((t) => t.toLocaleLowerCase())
  const rank = (e: EntitySummaryView): number => {
    const name = e.name.toLocaleLowerCase()
    return name === q || texts(e).includes(q) ? 0 : name.startsWith(q) ? 1 : 2
  }
  return entities
    .filter((e) => e.type === type && (q === '' || texts(e).some((t) => t.includes(q))))
    .sort((a, b) => rank(a) - rank(b) || b.mentions - a.mentions || a.name.localeCompare(b.name))
}

/** The CSS that lights up every mark of one entity, in every pane. */
export function hoverRule(entityId: number | null): string {
  return entityId === null ? '' : `mark.span[data-entity="${entityId}"] { box-shadow: 0 0 0 2px #7048e8, 0 0 8px 3px rgba(112, 72, 232, 0.5); }`
}

/** The keyboard: e on a selected span opens the entity type-ahead. True when the key was taken. */
export function entityKey(app: AppStore, e: KeyboardEvent): boolean {
  const store = entitiesOf.existing(app)
  if (!store || !matches('entity', e)) return false
  store.getState().openPicker()
  return true
}
