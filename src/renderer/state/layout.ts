import { useSyncExternalStore } from 'react'

/**
 * The window's layout that belongs to this browser or app, not to the project: whether the
 * sidebar is collapsed (View → Hide sidebar, Ctrl+B). Kept in localStorage, so a reload or the
 * next start keeps it.
 */
const SIDEBAR_KEY = 'spanmark.sidebarCollapsed'
const listeners = new Set<() => void>()

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIDEBAR_KEY) === 'true'
  } catch {
    return false
  }
}

let collapsed = read()

export function sidebarCollapsed(): boolean {
  return collapsed
}

export function setSidebarCollapsed(value: boolean): void {
  collapsed = value
  try {
    globalThis.localStorage?.setItem(SIDEBAR_KEY, String(value))
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
  for (const l of listeners) l()
}

export function toggleSidebar(): void {
  setSidebarCollapsed(!collapsed)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True while the sidebar is collapsed; re-renders on change. */
export function useSidebarCollapsed(): boolean {
  return useSyncExternalStore(subscribe, sidebarCollapsed, sidebarCollapsed)
}
