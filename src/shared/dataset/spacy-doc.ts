import { compareSpans } from '../canonical-jsonl'
import { resolveOverlaps } from './align'
import { spacyLayout, type SpacyWord } from './spacy-tokens'
import type { DatasetSpan, Token } from './types'

/**
 * A document as spaCy holds it, before the DocBin bytes (src/main/dataset/docbin.ts):
 * words with their trailing space, doc.ents (disjoint) and doc.spans["sc"] (every span).
 *
 * The format is lossless: the words are the chosen tokens (morph by default) cut
 * further at every span's start and end (prepare.ts tokensFor), so every span is a
 * run of whole words and keeps its exact offsets. doc.ents takes the disjoint spans (overlaps resolved as in
 * the token formats: the longest first); doc.spans["sc"] keeps all of them.
 */
export interface SpacySpan extends DatasetSpan {
  /** Word indices, end exclusive (spaCy's Span.start / Span.end). */
  wordStart: number
  wordEnd: number
}

export interface SpacyDoc {
  id: string
  text: string
  words: SpacyWord[]
  ents: SpacySpan[]
  spans: SpacySpan[]
}

/** The span-group key Prodigy's data-to-spacy and spaCy's spancat use. */
export const SPAN_GROUP = 'sc'

/** Tokens cut at the given code point offsets (a cut inside a token makes two). */
export function cutTokens(tokens: readonly Token[], cuts: ReadonlySet<number>): Token[] {
  const out: Token[] = []
  for (const t of tokens) {
    const cps = Array.from(t.text)
    let from = t.start
    for (let at = t.start + 1; at < t.end; at++) {
      if (!cuts.has(at)) continue
      out.push({ start: from, end: at, text: cps.slice(from - t.start, at - t.start).join('') })
      from = at
    }
    out.push({ start: from, end: t.end, text: cps.slice(from - t.start).join('') })
  }
  return out
}

/** The spaCy document of a prepared spacy export (tokens cut at the spans, spans with token ranges). */
export function spacyDocOf(prepared: { doc: { id: string; text: string }; tokens: readonly Token[]; spans: readonly (DatasetSpan & { tokenStart?: number | undefined; tokenEnd?: number | undefined })[] }): SpacyDoc {
  const { doc } = prepared
  const { words, wordOf } = spacyLayout(doc.text, prepared.tokens)
  const all: SpacySpan[] = prepared.spans.map((s) => {
    if (s.tokenStart === undefined || s.tokenEnd === undefined) throw new Error(`Document ${doc.id}: spacy spans need token ranges; prepare them for the spacy format.`)
    return { start: s.start, end: s.end, label: s.label, wordStart: wordOf[s.tokenStart] as number, wordEnd: (wordOf[s.tokenEnd] as number) + 1 }
  })
  const { kept } = resolveOverlaps(all.map((s, order) => ({ ...s, order })))
  const ents = kept.map(({ order: _order, ...s }) => s).sort(compareSpans)
  return { id: doc.id, text: doc.text, words, ents, spans: [...all].sort(compareSpans) }
}
