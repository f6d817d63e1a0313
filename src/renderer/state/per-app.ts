import type { SpanmarkApi } from '../../shared/api'
import type { AppStore } from './app-store'

/**
 * A side store that belongs to one window's app store (overlays, relations, entities): created
 * on first use, subscribed to the app store by `create`, and the same one for every later caller.
 */
export interface PerApp<S> {
  (app: AppStore, api: SpanmarkApi): S
  /** The store if one was created (keyboard handlers act only then). */
  existing(app: AppStore): S | undefined
}

export function perApp<S>(create: (app: AppStore, api: SpanmarkApi) => S): PerApp<S> {
  const stores = new WeakMap<AppStore, S>()
  const of = (app: AppStore, api: SpanmarkApi): S => {
    let store = stores.get(app)
    if (store === undefined) {
      store = create(app, api)
      stores.set(app, store)
    }
    return store
  }
  return Object.assign(of, { existing: (app: AppStore) => stores.get(app) })
}
