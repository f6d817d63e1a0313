import { bioToSpans, rangesToBio } from './bio'
import type { PreparedDocument } from './prepare'
import type { SentenceRange } from './sentences'
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
    out += `## ${klueSentenceId(doc.id, i)}\t${klueInline(chars, spans)}\n`
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
  const blocks: string[][] = [[]]
  for (const line of tsv.split('\n')) {
    if (line === '') blocks.push([])
    else (blocks[blocks.length - 1] as string[]).push(line)
  }
  for (const block of blocks) {
    if (block.length === 0) continue
    let h = 0
    while (h < block.length && (block[h] as string).startsWith('##')) h++
    if (h === 0) throw new Error(`KLUE: a block starts with ${JSON.stringify(block[0])} instead of a "## id\\tsentence" line.`)
    const header = block[h - 1] as string
    const tab = header.indexOf('\t')
    if (!header.startsWith('## ') || tab < 0) throw new Error(`KLUE: ${JSON.stringify(header)} is not a "## id\\tsentence" line.`)
    if (h === block.length) continue // comments only: a preamble followed by a blank line
    const id = header.slice(3, tab)
    const inline = header.slice(tab + 1)
    const chars: string[] = []
    const tags: string[] = []
    for (const row of block.slice(h)) {
      const t = row.lastIndexOf('\t')
      const c = t < 0 ? '' : row.slice(0, t)
      if (codePoints(c).length !== 1) throw new Error(`KLUE ${id}: row ${JSON.stringify(row)} is not <one character>\\t<tag>.`)
      chars.push(c)
      tags.push(row.slice(t + 1))
    }
    const text = chars.join('')
    const spans = bioToSpans(tokenize(text, 'char'), tags, `KLUE ${id}`)
    const expected = klueInline(chars, spans)
    if (inline !== expected) throw new Error(`KLUE ${id}: the "## " line ${JSON.stringify(inline)} does not match the rows (${JSON.stringify(expected)}).`)
    out.push({ id, inline, text, tags, spans })
  }
  return out
}
