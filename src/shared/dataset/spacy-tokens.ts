import type { Token } from './types'

/**
 * Words and spaces the way spaCy's tokenizer lays them out, from tokens that
 * leave whitespace out (char, eojeol, morph): the text between two tokens is
 * whitespace; when it starts with one space (U+0020), that space is the previous
 * word's trailing whitespace (ws: true) and the rest, if any, is a word of its own
 * (" \n\n" after a word: ws, then a "\n\n" word); otherwise the whole gap is a word
 * ("\n\n"). Whitespace before the first token is a word too. So
 * `words.map((w) => w.text + (w.ws ? ' ' : '')).join('')` is the text, byte for byte,
 * which is what spaCy's Doc(vocab, words, spaces).text gives back.
 */
export interface SpacyWord extends Token {
  /** Followed by one space that is not part of any word (spaCy's whitespace_ / Prodigy's "ws"). */
  ws: boolean
}

export interface SpacyLayout {
  words: SpacyWord[]
  /** For each input token, the index of its word. */
  wordOf: number[]
}

export function spacyLayout(text: string, tokens: readonly Token[]): SpacyLayout {
  const cps = Array.from(text)
  const words: SpacyWord[] = []
  const wordOf: number[] = []
  const gap = (from: number, to: number, afterWord: boolean): void => {
    let s = from
    if (afterWord && s < to && cps[s] === ' ') {
      ;(words[words.length - 1] as SpacyWord).ws = true
      s++
    }
    if (s < to) words.push({ start: s, end: to, text: cps.slice(s, to).join(''), ws: false })
  }
  let at = 0
  for (const t of tokens) {
    gap(at, t.start, words.length > 0)
    wordOf.push(words.length)
    words.push({ start: t.start, end: t.end, text: t.text, ws: false })
    at = t.end
  }
  gap(at, cps.length, words.length > 0)
  return { words, wordOf }
}

/** The text spaCy rebuilds from words and spaces. */
export function textOfWords(words: readonly { text: string; ws: boolean }[]): string {
  return words.map((w) => w.text + (w.ws ? ' ' : '')).join('')
}
