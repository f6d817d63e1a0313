import { bioToSpans, rangesToBio } from './bio'
import type { PreparedDocument } from './prepare'
import { isKlueSentence, type SentenceRange } from './sentences'
import { codePoints, tokenize } from './tokens'
import type { DatasetSpan } from './types'

/**
 * KLUE-NER style TSV (klue-ner-v1.1_train.tsv). Per sentence:
 *   ## <id>\t<sentence with entities tagged inline as <text:TAG>>
 *   <char>\t<BIO tag>        one row per code point, spaces included (O, or I-X inside an entity)
 *   (blank line)
 * Sentence ids are <document id>_<5-digit sentence index from 0>, e.g. news-1_00000
 * (KLUE: klue-ner-v1_train_00000_wikitree). Inline text is not escaped, as in KLUE.
 */

/** The five comment lines that open KLUE's TSV files; write them once at the top if wanted. */
export const KLUE_PREAMBLE = ['## 토큰, 레이블 구분자 : \\t', '## 토큰 구분자 : \\n', '## 문장 구분자 : \\n\\n', '## 주석 : ##', '## 컬럼명 : CHAR\tNE_TAG'].join('\n') + '\n'

export function klueSentenceId(docId: string, index: number): string {
  return `${docId}_${String(index).padStart(5, '0')}`
}

/** The id of a document's i-th sentence in the klue format. */
export function sentenceIdOf(doc: { id: string; meta: Record<string, unknown> }, index: number): string {
  return isKlueSentence(doc) ? doc.id : klueSentenceId(doc.id, index)
}

const BAD_TAG = /[\s<>:]/u

/** Inline tagging of a sentence: spans relative to the sentence, disjoint, ascending. */
export function klueInline(chars: readonly string[], spans: readonly DatasetSpan[]): string {
  let out = ''
  let at = 0
  for (const s of spans) {
    out += chars.slice(at, s.start).join('') + `<${chars.slice(s.start, s.end).join('')}:${s.label}>`
    at = s.end
  }
  return out + chars.slice(at).join('')
}

/** Spans inside a sentence, moved to sentence-relative offsets. */
function spansIn(r: SentenceRange, spans: readonly DatasetSpan[]): DatasetSpan[] {
  return spans.filter((s) => s.start >= r.start && s.end <= r.end).map((s) => ({ start: s.start - r.start, end: s.end - r.start, label: s.label }))
}

/** One document as KLUE TSV blocks (every sentence ends with a blank line); "" without sentences. */
export function encodeKlueBlock(prepared: PreparedDocument): string {
  const { doc } = prepared
  if (/[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/u.test(doc.id)) throw new Error(`Document ${JSON.stringify(doc.id)}: a KLUE "## " line cannot hold an id with a tab or line break.`)
  for (const s of prepared.spans) {
    if (BAD_TAG.test(s.label)) throw new Error(`Document ${doc.id}: the KLUE tag ${JSON.stringify(s.label)} has whitespace, <, > or :; rename it with --map.`)
  }
  const cps = codePoints(doc.text)
  let out = ''
  prepared.sentences.forEach((r, i) => {
    const chars = cps.slice(r.start, r.end)
    const spans = spansIn(r, prepared.spans)
    const tags = rangesToBio(chars.length, spans.map((s) => ({ tokenStart: s.start, tokenEnd: s.end - 1, label: s.label })))
    out += `## ${sentenceIdOf(doc, i)}\t${klueInline(chars, spans)}\n`
    chars.forEach((c, k) => (out += `${c}\t${tags[k] as string}\n`))
    out += '\n'
  })
  return out
}

export interface KlueSentence {
  id: string
  /** The "## " line's inline-tagged sentence. */
  inline: string
  /** The sentence: the row characters joined. */
  text: string
  tags: string[]
  /** From the BIO tags, code points relative to the sentence. */
  spans: DatasetSpan[]
  /** 1-based line of the "## " line. */
  line: number
}

/**
 * Reads KLUE TSV. Blocks are separated by blank lines; in a block, leading lines
 * that start with "##" are comments except the last, which is the sentence's
 * "## id\tinline" line (so KLUE's file preamble is skipped). A row is
 * <one code point>\t<tag>, split at the last tab. Throws on malformed rows, invalid
 * BIO, or an inline sentence that disagrees with the rows.
 */
export function decodeKlue(tsv: string): KlueSentence[] {
  const out: KlueSentence[] = []
  const blocks: { line: number; text: string }[][] = [[]]
  tsv.split('\n').forEach((raw, i) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (text === '') blocks.push([])
    else (blocks[blocks.length - 1] as { line: number; text: string }[]).push({ line: i + 1, text })
  })
  for (const block of blocks) {
    if (block.length === 0) continue
    let h = 0
    while (h < block.length && (block[h] as { text: string }).text.startsWith('##')) h++
    const first = block[0] as { line: number; text: string }
    if (h === 0) throw new KlueError(first.line, 'blockStart', { text: first.text }, `a block starts with ${JSON.stringify(first.text)} instead of a "## id\\tsentence" line`)
    const header = block[h - 1] as { line: number; text: string }
    const tab = header.text.indexOf('\t')
    if (h === block.length) continue // comments only: a preamble followed by a blank line
    if (!header.text.startsWith('## ') || tab < 0) throw new KlueError(header.line, 'notHeader', { text: header.text }, `${JSON.stringify(header.text)} is not a "## id\\tsentence" line`)
    const id = header.text.slice(3, tab)
    const inline = header.text.slice(tab + 1)
    const chars: string[] = []
    const tags: string[] = []
    for (const row of block.slice(h)) {
      const t = row.text.lastIndexOf('\t')
      const c = t < 0 ? '' : row.text.slice(0, t)
      if (codePoints(c).length !== 1) throw new KlueError(row.line, 'badRow', { id, row: row.text }, `sentence ${id}: row ${JSON.stringify(row.text)} is not <one character>\\t<tag>`)
      chars.push(c)
      tags.push(row.text.slice(t + 1))
    }
    const text = chars.join('')
    let spans: DatasetSpan[]
    try {
      spans = bioToSpans(tokenize(text, 'char'), tags, `sentence ${id}`)
    } catch (err) {
      // bioToSpans names the tag by its number in the sentence: tag k is on line header + k.
      const k = /tag (\d+)/.exec((err as Error).message)
      const tag = k ? tags[Number(k[1]) - 1] : undefined
      throw new KlueError(k ? header.line + Number(k[1]) : header.line, 'badTag', { id, tag: tag ?? '' }, (err as Error).message.replace(/\.$/, ''))
    }
    const expected = klueInline(chars, spans)
    if (inline !== expected) throw new KlueError(header.line, 'headerMismatch', { id, inline, expected }, `sentence ${id}: the "## " line ${JSON.stringify(inline)} does not match the rows below it (${JSON.stringify(expected)})`)
    out.push({ id, inline, text, tags, spans, line: header.line })
  }
  return out
}

/** A problem in a KLUE file, with the 1-based line it is on. */
/** What is wrong with a KLUE file, as data: the message key errors:import.klue.<reason> says it in the person's language. */
export type KlueProblem = 'blockStart' | 'notHeader' | 'badRow' | 'badTag' | 'headerMismatch'

export class KlueError extends Error {
  constructor(
    readonly line: number,
    readonly reason: KlueProblem,
    readonly params: Readonly<Record<string, string>>,
    /** The problem in English, for developers' logs and validation errors. */
    readonly problem: string
  ) {
    super(`KLUE line ${line}: ${problem}.`)
  }
}
