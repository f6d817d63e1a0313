import { useStore } from 'zustand'
import { useApi, useAppStore } from './context'
import { overlaysOf, type OverlayActions, type OverlayState, type OverlayStore } from './overlays'

/** This window's overlay store (ignored regions, suggestions). */
export function useOverlayStore(): OverlayStore {
  return overlaysOf(useAppStore(), useApi())
}

/** Reads a slice of overlay state; re-renders only when that slice changes. */
export function useOverlays<T>(selector: (s: OverlayState & OverlayActions) => T): T {
  return useStore(useOverlayStore(), selector)
}
