import type { NativeTheme } from 'electron'
import type { DesktopState } from '../../shared/commands'

/**
 * The theme chosen in Settings (the renderer keeps it in localStorage and reports it over the state
 * channel) also drives Electron's nativeTheme, so native parts (title bar, menus, context menus, file
 * dialogs) match the page: 'system' follows the OS, 'light' and 'dark' override it.
 */
export function applyNativeTheme(nativeTheme: Pick<NativeTheme, 'themeSource'> | undefined, state: DesktopState): void {
  if (!nativeTheme || state.theme === undefined || nativeTheme.themeSource === state.theme) return
  nativeTheme.themeSource = state.theme
}
