import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { SpanmarkApi } from '../../shared/api'
import type { AppActions, AppState, AppStore } from './app-store'

const StoreContext = createContext<AppStore | null>(null)
const ApiContext = createContext<SpanmarkApi | null>(null)

export function StoreProvider({ store, api, children }: { store: AppStore; api: SpanmarkApi; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
    </ApiContext.Provider>
  )
}

/** The API, for components that call it directly (import and export). */
export function useApi(): SpanmarkApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside StoreProvider')
  return api
}

/** Reads a slice of app state; re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState & AppActions) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useApp outside StoreProvider')
  return useStore(store, selector)
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStore outside StoreProvider')
  return store
}
