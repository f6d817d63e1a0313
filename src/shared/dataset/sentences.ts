import { codePoints, isWhitespace } from './tokens'

/**
 * Sentence segmentation for the klue format, in code points.
 *
 * A sentence ends
 * - at every line break Python's str.splitlines() knows (\n, \r, \r\n, \v, \f,
 *   \x1c-\x1e, \x85, U+2028, U+2029), so no row of the TSV holds a line break; and
 * - after a run of sentence-final punctuation [.?!] that whitespace follows
 *   ("회동했다. 이어" splits; "3.5%" and "오픈AI." at the end of the text do not split
 *   inside, the end of the text ends the last sentence anyway).
 * Whitespace at the edges of a sentence is not part of it; sentences that would be
 * empty or whitespace only are left out. Ranges are ascending and disjoint.
 */

export interface SentenceRange {
  start: number
  end: number
}

const LINE_BREAKS = new Set(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'])
const FINAL = new Set(['.', '?', '!'])

export function isLineBreak(codePoint: string): boolean {
  return LINE_BREAKS.has(codePoint)
}

export function splitSentences(text: string): SentenceRange[] {
  const cps = codePoints(text)
  const out: SentenceRange[] = []
  const push = (from: number, to: number): void => {
    let s = from
    let e = to
    while (s < e && isWhitespace(cps[s] as string)) s++
    while (e > s && isWhitespace(cps[e - 1] as string)) e--
    if (s < e) out.push({ start: s, end: e })
  }
  let from = 0
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string
    if (isLineBreak(c)) {
      push(from, i)
      from = i + 1
    } else if (FINAL.has(c) && i + 1 < cps.length && isWhitespace(cps[i + 1] as string)) {
      push(from, i + 1)
      from = i + 1
    }
  }
  push(from, cps.length)
  return out
}

/**
 * A document imported from KLUE (meta.klue === true) is one KLUE sentence: the klue
 * format writes it whole, under its own id, so a KLUE file comes back as it went in.
 */
export function isKlueSentence(doc: { meta: Record<string, unknown> }): boolean {
  return doc.meta['klue'] === true
}
