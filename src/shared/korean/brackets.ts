/**
 * Brackets and quotes that come in pairs, and which of them are matched inside a
 * stretch of text. Span trimming uses this so that it never leaves a bracket or a
 * quote without its partner: 마이크로소프트(MS) keeps its ")" because its "(" is
 * inside, while the ")" of "MS)" is cut.
 *
 * Pairs: () [] {} 「」 『』 “” ‘’ 《》 〈〉 【】 〔〕 （） ［］ ｛｝, and the
 * straight quotes " and ' (the same character opens and closes).
 * Offsets are UTF-16 indexes; every character here is in the BMP.
 */

const PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['「', '」'],
  ['『', '』'],
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['〈', '〉'],
  ['【', '】'],
  ['〔', '〕'],
  ['（', '）'],
  ['［', '］'],
  ['｛', '｝'],
  ['"', '"'],
  ["'", "'"]
]

const CLOSER_OF = new Map(PAIRS.map(([o, c]) => [o, c]))
const OPENER_OF = new Map(PAIRS.map(([o, c]) => [c, o]))

export function isOpener(c: string): boolean {
  return CLOSER_OF.has(c)
}

export function isCloser(c: string): boolean {
  return OPENER_OF.has(c)
}

export function closerOf(opener: string): string | undefined {
  return CLOSER_OF.get(opener)
}

export function openerOf(closer: string): string | undefined {
  return OPENER_OF.get(closer)
}

/**
 * For text[start, end): each matched bracket's index mapped to its partner's index, and the
 * openers left unclosed and closers left unopened (in text order). A straight quote closes the
 * open quote of its kind on top of the stack, else it opens one.
 */
export function matchBrackets(text: string, start: number, end: number): { partner: Map<number, number>; unclosed: number[]; unopened: number[] } {
  const partner = new Map<number, number>()
  const stack: number[] = []
  const unopened: number[] = []
  for (let i = start; i < end; i++) {
    const c = text.charAt(i)
    const top = stack.length > 0 ? (stack[stack.length - 1] as number) : -1
    if (isCloser(c) && top >= 0 && closerOf(text.charAt(top)) === c) {
      stack.pop()
      partner.set(top, i)
      partner.set(i, top)
    } else if (isOpener(c)) stack.push(i)
    else if (isCloser(c)) unopened.push(i)
  }
  return { partner, unclosed: stack, unopened }
}
