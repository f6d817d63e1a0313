import { compareSpans } from '../canonical-jsonl'
import { OffsetMap, codePointSlice } from '../offsets'
import { alignToTokens, resolveOverlaps, type Ranked } from './align'
import { formatRename, isTokenFormat, keepsLabel, mapLabel } from './labels'
import type { LossLedger } from './ledger'
import { isKlueSentence, splitSentences, type SentenceRange } from './sentences'
import { cutTokens } from './spacy-doc'
import { tokenModeOf, tokenize } from './tokens'
import type { AlignMode, DatasetDoc, DatasetSpan, ExportOptions, OutcomeRecord, Token } from './types'

/** A written span: output label; token formats add the inclusive token range. */
export interface PreparedSpan extends DatasetSpan {
  tokenStart?: number | undefined
  tokenEnd?: number | undefined
}

export interface PreparedDocument {
  doc: DatasetDoc
  /** Spans to write, ordered by start, end, label. Pairwise disjoint for token formats. */
  spans: PreparedSpan[]
  /** Token formats: the tokens spans were aligned to (klue: the characters inside sentences). */
  tokens: Token[]
  /** klue only: the sentences, ascending. */
  sentences: SentenceRange[]
}

/** Throws unless every span has integer offsets with 0 <= start < end <= text length and a label. */
export function assertSpansInText(doc: Pick<DatasetDoc, 'id' | 'text'>, spans: readonly DatasetSpan[], map = OffsetMap.of(doc.text)): void {
  spans.forEach((s, k) => {
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= map.cpLength
    if (!ok) throw new Error(`Document ${doc.id}: span ${k + 1} (${s.start}..${s.end} ${s.label}) is not inside the text (${map.cpLength} code points) or is empty.`)
    if (typeof s.label !== 'string' || s.label === '') throw new Error(`Document ${doc.id}: span ${k + 1} has no label.`)
  })
}

/**
 * Tokens a token format aligns to; for klue also the sentences and each token's sentence.
 * spacy's tokens are cut at every span's edges (`spans`), so only a span with whitespace
 * at an edge can move. `whole`: klue writes the text as one sentence (a document imported from KLUE).
 */
export function tokensFor(text: string, options: ExportOptions, spans: readonly DatasetSpan[] = [], whole = false): { tokens: Token[]; sentences: SentenceRange[]; sentenceOf: number[] } {
  if (options.format === 'klue') {
    const cpLength = Array.from(text).length
    const sentences = whole ? (cpLength > 0 ? [{ start: 0, end: cpLength }] : []) : splitSentences(text)
    const chars = tokenize(text, 'char')
    const tokens: Token[] = []
    const sentenceOf: number[] = []
    sentences.forEach((r, i) => {
      for (let c = r.start; c < r.end; c++) {
        tokens.push(chars[c] as Token)
        sentenceOf.push(i)
      }
    })
    return { tokens, sentences, sentenceOf }
  }
  const tokens = tokenize(text, tokenModeOf(options))
  if (options.format !== 'spacy') return { tokens, sentences: [], sentenceOf: [] }
  const cuts = new Set<number>()
  for (const s of spans) cuts.add(s.start).add(s.end)
  return { tokens: cutTokens(tokens, cuts), sentences: [], sentenceOf: [] }
}

const ALIGN_FAILURE: Record<AlignMode, string> = {
  expand: 'no token under it (whitespace only)',
  contract: 'no whole token inside it',
  drop: 'it does not start and end on token boundaries'
}

interface Candidate extends Ranked {
  original: DatasetSpan
  mapped: string
  tokenStart: number
  tokenEnd: number
}

/**
 * Applies label options, then for token formats aligns spans to tokens,
 * drops spans across KLUE sentences and resolves overlaps (keep the longest).
 * Records one outcome per input span in the ledger.
 */
export function prepareDocument(doc: DatasetDoc, spans: readonly DatasetSpan[], options: ExportOptions, ledger: LossLedger): PreparedDocument {
  const map = OffsetMap.of(doc.text)
  assertSpansInText(doc, spans, map)
  ledger.addInput(spans.length)
  const rename = formatRename(options)
  const keep = options.labels?.keep
  const base = (s: DatasetSpan, mapped: string): Omit<OutcomeRecord, 'outcome' | 'reason'> => ({
    docId: doc.id,
    original: { start: s.start, end: s.end, label: s.label },
    text: codePointSlice(doc.text, s.start, s.end, map),
    label: mapped
  })
  const survivors: { span: DatasetSpan; mapped: string; out: string; order: number }[] = []
  spans.forEach((s, order) => {
    const mapped = mapLabel(s.label, options.labels?.map)
    if (keepsLabel(mapped, keep)) survivors.push({ span: s, mapped, out: mapLabel(mapped, rename), order })
    else ledger.record({ ...base(s, mapped), outcome: 'removed-label', reason: `${mapped} is not in --labels (${(keep ?? []).join(',')})` })
  })

  if (!isTokenFormat(options.format)) {
    const written = survivors.map(({ span, mapped, out }) => {
      const w = { start: span.start, end: span.end, label: out }
      ledger.record({ ...base(span, mapped), outcome: 'kept', written: w, reason: 'written as it was' })
      return w
    })
    return { doc, spans: written.sort(compareSpans), tokens: [], sentences: [] }
  }

  const mode = options.align ?? 'expand'
  const { tokens, sentences, sentenceOf } = tokensFor(doc.text, options, survivors.map((s) => s.span), isKlueSentence(doc))
  const candidates: Candidate[] = []
  for (const { span, mapped, out, order } of survivors) {
    const a = alignToTokens(span, tokens, mode)
    if (a === null) {
      ledger.record({ ...base(span, mapped), outcome: 'dropped-align', reason: `--align ${mode}: ${ALIGN_FAILURE[mode]}` })
    } else if (sentenceOf.length > 0 && sentenceOf[a.tokenStart] !== sentenceOf[a.tokenEnd]) {
      const from = (sentenceOf[a.tokenStart] as number) + 1
      const to = (sentenceOf[a.tokenEnd] as number) + 1
      ledger.record({ ...base(span, mapped), outcome: 'dropped-sentence', reason: `crosses from sentence ${from} into sentence ${to}` })
    } else {
      const moved = a.start !== span.start || a.end !== span.end
      candidates.push({ start: a.start, end: a.end, label: out, order, moved, original: span, mapped, tokenStart: a.tokenStart, tokenEnd: a.tokenEnd })
    }
  }
  // spacy keeps overlapping spans (doc.spans["sc"]); the others cannot hold them.
  const { kept, dropped } = options.format === 'spacy' ? { kept: candidates, dropped: [] } : resolveOverlaps(candidates)
  for (const { span, by } of dropped) {
    ledger.record({
      ...base(span.original, span.mapped),
      outcome: 'dropped-overlap',
      keptInstead: { start: by.start, end: by.end, label: by.label },
      reason: `overlaps ${by.label} ${by.start}..${by.end} ${JSON.stringify(codePointSlice(doc.text, by.start, by.end, map))}, which was kept (longest first)`
    })
  }
  const written: PreparedSpan[] = kept.map((c) => {
    const w: PreparedSpan = { start: c.start, end: c.end, label: c.label, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd }
    const moved = c.moved === true
    const outcome = !moved ? 'kept' : mode === 'contract' ? 'aligned-contracted' : 'aligned-expanded'
    const reason = moved ? `moved to ${c.start}..${c.end} ${JSON.stringify(codePointSlice(doc.text, c.start, c.end, map))}` : 'written as it was'
    ledger.record({ ...base(c.original, c.mapped), outcome, written: { start: c.start, end: c.end, label: c.label }, reason })
    return w
  })
  return { doc, spans: written.sort(compareSpans), tokens, sentences }
}
