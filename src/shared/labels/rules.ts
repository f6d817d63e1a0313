import { RESERVED_PLAIN_KEYS } from '../shortcut-table'

/**
 * The rules a label schema keeps (issue 10), pure so the core, the CLI and the
 * Labels screen check the same things. Each check returns null when the value
 * is fine, or a sentence saying what is wrong and what to do.
 */

export const LABEL_KEY = /^[A-Z][A-Z0-9_]{0,31}$/
export const LABEL_COLOR = /^#[0-9a-fA-F]{6}$/

/** The page colours a label's colour is drawn on: the light theme's text panel and the dark theme's. */
export const THEME_BACKGROUNDS = { light: '#ffffff', dark: '#1e1e1e' } as const
/**
 * WCAG 2.1 non-text contrast (1.4.11). A label is drawn as a solid 2px underline in its colour
 * under the span (and as the background of the white label-name chip shown on hover); the
 * tinted fill behind the text is decoration. So the colour itself must stand 3:1 against both
 * theme backgrounds, which also keeps white chip text readable on it (white = the light background).
 */
export const MIN_CONTRAST = 3

export interface LabelLike {
  key: string
  hotkey: string
  retired?: boolean | undefined
}

export type LabelProblem =
  | { code: 'keyFormat'; key: string }
  | { code: 'nameEmpty' }
  | { code: 'nameLong' }
  | { code: 'guidelineLong' }
  | { code: 'hotkeyNotSingle'; hotkey: string }
  | { code: 'hotkeyReserved'; hotkey: string }
  | { code: 'hotkeyRole'; hotkey: string }
  | { code: 'hotkeyTaken'; hotkey: string; other: string }
  | { code: 'colorFormat'; color: string }
  | { code: 'colorLight'; color: string; ratio: string }
  | { code: 'colorDark'; color: string; ratio: string }

export function checkKey(key: string): LabelProblem | null {
  return LABEL_KEY.test(key) ? null : { code: 'keyFormat', key }
}

export function checkName(name: string): LabelProblem | null {
  const trimmed = name.trim()
  if (trimmed.length === 0) return { code: 'nameEmpty' }
  return [...trimmed].length > 60 ? { code: 'nameLong' } : null
}

export function checkGuideline(guideline: string): LabelProblem | null {
  return [...guideline].length > 2000 ? { code: 'guidelineLong' } : null
}

/** The hotkey of the label `self` (null: a new label), against the other (unretired) labels and the roles' hotkeys. */
export function checkHotkey(hotkey: string, self: string | null, labels: readonly LabelLike[], roleHotkeys: readonly string[]): LabelProblem | null {
  if ([...hotkey].length !== 1 || !/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(hotkey)) return { code: 'hotkeyNotSingle', hotkey }
  if (roleHotkeys.includes(hotkey)) return { code: 'hotkeyRole', hotkey }
  if (RESERVED_PLAIN_KEYS.includes(hotkey)) return { code: 'hotkeyReserved', hotkey }
  const other = labels.find((l) => l.key !== self && !l.retired && l.hotkey === hotkey)
  return other ? { code: 'hotkeyTaken', hotkey, other: other.key } : null
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(color: string): number {
  const channel = (i: number): number => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export function checkColor(color: string): LabelProblem | null {
  if (!LABEL_COLOR.test(color)) return { code: 'colorFormat', color }
  const light = contrast(color, THEME_BACKGROUNDS.light)
  const dark = contrast(color, THEME_BACKGROUNDS.dark)
  if (light < MIN_CONTRAST) return { code: 'colorLight', color, ratio: light.toFixed(1) }
  if (dark < MIN_CONTRAST) return { code: 'colorDark', color, ratio: dark.toFixed(1) }
  return null
}

/** A problem in English, for the core's errors and the CLI. */
export function problemText(p: LabelProblem): string {
  switch (p.code) {
    case 'keyFormat':
      return `"${p.key}" is not a valid label key: use 1 to 32 upper-case letters, digits and _, starting with a letter (e.g. PLACE).`
    case 'nameEmpty':
      return 'The display name is empty: give the label a name people will read, e.g. Place.'
    case 'nameLong':
      return 'The display name is longer than 60 characters: shorten it (the guideline can say more).'
    case 'guidelineLong':
      return 'The guideline is longer than 2,000 characters: keep it to a short description with examples.'
    case 'hotkeyNotSingle':
      return `The hotkey "${p.hotkey}" is not a single printable character: choose one key such as 5 or q.`
    case 'hotkeyReserved':
      return `The hotkey "${p.hotkey}" is already an app shortcut: choose another key.`
    case 'hotkeyRole':
      return `The hotkey "${p.hotkey}" starts a link (a relation role's key): choose another key.`
    case 'hotkeyTaken':
      return `The hotkey "${p.hotkey}" is already used by ${p.other}: choose another key, or change ${p.other}'s first.`
    case 'colorFormat':
      return `"${p.color}" is not a colour: write it as #rrggbb, e.g. #1971c2.`
    case 'colorLight':
      return `${p.color} is too light to see on the light theme (contrast ${p.ratio}:1, needs ${MIN_CONTRAST}:1): choose a darker colour.`
    case 'colorDark':
      return `${p.color} is too dark to see on the dark theme (contrast ${p.ratio}:1, needs ${MIN_CONTRAST}:1): choose a lighter colour.`
  }
}
