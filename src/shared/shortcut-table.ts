/**
 * The one table of the app's keyboard shortcuts. The handlers match keys through it (matches()),
 * and the cheat sheet (? key) lists it, so what the sheet says is what the keys do. Label hotkeys
 * and link-role hotkeys come from the project; their entries are marked `dynamic` and listed from
 * the project's labels and roles. Pure data and functions: no DOM, no Node.
 */

/** Where a shortcut works. The same keys may mean different things in different scopes, never in one. */
export const SHORTCUT_SCOPES = ['global', 'documents', 'annotating', 'linking', 'suggestions', 'review', 'search', 'dialogs', 'lists'] as const
export type ShortcutScope = (typeof SHORTCUT_SCOPES)[number]

/**
 * One key combination. `key` is KeyboardEvent.key (letters in lower case); `mod` is Ctrl, or ⌘ on
 * macOS; shift 'any' accepts the key with or without Shift (symbols such as ? that some layouts
 * type with Shift and some without). A key starting with "mouse:" is a mouse gesture, listed but
 * never matched by a key.
 */
export interface KeyCombo {
  key: string
  mod?: boolean
  shift?: boolean | 'any'
  alt?: boolean
}

export interface Shortcut {
  id: string
  scope: ShortcutScope
  keys: readonly KeyCombo[]
  /** Key of its description in the shortcuts catalogue (src/shared/i18n/en/shortcuts.ts, `does`). */
  does: string
  /** Keys taken from the project: one row per label or per link role. */
  dynamic?: 'labels' | 'roles'
}

const k = (key: string, more: Omit<KeyCombo, 'key'> = {}): KeyCombo => ({ key, ...more })
const arrows = (more: Omit<KeyCombo, 'key'> = {}): KeyCombo[] => ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((a) => k(a, more))

export const SHORTCUTS = [
  // Anywhere outside a text field.
  { id: 'cheatSheet', scope: 'global', keys: [k('?', { shift: 'any' })], does: 'cheatSheet' },
  { id: 'undo', scope: 'global', keys: [k('z', { mod: true })], does: 'undo' },
  { id: 'redo', scope: 'global', keys: [k('z', { mod: true, shift: true }), k('y', { mod: true })], does: 'redo' },
  { id: 'search', scope: 'global', keys: [k('f', { mod: true, shift: true }), k('/')], does: 'search' },
  { id: 'toggleSidebar', scope: 'global', keys: [k('b', { mod: true })], does: 'toggleSidebar' },
  { id: 'skipToText', scope: 'global', keys: [k('Tab')], does: 'skipToText' },
  // The document list.
  { id: 'openDoc', scope: 'documents', keys: [k('Enter')], does: 'openDoc' },
  { id: 'openDocBeside', scope: 'documents', keys: [k('Enter', { mod: true }), k('mouse:ctrlClick')], does: 'openDocBeside' },
  // The text of a document.
  { id: 'caret', scope: 'annotating', keys: arrows(), does: 'caret' },
  { id: 'caretWord', scope: 'annotating', keys: [k('ArrowLeft', { mod: true }), k('ArrowRight', { mod: true }), k('ArrowLeft', { alt: true }), k('ArrowRight', { alt: true })], does: 'caretWord' },
  { id: 'extend', scope: 'annotating', keys: arrows({ shift: true }), does: 'extend' },
  { id: 'extendWord', scope: 'annotating', keys: [k('ArrowLeft', { mod: true, shift: true }), k('ArrowRight', { mod: true, shift: true }), k('ArrowLeft', { alt: true, shift: true }), k('ArrowRight', { alt: true, shift: true })], does: 'extendWord' },
  { id: 'selectWord', scope: 'annotating', keys: [k('mouse:doubleClick')], does: 'selectWord' },
  { id: 'label', scope: 'annotating', keys: [], does: 'label', dynamic: 'labels' },
  { id: 'nextSpan', scope: 'annotating', keys: [k(']')], does: 'nextSpan' },
  { id: 'previousSpan', scope: 'annotating', keys: [k('[')], does: 'previousSpan' },
  { id: 'deleteSpan', scope: 'annotating', keys: [k('Delete'), k('Backspace')], does: 'deleteSpan' },
  { id: 'deselect', scope: 'annotating', keys: [k('Escape')], does: 'deselect' },
  { id: 'occurrences', scope: 'annotating', keys: [k('a', { mod: true, shift: true })], does: 'occurrences' },
  { id: 'entity', scope: 'annotating', keys: [k('e')], does: 'entity' },
  { id: 'notArticleText', scope: 'annotating', keys: [k('i', { shift: true })], does: 'notArticleText' },
  // Links from a selected meeting.
  { id: 'linkRole', scope: 'linking', keys: [], does: 'linkRole', dynamic: 'roles' },
  { id: 'cancelLink', scope: 'linking', keys: [k('Escape')], does: 'cancelLink' },
  // A suggestion picked or under the caret.
  { id: 'acceptSuggestion', scope: 'suggestions', keys: [k('Enter')], does: 'acceptSuggestion' },
  { id: 'acceptAllSuggestions', scope: 'suggestions', keys: [k('Enter', { shift: true })], does: 'acceptAllSuggestions' },
  { id: 'rejectSuggestion', scope: 'suggestions', keys: [k('x')], does: 'rejectSuggestion' },
  // A review pane.
  { id: 'reviewNext', scope: 'review', keys: [k('n'), k('j')], does: 'reviewNext' },
  { id: 'reviewPrevious', scope: 'review', keys: [k('p'), k('k')], does: 'reviewPrevious' },
  { id: 'reviewAccept', scope: 'review', keys: [k('a')], does: 'reviewAccept' },
  { id: 'reviewReject', scope: 'review', keys: [k('r')], does: 'reviewReject' },
  { id: 'reviewEdit', scope: 'review', keys: [k('e')], does: 'reviewEdit' },
  { id: 'reviewAcceptAgreed', scope: 'review', keys: [k('a', { shift: true })], does: 'reviewAcceptAgreed' },
  // The search box.
  { id: 'searchOpen', scope: 'search', keys: [k('Enter')], does: 'searchOpen' },
  { id: 'searchOpenBeside', scope: 'search', keys: [k('Enter', { mod: true })], does: 'searchOpenBeside' },
  { id: 'searchMove', scope: 'search', keys: [k('ArrowDown'), k('ArrowUp')], does: 'searchMove' },
  { id: 'searchClear', scope: 'search', keys: [k('Escape')], does: 'searchClear' },
  // Dialogs and menus.
  { id: 'closeDialog', scope: 'dialogs', keys: [k('Escape')], does: 'closeDialog' },
  { id: 'nextControl', scope: 'dialogs', keys: [k('Tab'), k('Tab', { shift: true })], does: 'nextControl' },
  { id: 'confirmDialog', scope: 'dialogs', keys: [k('Enter')], does: 'confirmDialog' },
  // Lists inside dialogs and menus (File menu, occurrences, entity type-ahead).
  { id: 'listMove', scope: 'lists', keys: [k('ArrowDown'), k('ArrowUp')], does: 'listMove' },
  { id: 'listEnds', scope: 'lists', keys: [k('Home'), k('End')], does: 'listEnds' },
  { id: 'listToggle', scope: 'lists', keys: [k(' ')], does: 'listToggle' }
] as const satisfies readonly Shortcut[]

export type ShortcutId = (typeof SHORTCUTS)[number]['id']

const BY_ID = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]))

/** The table's entry for an id (the ids are checked by the compiler). */
export function shortcut(id: ShortcutId): Shortcut {
  const entry = BY_ID.get(id)
  if (!entry) throw new Error(`No shortcut "${id}" in the shortcut table.`)
  return entry
}

/** The parts of a KeyboardEvent that matching reads (so the table is testable without a DOM). */
export interface KeyPress {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * The key as the table writes it: letters in lower case. With a non-Latin layout (a Korean IME
 * types ㅜ for n), a letter key falls back to its physical key, so n/p/a/r still work in Korean.
 */
export function pressedKey(e: KeyPress): string {
  if (e.key.length === 1 && e.key.charCodeAt(0) < 0x80) return e.key.toLowerCase()
  const fromCode = /^Key([A-Z])$/.exec(e.code ?? '')?.[1]
  if (fromCode && (e.key.length === 1 || e.key === 'Process')) return fromCode.toLowerCase()
  return e.key
}

/** True when the key press is this combination (modifiers exact, except shift 'any'). */
export function comboMatches(combo: KeyCombo, e: KeyPress): boolean {
  if (combo.key.startsWith('mouse:')) return false
  if (pressedKey(e) !== combo.key.toLowerCase() && e.key !== combo.key) return false
  if ((e.ctrlKey || e.metaKey) !== (combo.mod ?? false)) return false
  if (e.altKey !== (combo.alt ?? false)) return false
  return combo.shift === 'any' || e.shiftKey === (combo.shift ?? false)
}

/** True when the key press is one of the entry's combinations. */
export function matches(entry: Shortcut | ShortcutId, e: KeyPress): boolean {
  const s = typeof entry === 'string' ? shortcut(entry) : entry
  return s.keys.some((c) => comboMatches(c, e))
}

/** A project hotkey (a label's or a link role's): one character, pressed without Ctrl, ⌘ or Alt. */
export function matchesHotkey(hotkey: string | null | undefined, e: KeyPress): boolean {
  if (!hotkey || e.ctrlKey || e.metaKey || e.altKey) return false
  return e.key === hotkey || (hotkey.length === 1 && pressedKey(e) === hotkey.toLowerCase() && !e.shiftKey)
}

/** How a key reads on the cheat sheet; key names that need words come from the catalogue (keyNames). */
const SYMBOLS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' }
export const NAMED_KEYS = ['Enter', 'Escape', 'Delete', 'Backspace', 'Tab', 'Home', 'End', ' ', 'mouse:ctrlClick', 'mouse:doubleClick'] as const

/** The catalogue key (shortcuts:keyNames.…) of a named key: i18next reads ':' as a namespace separator and ' ' poorly. */
export function keyNameId(key: string): string {
  return key === ' ' ? 'Space' : key.replace(/^mouse:/, '')
}

/**
 * The combination as the user reads it: "Ctrl+Shift+Z" on Windows and Linux, "⌘⇧Z" on macOS.
 * keyName gives the words for NAMED_KEYS in the current language.
 */
export function formatCombo(combo: KeyCombo, mac: boolean, keyName: (key: string) => string = (key) => key): string {
  const base = (NAMED_KEYS as readonly string[]).includes(combo.key)
    ? keyName(combo.key)
    : (SYMBOLS[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key))
  if (combo.key === 'mouse:ctrlClick') return mac ? `⌘+${base}` : `Ctrl+${base}`
  const shown = combo.key.length === 1 && combo.shift === 'any' ? combo.key : base
  const parts: string[] = []
  if (combo.mod) parts.push(mac ? '⌘' : 'Ctrl')
  if (combo.alt) parts.push(mac ? '⌥' : 'Alt')
  if (combo.shift === true) parts.push(mac ? '⇧' : 'Shift')
  parts.push(shown)
  return mac ? parts.join(parts.length > 1 && shown.length > 1 ? '+' : '') : parts.join('+')
}

/** True on macOS (the renderer passes navigator.platform or userAgent). */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform)
}

/** Scopes whose plain keys a label hotkey would shadow: the annotating keys, suggestions and review. */
const HOTKEY_SCOPES: readonly ShortcutScope[] = ['global', 'annotating', 'suggestions', 'review']

/**
 * Single keys pressed without modifiers that the app already uses while annotating or reviewing,
 * so a label hotkey may not take them. Derived from the table.
 */
export const RESERVED_PLAIN_KEYS: readonly string[] = [
  ...new Set(
    (SHORTCUTS as readonly Shortcut[])
      .filter((s) => HOTKEY_SCOPES.includes(s.scope))
      .flatMap((s) => s.keys)
      .filter((c) => !c.mod && !c.alt && c.shift !== true && !c.key.startsWith('mouse:') && !c.key.startsWith('Arrow') && c.key !== 'Tab')
      .map((c) => c.key)
  )
]
