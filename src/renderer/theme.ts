/**
 * Light and dark themes (issue 10). The colours are CSS custom properties holding light-dark() pairs
 * (styles.css): with no choice the page follows the system's prefers-color-scheme by itself. A choice
 * of light or dark sets <html data-theme>, which pins color-scheme. The choice is the user's, kept in
 * localStorage like the language, and applied by main.tsx before the first render so nothing flashes.
 */
export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

const STORAGE_KEY = 'spanmark.theme'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
}

/** The stored choice; 'system' when there is none or storage is unavailable. */
export function storedTheme(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isThemeChoice(value) ? value : 'system'
  } catch {
    return 'system'
  }
}

/** Applies a choice to the page now (no storage). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
}

/** The theme in effect: the choice, or for 'system' what the system prefers. */
export function effectiveTheme(choice: ThemeChoice = storedTheme()): 'light' | 'dark' {
  if (choice !== 'system') return choice
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

type Listener = (choice: ThemeChoice) => void
const listeners = new Set<Listener>()

/** Calls listener with every new choice (main.tsx tells the desktop app, which sets nativeTheme); returns an unsubscribe. */
export function onThemeChoice(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Applies a choice, remembers it for the next start and tells the listeners. */
export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY)
    else globalThis.localStorage?.setItem(STORAGE_KEY, choice)
  } catch {
    // private mode or storage full: the choice still applies to this session
  }
  applyTheme(choice)
  for (const listener of listeners) listener(choice)
}
