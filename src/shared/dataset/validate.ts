import { z } from 'zod'
import { compareSpans } from '../canonical-jsonl'
import { describeZodError } from '../errors'
import { OffsetMap, codePointSlice } from '../offsets'
import { bioToSpans } from './bio'
import { decodeDoccano, decodeProdigy, decodeSpanmark, type DecodeResult } from './decode'
import { decodeKlue, sentenceIdOf, type KlueSentence } from './klue'
import type { PreparedDocument } from './prepare'
import { tokenModeOf, tokenize } from './tokens'
import type { SpacyDoc } from './spacy-doc'
import { textOfWords } from './spacy-tokens'
import type { DatasetSpan, DecodedDocument, ExportOptions } from './types'

/** A datasets-style schema of one hf line: tokens: string[], ner_tags: string[] of the same length. */
export const hfLineSchema = z
  .strictObject({ id: z.string(), tokens: z.array(z.string()), ner_tags: z.array(z.string()) })
  .refine((l) => l.tokens.length === l.ner_tags.length, 'tokens and ner_tags differ in length')

function spanKey(spans: readonly DatasetSpan[]): string {
  return JSON.stringify([...spans].sort(compareSpans).map((s) => [s.start, s.end, s.label]))
}

/** Throws unless every span's "text" equals the text at its code point offsets. */
export function checkSpanTexts(text: string, spans: readonly (DatasetSpan & { text: string })[], where = 'spans'): void {
  const map = OffsetMap.of(text)
  spans.forEach((s, k) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= map.cpLength
    const actual = ok ? codePointSlice(text, s.start, s.end, map) : undefined
    if (actual !== s.text) throw new Error(`${where}: span ${k + 1} ${s.start}..${s.end} ${s.label} says ${JSON.stringify(s.text)} but the text there is ${JSON.stringify(actual ?? '(outside the text)')}.`)
  })
}

function parseJson(line: string, fail: (msg: string) => never): unknown {
  if (line.includes('\n')) fail('a JSONL record spans more than one line')
  try {
    return JSON.parse(line)
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`)
  }
}

/**
 * Reads an encoded document back and throws unless it gives the prepared
 * document and spans: same id and text, each span's text equal to the text at
 * its offsets, valid BIO (hf, klue), hf tags among `classLabels` when given.
 * `output` is what encodeDocument returned (with its trailing newline).
 */
export function validateEncoded(prepared: PreparedDocument, output: string, options: ExportOptions, classLabels?: readonly string[]): void {
  const { doc } = prepared
  const fail = (msg: string): never => {
    throw new Error(`Dataset validation failed (${options.format}, document ${doc.id}): ${msg}.`)
  }
  const expectSpans = (spans: readonly DatasetSpan[]): void => {
    const want = spanKey(prepared.spans)
    const got = spanKey(spans)
    if (want !== got) fail(`wrote spans ${want} but reading them back gives ${got}`)
  }
  const expectDoc = (r: DecodeResult, id = doc.id): DecodedDocument => {
    if (!r.ok) return fail(r.problems.join('; '))
    if (r.doc.id !== id) fail(`wrote id ${JSON.stringify(id)} but reading it back gives ${JSON.stringify(r.doc.id)}`)
    if (r.doc.text !== doc.text) fail('the text read back differs from the document text')
    expectSpans(r.doc.spans)
    return r.doc
  }
  if (options.format === 'klue') return validateKlue(prepared, output, fail, expectSpans)
  if (!output.endsWith('\n')) fail('the line does not end with a newline')
  const value = parseJson(output.slice(0, -1), fail)
  switch (options.format) {
    case 'spanmark': {
      const back = expectDoc(decodeSpanmark(value))
      if (back.status !== doc.status) fail(`wrote status ${String(doc.status)} but reading it back gives ${String(back.status)}`)
      const spans = (value as { spans?: (DatasetSpan & { text: string })[] }).spans ?? []
      checkSpanTexts(doc.text, spans, `Dataset validation failed (spanmark, document ${doc.id})`)
      return
    }
    case 'doccano':
      expectDoc(decodeDoccano(value, options.offsets ?? 'utf16'))
      return
    case 'prodigy':
      expectDoc(decodeProdigy(value))
      return
    case 'hf': {
      const parsed = hfLineSchema.safeParse(value)
      if (!parsed.success) return fail(describeZodError(parsed.error).join('; '))
      const line = parsed.data
      if (line.id !== doc.id) fail(`wrote id ${JSON.stringify(doc.id)} but reading it back gives ${JSON.stringify(line.id)}`)
      const tokens = tokenize(doc.text, tokenModeOf(options))
      if (JSON.stringify(tokens.map((t) => t.text)) !== JSON.stringify(line.tokens)) fail('the tokens are not the text split into tokens')
      const bad = classLabels ? line.ner_tags.find((t) => !classLabels.includes(t)) : undefined
      if (bad !== undefined) fail(`tag ${JSON.stringify(bad)} is not in the ClassLabel names (${classLabels?.join(', ')})`)
      expectSpans(bioToSpans(tokens, line.ner_tags, `Dataset validation failed (hf, document ${doc.id})`))
      return
    }
  }
}

function validateKlue(prepared: PreparedDocument, output: string, fail: (msg: string) => never, expectSpans: (s: readonly DatasetSpan[]) => void): void {
  const { doc, sentences } = prepared
  let back: KlueSentence[]
  try {
    back = decodeKlue(output)
  } catch (err) {
    return fail((err as Error).message)
  }
  if (back.length !== sentences.length) fail(`wrote ${sentences.length} sentences but reading back gives ${back.length}`)
  const map = OffsetMap.of(doc.text)
  const spans: DatasetSpan[] = []
  back.forEach((s, i) => {
    const r = sentences[i] as { start: number; end: number }
    if (s.id !== sentenceIdOf(doc, i)) fail(`sentence ${i + 1} has id ${JSON.stringify(s.id)}`)
    if (s.text !== codePointSlice(doc.text, r.start, r.end, map)) fail(`sentence ${i + 1} ${JSON.stringify(s.text)} is not the text at ${r.start}..${r.end}`)
    for (const x of s.spans) spans.push({ start: x.start + r.start, end: x.end + r.start, label: x.label })
  })
  expectSpans(spans)
}

/**
 * Throws unless a spaCy document gives back its text (words and spaces, as
 * Doc(vocab, words, spaces).text does) and every span: the words of each span in
 * doc.spans["sc"] are the text at its offsets, and doc.ents are disjoint spans among them.
 */
export function validateSpacyDoc(doc: SpacyDoc, spans: readonly DatasetSpan[]): void {
  const fail = (msg: string): never => {
    throw new Error(`Dataset validation failed (spacy, document ${doc.id}): ${msg}.`)
  }
  if (textOfWords(doc.words) !== doc.text) fail('the words and spaces do not give back the text')
  const cps = Array.from(doc.text)
  const back = doc.spans.map((s) => {
    const words = doc.words.slice(s.wordStart, s.wordEnd)
    const text = words.map((w, k) => w.text + (w.ws && k < words.length - 1 ? ' ' : '')).join('')
    const first = words[0]
    const last = words[words.length - 1]
    if (!first || !last || first.start !== s.start || last.end !== s.end || text !== cps.slice(s.start, s.end).join('')) fail(`span ${s.start}..${s.end} ${s.label} is not words ${s.wordStart}..${s.wordEnd}`)
    return { start: s.start, end: s.end, label: s.label }
  })
  if (spanKey(back) !== spanKey(spans)) fail(`wrote spans ${spanKey(spans)} but the span group holds ${spanKey(back)}`)
  let end = -1
  for (const e of doc.ents) {
    if (e.wordStart < end) fail(`entity ${e.start}..${e.end} overlaps the one before`)
    end = e.wordEnd
  }
}
