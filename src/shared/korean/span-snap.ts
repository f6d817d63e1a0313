import { msg, type Message } from '../message'
import { closerOf, matchBrackets, openerOf } from './brackets'
import { charLength, charLengthBefore, isTrimmable, trimSelection } from './particles'

/**
 * From a selection to the span that is saved: the one function the core (createSpan) and the
 * renderer (the provisional mark drawn at the keydown) both call, with the same inputs, so the
 * mark the user sees first is the span that is saved.
 *
 * 1. Snap (on by default, a preference): an edge that falls inside a word grows to the word's
 *    edge, so a drag over "태원 SK그" becomes "최태원 SK그룹". Words are runs between spaces and
 *    punctuation: a middle dot, a bracket, a quote, a comma or a dash is an edge, so dragging over
 *    "전자·SK" gives "삼성전자·SK하이닉스", and "소프트(M" gives "마이크로소프트(MS)": a bracket
 *    opened inside the selection and closed right after it is taken along (and the other way round).
 *    Bidi controls, the zero-width space and math symbols (< > = +) are edges too (see OTHER_EDGE).
 * 2. Trim (the particle setting, particles.ts): spaces and unmatched punctuation at the edges, then
 *    one trailing particle. With snapping on and particles off, the edges are still trimmed.
 * 3. Paragraphs: a span may not cross a line break (\n, \r, U+2028, U+2029, U+0085) unless its label
 *    allows crossing paragraphs. A single line break counts, not only a blank line: the seed
 *    articles put one paragraph on each line (003 has no blank line at all), so a line break is
 *    where a paragraph ends.
 *
 * isKnown must be the same on both sides: `labelledIn` over the spans of the layer being labelled.
 * Offsets are UTF-16 indexes into the text.
 */

export interface SpanRequest {
  /** Trim particles (and edge punctuation): the createSpan `trim` flag. */
  trim: boolean
  /** Snap the edges to whole words: the createSpan `snap` flag. */
  snap: boolean
  /** The label allows a span across a paragraph break. */
  crossParagraphs: boolean
  /** The label's display name, for the refusal. */
  labelName: string
  /** Whether a word is already labelled in the layer (see labelledIn). */
  isKnown?: (word: string) => boolean
}

export type SpanOutcome =
  | {
      ok: true
      /** The selection after snapping, before trimming (the first undo step when trimming changes it). */
      made: { start: number; end: number }
      start: number
      end: number
      cutBefore: string
      cutAfter: string
      particle: string | null
    }
  | { ok: false; reason: Message }

const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/

export function spanForSelection(text: string, start: number, end: number, req: SpanRequest): SpanOutcome {
  const made = req.snap ? snapToWords(text, start, end) : { start, end }
  let s = made.start
  let e = made.end
  let cut = { cutBefore: '', cutAfter: '', particle: null as string | null }
  if (req.trim || req.snap) {
    const t = trimSelection(text, s, e, { particles: req.trim, ...(req.isKnown ? { isKnown: req.isKnown } : {}) })
    if (t.end <= t.start) return { ok: false, reason: msg('labelling:onlyPunctuation') }
    s = t.start
    e = t.end
    cut = { cutBefore: t.cutBefore, cutAfter: t.cutAfter, particle: t.particle }
  }
  if (!req.crossParagraphs && crossesParagraph(text, s, e)) {
    return { ok: false, reason: msg('labelling:crossesParagraph', { label: req.labelName }) }
  }
  // Snapping then trimming back to exactly the selection (오픈AI selected in 오픈AI의) is no trim:
  // the span is saved as selected, in one undo step.
  if (s === start && e === end) return { ok: true, made: { start, end }, start, end, cutBefore: '', cutAfter: '', particle: null }
  return { ok: true, made, start: s, end: e, ...cut }
}

/** Whether text[start, end) holds a line break (a paragraph break, see above). */
export function crossesParagraph(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (LINE_BREAK.test(text.charAt(i))) return true
  return false
}

/** Grows each edge that falls inside a word to that word's edge; then takes along brackets closed or opened just outside. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  if (s > 0 && s < text.length && isWord(text, s - 1) && isWord(text, s)) {
    while (s > 0 && isWord(text, s - 1)) s -= charLengthBefore(text, s)
  }
  if (e > 0 && e < text.length && isWord(text, e - 1) && isWord(text, e)) {
    while (e < text.length && isWord(text, e)) e += charLength(text, e)
  }
  // Brackets: one opened inside and closed right after the end (innermost first), and one closed
  // inside and opened right before the start, come along.
  const { unclosed, unopened } = matchBrackets(text, s, e)
  for (let k = unclosed.length - 1; k >= 0 && e < text.length; k--) {
    if (text.charAt(e) !== closerOf(text.charAt(unclosed[k] as number))) break
    e += 1
  }
  for (const at of unopened) {
    if (s === 0 || text.charAt(s - 1) !== openerOf(text.charAt(at))) break
    s -= 1
  }
  return { start: s, end: e }
}

/**
 * Whether `word` is a span in the layer: each occurrence of it in the text is looked up with
 * spanAt (UTF-16 offsets). Occurrences past the first 2,000 are not looked at. The core and the
 * renderer both answer isKnown with this, over the same layer, so they agree.
 */
export function labelledIn(text: string, word: string, spanAt: (start: number, end: number) => boolean): boolean {
  if (word === '') return false
  let seen = 0
  for (let at = text.indexOf(word); at >= 0 && seen < 2000; at = text.indexOf(word, at + 1), seen++) {
    if (spanAt(at, at + word.length)) return true
  }
  return false
}

/**
 * Besides spaces and punctuation, these separate words when snapping: bidi controls (shown as
 * markers: see text/bidi.ts), the zero-width space, and math symbols such as < > = + (markup and
 * formulas: <script> stays <script>). A zero-width joiner does not (an emoji sequence is one word).
 */
const OTHER_EDGE = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\p{Sm}]/u

function isWord(text: string, i: number): boolean {
  return !isTrimmable(text, i) && !OTHER_EDGE.test(text.charAt(i))
}
