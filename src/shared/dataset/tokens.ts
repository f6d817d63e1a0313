import { morphTokens } from './morph'
import type { DatasetFormat, Token, TokenMode } from './types'

/**
 * Tokenisation with code point offsets.
 *
 * - char: every code point is a token, whitespace and line breaks included
 *   (a ZWJ emoji sequence is several tokens). No span ever needs aligning, and
 *   a space inside an entity is tagged I-X, as KLUE-NER does.
 * - eojeol: maximal runs of non-whitespace code points (어절), where whitespace
 *   is JavaScript's \s (spaces, tabs, CR, LF, NBSP, ideographic space, U+FEFF…).
 *   ZWJ (U+200D) and other format characters are not whitespace.
 * - morph: eojeol tokens split at punctuation, script changes, particles and
 *   하다/되다 endings (see morph.ts); the default for prodigy, hf and spacy.
 */

/** The token mode an export uses: klue always char; the others as asked, morph by default. */
export function tokenModeOf(options: { format: DatasetFormat; tokens?: TokenMode | undefined }): TokenMode {
  return options.format === 'klue' ? 'char' : (options.tokens ?? 'morph')
}

const WHITESPACE = /^\s$/u

export function isWhitespace(codePoint: string): boolean {
  return WHITESPACE.test(codePoint)
}

/** Code points of the text; a lone surrogate is one code point, as in OffsetMap and Python. */
export function codePoints(text: string): string[] {
  return Array.from(text)
}

export function tokenize(text: string, mode: TokenMode): Token[] {
  const cps = codePoints(text)
  if (mode === 'char') return cps.map((c, i) => ({ start: i, end: i + 1, text: c }))
  if (mode === 'morph') return morphTokens(text)
  const tokens: Token[] = []
  let start = -1
  for (let i = 0; i <= cps.length; i++) {
    const ws = i === cps.length || isWhitespace(cps[i] as string)
    if (!ws && start < 0) start = i
    else if (ws && start >= 0) {
      tokens.push({ start, end: i, text: cps.slice(start, i).join('') })
      start = -1
    }
  }
  return tokens
}

/** First token index whose end is > offset (binary search; tokens ascending, disjoint). */
export function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
