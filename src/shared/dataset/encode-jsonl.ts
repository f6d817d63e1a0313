import { compareSpans, encodeCanonicalLine } from '../canonical-jsonl'
import { OffsetMap } from '../offsets'
import { murmurhash3_32 } from './murmur'
import type { PreparedDocument } from './prepare'
import { spacyLayout } from './spacy-tokens'
import type { DatasetDoc, DatasetSpan, OffsetUnit, Token } from './types'

/**
 * spanmark: the canonical line, {"id","text","annotator","meta","status","spans":[{"start","end","label","text"}]}.
 * "status" (the review status) sits between "meta" and "spans" and is left out
 * when the document has none, so a line without status is exactly encodeCanonicalLine's.
 */
export function encodeSpanmarkLine(doc: DatasetDoc, annotator: string, spans: readonly DatasetSpan[]): string {
  const line = encodeCanonicalLine(doc, annotator, spans, doc.ignored ?? [])
  if (doc.status === undefined) return line
  // Quotes inside strings are escaped, so the last `,"spans":[` is the top-level key.
  const at = line.lastIndexOf(',"spans":[')
  return `${line.slice(0, at)},"status":${JSON.stringify(doc.status)}${line.slice(at)}`
}

/** doccano: {"id","text","label":[[start,end,"LABEL"],…]}, offsets in UTF-16 code units or code points. */
export function encodeDoccanoLine(doc: Pick<DatasetDoc, 'id' | 'text'>, spans: readonly DatasetSpan[], offsets: OffsetUnit = 'utf16'): string {
  const map = OffsetMap.of(doc.text)
  const at = (cp: number): number => (offsets === 'utf16' ? map.toUtf16(cp) : cp)
  const label = [...spans].sort(compareSpans).map((s) => [at(s.start), at(s.end), s.label])
  return JSON.stringify({ id: doc.id, text: doc.text, label })
}

/**
 * doccano's relation extraction line, for a document with links:
 * {"id","text","entities":[{"id","label","start_offset","end_offset"}],"relations":[{"id","from_id","to_id","type"}]}.
 * Entity ids are the span ids; offsets in UTF-16 code units or code points.
 */
export function encodeDoccanoRelationLine(
  doc: Pick<DatasetDoc, 'id' | 'text'>,
  spans: readonly (DatasetSpan & { id: number })[],
  relations: readonly { id: number; from: number; to: number; type: string }[],
  offsets: OffsetUnit = 'utf16'
): string {
  const map = OffsetMap.of(doc.text)
  const at = (cp: number): number => (offsets === 'utf16' ? map.toUtf16(cp) : cp)
  const entities = [...spans].sort(compareSpans).map((s) => ({ id: s.id, label: s.label, start_offset: at(s.start), end_offset: at(s.end) }))
  return JSON.stringify({ id: doc.id, text: doc.text, entities, relations: relations.map((r) => ({ id: r.id, from_id: r.from, to_id: r.to, type: r.type })) })
}

/** Prodigy's _input_hash: MurmurHash3 x86_32 (seed 0, signed) of the text's UTF-8. */
export function prodigyInputHash(text: string): number {
  return murmurhash3_32(text)
}

/**
 * Prodigy's _task_hash: MurmurHash3 x86_32 of the JSON {"input":<_input_hash>,"spans":[[start,end,"LABEL"],…]}
 * (spans ordered by start, end, label). Deterministic, but not byte-identical to Prodigy's own set_hashes.
 */
export function prodigyTaskHash(inputHash: number, spans: readonly DatasetSpan[]): number {
  const key = [...spans].sort(compareSpans).map((s) => [s.start, s.end, s.label])
  return murmurhash3_32(JSON.stringify({ input: inputHash, spans: key }))
}

export interface ProdigyToken {
  text: string
  start: number
  end: number
  id: number
  /** The token is followed by whitespace. */
  ws: boolean
}

/**
 * Prodigy tokens laid out as spaCy's tokenizer does (spacy-tokens.ts): the given tokens
 * (morph by default) plus the whitespace between them that is not one trailing space,
 * as tokens of their own ("\n\n"), so the tokens with their "ws" give back the text.
 */
export function prodigyTokens(text: string, tokens: readonly Token[]): { tokens: ProdigyToken[]; wordOf: number[] } {
  const { words, wordOf } = spacyLayout(text, tokens)
  return { tokens: words.map((w, id) => ({ text: w.text, start: w.start, end: w.end, id, ws: w.ws })), wordOf }
}

/**
 * prodigy: {"text","meta","tokens","spans":[{"start","end","label","token_start","token_end"}],"_input_hash","_task_hash","answer":"accept"}.
 * meta is the document's meta with "id" set to the document id. Spans must
 * come from prepareDocument (aligned to the tokens, disjoint); token_start and
 * token_end (inclusive) index the tokens written, whitespace tokens included.
 */
export function encodeProdigyLine(prepared: PreparedDocument): string {
  const { doc } = prepared
  const inputHash = prodigyInputHash(doc.text)
  const { tokens, wordOf } = prodigyTokens(doc.text, prepared.tokens)
  const spans = prepared.spans.map((s) => {
    if (s.tokenStart === undefined || s.tokenEnd === undefined) throw new Error(`Document ${doc.id}: prodigy spans need token ranges; prepare them for the prodigy format.`)
    return { start: s.start, end: s.end, label: s.label, token_start: wordOf[s.tokenStart] as number, token_end: wordOf[s.tokenEnd] as number }
  })
  return JSON.stringify({
    text: doc.text,
    meta: { ...doc.meta, id: doc.id },
    tokens,
    spans,
    _input_hash: inputHash,
    _task_hash: prodigyTaskHash(inputHash, prepared.spans),
    answer: 'accept'
  })
}

/** hf token classification: {"id","tokens":[…],"ner_tags":["B-PERSON",…]}; string tags in the ClassLabel names. */
export function encodeHfLine(id: string, tokens: readonly { text: string }[], tags: readonly string[]): string {
  return JSON.stringify({ id, tokens: tokens.map((t) => t.text), ner_tags: tags })
}
