import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resources } from '../../src/shared/i18n'
import {
  comboMatches,
  formatCombo,
  keyNameId,
  matches,
  matchesHotkey,
  pressedKey,
  RESERVED_PLAIN_KEYS,
  SHORTCUT_SCOPES,
  SHORTCUTS,
  type KeyCombo,
  type KeyPress,
  type Shortcut
} from '../../src/shared/shortcut-table'

const table = SHORTCUTS as readonly Shortcut[]

/** The key press a combination describes (Ctrl for mod; with shift 'any', both with and without Shift). */
function pressesOf(c: KeyCombo): KeyPress[] {
  const base = { key: c.key, ctrlKey: c.mod === true, metaKey: false, altKey: c.alt === true }
  return c.shift === 'any' ? [{ ...base, shiftKey: true }, { ...base, shiftKey: false }] : [{ ...base, shiftKey: c.shift === true }]
}
const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...more })

describe('the shortcut table', () => {
  it('has unique ids, known scopes, and no two entries on the same keys in one scope', () => {
    expect(new Set(table.map((s) => s.id)).size).toBe(table.length)
    const seen = new Map<string, string>()
    for (const s of table) {
      expect(SHORTCUT_SCOPES).toContain(s.scope)
      for (const c of s.keys) {
        const id = `${s.scope}|${c.mod ? 'M' : ''}${c.alt ? 'A' : ''}${c.shift === true ? 'S' : c.shift === 'any' ? '*' : ''}|${c.key.toLowerCase()}`
        expect(seen.get(id), `${s.id} and ${seen.get(id)} share ${id}`).toBeUndefined()
        seen.set(id, s.id)
      }
    }
  })

  it('matches every combination of every entry, and no other entry of the same scope', () => {
    let checked = 0
    for (const s of table) {
      for (const c of s.keys.filter((k) => !k.key.startsWith('mouse:'))) {
        for (const p of pressesOf(c)) {
          expect(matches(s, p), `${s.id} ${JSON.stringify(p)}`).toBe(true)
          const others = table.filter((o) => o !== s && o.scope === s.scope && matches(o, p)).map((o) => o.id)
          expect(others, `${s.id} ${JSON.stringify(p)}`).toEqual([])
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('every entry except the project-driven ones has keys, and every mouse gesture never matches a key', () => {
    for (const s of table) expect(s.keys.length > 0, s.id).toBe(s.dynamic === undefined)
    expect(matches('selectWord', press('mouse:doubleClick'))).toBe(false)
  })

  it('wants modifiers exactly: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, plain z does neither; ⌘ counts as Ctrl', () => {
    expect(matches('undo', press('z', { ctrlKey: true }))).toBe(true)
    expect(matches('undo', press('z', { metaKey: true }))).toBe(true)
    expect(matches('undo', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matches('redo', press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matches('redo', press('y', { ctrlKey: true }))).toBe(true)
    expect(matches('undo', press('z'))).toBe(false)
    expect(matches('undo', press('z', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(matches('cheatSheet', press('?', { shiftKey: true }))).toBe(true)
    expect(matches('search', press('/'))).toBe(true)
    expect(matches('cheatSheet', press('/'))).toBe(false)
    expect(matches('acceptAllSuggestions', press('Enter', { shiftKey: true }))).toBe(true)
    expect(matches('acceptSuggestion', press('Enter', { shiftKey: true }))).toBe(false)
  })

  it('reads letter keys through the physical key under a Korean layout (ㅜ on the N key is n)', () => {
    expect(pressedKey(press('ㅜ', { code: 'KeyN' }))).toBe('n')
    expect(matches('reviewNext', press('ㅜ', { code: 'KeyN' }))).toBe(true)
    expect(matches('search', press('Process', { code: 'KeyF', ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matches('notArticleText', press('I', { code: 'KeyI', shiftKey: true }))).toBe(true)
    // A Latin key is taken as typed, not by its position.
    expect(pressedKey(press('q', { code: 'KeyA' }))).toBe('q')
  })

  it('matches project hotkeys (label keys, role keys) only without Ctrl, ⌘ or Alt', () => {
    expect(matchesHotkey('1', press('1'))).toBe(true)
    expect(matchesHotkey('1', press('1', { ctrlKey: true }))).toBe(false)
    expect(matchesHotkey('p', press('P', { shiftKey: true }))).toBe(false)
    expect(matchesHotkey('p', press('ㅔ', { code: 'KeyP' }))).toBe(true)
    expect(matchesHotkey('', press('Enter'))).toBe(false)
    expect(comboMatches({ key: 'mouse:ctrlClick', mod: true }, press('mouse:ctrlClick', { ctrlKey: true }))).toBe(false)
  })

  it('shows Ctrl on Windows and Linux and ⌘ on macOS', () => {
    const redo = table.find((s) => s.id === 'redo')?.keys[0]
    if (!redo) throw new Error('no redo entry')
    expect(formatCombo(redo, false)).toBe('Ctrl+Shift+Z')
    expect(formatCombo(redo, true)).toBe('⌘⇧Z')
    expect(formatCombo({ key: '?', shift: 'any' }, false)).toBe('?')
    expect(formatCombo({ key: 'ArrowRight', shift: true }, false)).toBe('Shift+→')
    expect(formatCombo({ key: 'Enter', mod: true }, true, (k) => (k === 'Enter' ? 'Return' : k))).toBe('⌘+Return')
    expect(formatCombo({ key: 'mouse:ctrlClick' }, false, () => 'click')).toBe('Ctrl+click')
  })

  it('derives the keys a label hotkey may not take from the table', () => {
    for (const key of ['?', '/', 'e', 'x', 'n', '[', ']', 'Enter', 'Escape', 'Delete', 'Backspace']) expect(RESERVED_PLAIN_KEYS).toContain(key)
    for (const key of ['1', '2', '3', '4', 'ArrowLeft', 'Tab']) expect(RESERVED_PLAIN_KEYS).not.toContain(key)
  })

  it('has a description and a scope heading in English and Korean for every entry, and a name for every named key', () => {
    for (const lng of ['en', 'ko'] as const) {
      const cat = resources[lng].shortcuts
      for (const s of table) expect(cat.does[s.does as keyof typeof cat.does], `${lng} ${s.does}`).toMatch(/\S/)
      for (const scope of SHORTCUT_SCOPES) expect(cat.scopes[scope]).toMatch(/\S/)
      for (const c of table.flatMap((s) => s.keys)) {
        if (c.key.length > 1 && !c.key.startsWith('Arrow')) expect(cat.keyNames[keyNameId(c.key) as keyof typeof cat.keyNames], `${lng} ${c.key}`).toMatch(/\S/)
      }
    }
  })
})

describe('the handlers read their keys from the table', () => {
  // Files whose key handling the table describes: they match keys with matches()/matchesHotkey(), not by comparing e.key.
  const handlers = [
    'src/renderer/state/shortcuts.ts',
    'src/renderer/state/relations.ts',
    'src/renderer/state/entities.ts',
    'src/renderer/state/overlays.ts',
    'src/renderer/components/review/use-review-keys.ts',
    'src/renderer/components/SearchPanel.tsx'
  ]
  const ROOT = join(__dirname, '..', '..')

  it.each(handlers)('%s compares no key by hand', (file) => {
    const src = readFileSync(join(ROOT, file), 'utf8')
    expect(src).toMatch(/\bmatches(Hotkey)?\(/)
    // Allowed: guards that decide whether a key is the app's at all (Enter on a button, / in a text field),
    // and which way an arrow goes once the table matched it.
    const compared = [...src.matchAll(/e\.(key|code)\s*===\s*'([^']*)'/g)].map((m) => m[2])
    const guards = ['Enter', '/', 'ArrowDown']
    expect(compared.filter((k) => !guards.includes(k ?? ''))).toEqual([])
  })

  it('every shortcut id the handlers name is in the table', () => {
    const ids = new Set(table.map((s) => s.id))
    const named = handlers
      .concat(['src/renderer/components/DocText.tsx'])
      .flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/matches\('([A-Za-z]+)'/g)].map((m) => m[1]))
    expect(named.length).toBeGreaterThan(20)
    for (const id of named) expect(ids.has(id ?? ''), id).toBe(true)
  })
})
