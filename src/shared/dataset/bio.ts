import type { DatasetSpan, Token } from './types'

/** A run of tokens, tokenEnd inclusive. */
export interface TokenRange {
  tokenStart: number
  tokenEnd: number
  label: string
}

/** ClassLabel names for hf: "O", then B-/I- of each label in the given order. */
export function classLabelNames(labels: readonly string[]): string[] {
  return ['O', ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])]
}

/** BIO tags of `count` tokens; throws when ranges overlap or leave the tokens. */
export function rangesToBio(count: number, ranges: readonly TokenRange[]): string[] {
  const tags: string[] = new Array<string>(count).fill('O')
  for (const r of ranges) {
    if (r.tokenStart < 0 || r.tokenEnd >= count || r.tokenStart > r.tokenEnd) {
      throw new Error(`BIO: token range ${r.tokenStart}..${r.tokenEnd} is outside the ${count} tokens.`)
    }
    for (let i = r.tokenStart; i <= r.tokenEnd; i++) {
      if (tags[i] !== 'O') throw new Error(`BIO: ${r.label} at token ${i} overlaps ${tags[i]}; resolve overlaps before tagging.`)
      tags[i] = `${i === r.tokenStart ? 'B' : 'I'}-${r.label}`
    }
  }
  return tags
}

function parseTag(tag: string): { kind: 'O' } | { kind: 'B' | 'I'; label: string } | null {
  if (tag === 'O') return { kind: 'O' }
  if ((tag.startsWith('B-') || tag.startsWith('I-')) && tag.length > 2) return { kind: tag[0] as 'B' | 'I', label: tag.slice(2) }
  return null
}

/**
 * Reads BIO tags back into token ranges. Throws on a tag that is not O, B-X or
 * I-X, and on an I-X that does not continue a B-X or I-X of the same X.
 * `where` prefixes messages (e.g. a document or sentence id).
 */
export function bioToRanges(tags: readonly string[], where = 'BIO'): TokenRange[] {
  const out: TokenRange[] = []
  let open: TokenRange | null = null
  tags.forEach((tag, i) => {
    const t = parseTag(tag)
    if (t === null) throw new Error(`${where}: tag ${i + 1} ${JSON.stringify(tag)} is not O, B-X or I-X.`)
    if (t.kind === 'I') {
      if (open === null || open.label !== t.label) {
        const before = i === 0 ? 'the start' : (tags[i - 1] as string)
        throw new Error(`${where}: tag ${i + 1} ${tag} follows ${before}; an I-${t.label} must continue a B-${t.label} or I-${t.label}.`)
      }
      open.tokenEnd = i
      return
    }
    open = null
    if (t.kind === 'B') {
      open = { tokenStart: i, tokenEnd: i, label: t.label }
      out.push(open)
    }
  })
  return out
}

/** Throws unless the tags are valid BIO (see bioToRanges). */
export function validateBio(tags: readonly string[], where = 'BIO'): void {
  bioToRanges(tags, where)
}

/** BIO tags over tokens back to code point spans (start of the first token, end of the last). */
export function bioToSpans(tokens: readonly Token[], tags: readonly string[], where = 'BIO'): DatasetSpan[] {
  if (tokens.length !== tags.length) throw new Error(`${where}: ${tokens.length} tokens but ${tags.length} tags.`)
  return bioToRanges(tags, where).map((r) => ({
    start: (tokens[r.tokenStart] as Token).start,
    end: (tokens[r.tokenEnd] as Token).end,
    label: r.label
  }))
}
