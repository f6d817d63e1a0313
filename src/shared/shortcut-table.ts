/**
 * STUB (the shortcuts work replaces this with the one table of every shortcut, which the handlers
 * and the cheat sheet read). Keep the export RESERVED_PLAIN_KEYS: single keys pressed without
 * modifiers that the app already uses while annotating, so a label hotkey may not take them.
 */
export const RESERVED_PLAIN_KEYS: readonly string[] = ['e', 'x', 'n', '/', '?', 'Enter', 'Escape', 'Delete', 'Backspace']
