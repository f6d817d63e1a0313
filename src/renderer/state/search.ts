import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SpanmarkApi } from '../../shared/api'
import type { SearchResult } from '../../shared/search-schema'
import { say, type UiText } from './status'
import { errorText } from '../error-text'

/** Wait after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 150

export interface SearchState {
  query: string
  mode: 'text' | 'regex'
  caseSensitive: boolean
  /** '' = any label / any layer. */
  label: string
  annotator: string
  result: SearchResult | null
  /** Why there is no result (a bad pattern, a failed call), for people. */
  error: UiText | null
  busy: boolean
  /** The hit Enter opens (arrow keys move it). */
  active: number
}

export interface SearchActions {
  /** Changes the query or its options and searches again after the debounce. */
  update(patch: Partial<Pick<SearchState, 'query' | 'mode' | 'caseSensitive' | 'label' | 'annotator'>>): void
  /** Searches again now with the same query (e.g. after documents were added). */
  refresh(): void
  setActive(index: number): void
  clear(): void
}

export type SearchStore = StoreApi<SearchState & SearchActions>

/**
 * The corpus search box's state. Typing is debounced; every search is numbered
 * and a response to any but the latest is dropped, so a slow early search
 * never overwrites a later one.
 */
export function createSearchStore(api: SpanmarkApi, debounceMs = SEARCH_DEBOUNCE_MS): SearchStore {
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  return createStore<SearchState & SearchActions>()((set, get) => {
    const run = async (): Promise<void> => {
      const mine = ++latest
      const { query, mode, caseSensitive, label, annotator } = get()
      const bad = mode === 'regex' ? patternError(query) : null
      if (bad) {
        set({ result: null, error: bad, busy: false })
        return
      }
      set({ busy: true })
      try {
        const result = await api.searchCorpus({
          query,
          mode,
          ...(caseSensitive ? { caseSensitive } : {}),
          ...(label ? { label } : {}),
          ...(annotator ? { annotator } : {})
        })
        if (mine === latest) set({ result, error: null, busy: false, active: 0 })
      } catch (err) {
        if (mine === latest) set({ result: null, error: errorText(err), busy: false })
      }
    }

    const schedule = (delay: number): void => {
      clearTimeout(timer)
      if (get().query === '') {
        latest++
        set({ result: null, error: null, busy: false, active: 0 })
        return
      }
      timer = setTimeout(() => void run(), delay)
    }

    return {
      query: '',
      mode: 'text',
      caseSensitive: false,
      label: '',
      annotator: '',
      result: null,
      error: null,
      busy: false,
      active: 0,
      update(patch) {
        set(patch)
        schedule(debounceMs)
      },
      refresh() {
        schedule(0)
      },
      setActive(index) {
        const n = get().result?.hits.length ?? 0
        set({ active: n === 0 ? 0 : Math.max(0, Math.min(n - 1, index)) })
      },
      clear() {
        set({ query: '' })
        schedule(0)
      }
    }
  })
}

/** Why a pattern is not a valid regular expression here (checked before asking the core), or null. */
export function patternError(query: string): UiText | null {
  try {
    new RegExp(query, 'u')
    return null
  } catch (err) {
    return say('status:badPattern', { query, reason: err instanceof Error ? err.message : String(err) })
  }
}
