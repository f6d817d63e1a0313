import { PARTICLES } from './particles'

/**
 * Finding the other mentions of a labelled text ("label all occurrences").
 *
 * The rule: an occurrence of the needle counts when it starts at a word boundary
 * (start of text, or after a character that is not a letter, digit or mark) and
 * ends at one, or is followed directly by a Korean particle (PARTICLES) that
 * itself ends at a boundary. So 올트먼 counts in "올트먼의" and "올트먼과도", but
 * not in "올트먼스" (inside a longer word) nor in "샘올트먼" (no boundary before).
 * A needle that itself starts (ends) with punctuation needs no boundary there.
 *
 * Offsets: the scan works in UTF-16 (indexOf); `codePointHits` converts to code
 * points incrementally, so a document is walked once whatever its hit count.
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** Whether the character at UTF-16 index i (a whole code point) is part of a word. */
function isWordAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i)
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp))
}

/** Whether the character ending at UTF-16 index end is part of a word. */
function isWordBefore(text: string, end: number): boolean {
  if (end <= 0) return false
  const c = text.charCodeAt(end - 1)
  const start = c >= 0xdc00 && c <= 0xdfff && end >= 2 ? end - 2 : end - 1
  return isWordAt(text, start)
}

/** The particle directly after `at` that ends at a word boundary, or null (longest first, as PARTICLES is sorted). */
export function particleAfter(text: string, at: number): string | null {
  for (const p of PARTICLES) {
    if (text.startsWith(p, at) && !isWordAt(text, at + p.length)) return p
  }
  return null
}

export interface TextHit {
  /** UTF-16 offsets of the needle, end exclusive. */
  start: number
  end: number
  /** The particle that follows it, or null when a boundary does. */
  particle: string | null
}

/** Every occurrence of needle in text by the rule above, in order (UTF-16 offsets); at most `limit`. */
export function findInText(text: string, needle: string, limit = Infinity): TextHit[] {
  const hits: TextHit[] = []
  if (needle === '' || limit <= 0) return hits
  const needsBefore = isWordAt(needle, 0)
  const needsAfter = isWordBefore(needle, needle.length)
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (needsBefore && isWordBefore(text, at)) continue
    const end = at + needle.length
    let particle: string | null = null
    if (needsAfter && isWordAt(text, end)) {
      particle = particleAfter(text, end)
      if (!particle) continue
    }
    hits.push({ start: at, end, particle })
    if (hits.length >= limit) break
  }
  return hits
}

export interface CodePointHit {
  /** Code point offsets, end exclusive. */
  start: number
  end: number
  /** UTF-16 offsets, for slicing the text. */
  start16: number
  end16: number
}

/** Converts ascending UTF-16 hits to code point offsets in one walk over the text. */
export function codePointHits(text: string, hits: readonly TextHit[]): CodePointHit[] {
  const out: CodePointHit[] = []
  let u = 0
  let astral = 0
  const advance = (to: number): void => {
    for (; u < to; u++) {
      const c = text.charCodeAt(u)
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
        const d = text.charCodeAt(u + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral++
          u++
        }
      }
    }
  }
  for (const h of hits) {
    advance(h.start)
    const start = h.start - astral
    advance(h.end)
    out.push({ start, end: h.end - astral, start16: h.start, end16: h.end })
  }
  return out
}

export interface Kwic {
  left: string
  match: string
  right: string
}

/** Keyword in context: about `width` code points either side of [start16, end16), whitespace runs shown as one space. */
export function kwic(text: string, start16: number, end16: number, width = 30): Kwic {
  let l = start16
  for (let n = 0; n < width && l > 0; n++) l -= isLowSurrogate(text.charCodeAt(l - 1)) && l >= 2 ? 2 : 1
  let r = end16
  for (let n = 0; n < width && r < text.length; n++) r += isHighSurrogate(text.charCodeAt(r)) && r + 1 < text.length ? 2 : 1
  const flat = (s: string): string => s.replace(/\s+/g, ' ')
  return {
    left: (l > 0 ? '…' : '') + flat(text.slice(l, start16)),
    match: text.slice(start16, end16),
    right: flat(text.slice(end16, r)) + (r < text.length ? '…' : '')
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}
