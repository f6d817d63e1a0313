import { classLabelNames, rangesToBio } from './bio'
import { encodeDoccanoLine, encodeHfLine, encodeProdigyLine, encodeSpanmarkLine } from './encode-jsonl'
import { cutIgnored } from './ignored'
import { encodeKlueBlock } from './klue'
import { outputLabels } from './labels'
import { LossLedger, type LedgerOptions, type LossReport } from './ledger'
import { prepareDocument, type PreparedDocument } from './prepare'
import { spacyDocOf, type SpacyDoc } from './spacy-doc'
import { validateEncoded, validateSpacyDoc } from './validate'
import type { DatasetDoc, DatasetSpan, ExportOptions } from './types'

export interface EncodedDocument {
  /** Append to the output file as is: a JSONL line with its "\n", or KLUE sentence blocks ("" when the text has no sentence). */
  output: string
  /** The spans written: output labels, code points, ordered by start, end, label. */
  spans: DatasetSpan[]
  /** Examples (rows) written: KLUE sentences for klue, else 1. */
  examples: number
  /** spacy only: the document for the DocBin (src/main/dataset/docbin.ts). */
  spacy?: SpacyDoc | undefined
}

/** Encodes a prepared document (see prepareDocument) without validating it. */
export function encodePrepared(prepared: PreparedDocument, options: ExportOptions): string {
  const { doc, spans } = prepared
  switch (options.format) {
    case 'spanmark':
      return encodeSpanmarkLine(doc, options.annotator ?? 'gold', spans) + '\n'
    case 'doccano':
      return encodeDoccanoLine(doc, spans, options.offsets ?? 'utf16') + '\n'
    case 'prodigy':
      return encodeProdigyLine(prepared) + '\n'
    case 'hf': {
      const ranges = spans.map((s) => ({ tokenStart: s.tokenStart ?? -1, tokenEnd: s.tokenEnd ?? -1, label: s.label }))
      return encodeHfLine(doc.id, prepared.tokens, rangesToBio(prepared.tokens.length, ranges)) + '\n'
    }
    case 'klue':
      return encodeKlueBlock(prepared)
    case 'spacy':
      return '' // binary: EncodedDocument.spacy, written by the DocBin writer
  }
}

/**
 * One export: encodes documents one by one, validates each before returning it
 * (throws a clear Error when what was written does not read back), and counts
 * the outcome of every input span.
 *
 *   const enc = new DatasetEncoder({ format: 'hf', tokens: 'char' }, projectLabelKeys)
 *   for (const d of docs) sink(enc.encode(d, spans).output)
 *   manifest = { labels: enc.labels, class_labels: enc.classLabels, losses: enc.report() }
 *   formatLossReport(enc.report()).forEach(print)
 */
export class DatasetEncoder {
  private readonly ledger: LossLedger
  private readonly seen: string[]
  readonly options: ExportOptions
  /** Code points taken out of the texts as not article text (doc.ignored), every format but spanmark. */
  ignoredCharacters = 0

  /** projectLabels: the project's label keys in display order (ClassLabel order for hf). */
  constructor(options: ExportOptions, projectLabels: readonly string[] = [], ledgerOptions: LedgerOptions = {}) {
    this.options = options
    this.ledger = new LossLedger(ledgerOptions)
    this.seen = outputLabels(projectLabels, options)
  }

  /** Encodes and validates one document; `spans` are the layer's spans in code points. */
  encode(original: DatasetDoc, all: readonly DatasetSpan[]): EncodedDocument {
    let doc = original
    let spans = all
    if (this.options.format !== 'spanmark' && original.ignored && original.ignored.length > 0) {
      // Not article text: cut out of the text; spans inside get their own outcome (dropped-ignored).
      const cut = cutIgnored(original, all, original.ignored)
      doc = { ...cut.doc, ignored: undefined }
      spans = cut.spans
      this.ignoredCharacters += cut.ignoredCharacters
      this.ledger.addInput(cut.dropped.length)
      for (const s of cut.dropped) {
        this.ledger.record({
          docId: original.id,
          outcome: 'dropped-ignored',
          original: { ...s },
          text: [...original.text].slice(s.start, s.end).join(''),
          label: s.label,
          reason: 'inside a region marked as not article text'
        })
      }
    }
    const prepared = prepareDocument(doc, spans, this.options, this.ledger)
    for (const s of prepared.spans) if (!this.seen.includes(s.label)) this.seen.push(s.label)
    const written = prepared.spans.map((s) => ({ start: s.start, end: s.end, label: s.label }))
    if (this.options.format === 'spacy') {
      const spacy = spacyDocOf(prepared)
      validateSpacyDoc(spacy, written)
      return { output: '', spans: written, examples: 1, spacy }
    }
    const output = encodePrepared(prepared, this.options)
    validateEncoded(prepared, output, this.options, this.options.format === 'hf' ? this.classLabels : undefined)
    return { output, spans: written, examples: this.options.format === 'klue' ? prepared.sentences.length : 1 }
  }

  /** Output labels: the project's (after --map, --labels and the KLUE tags), then any other label written, in order of appearance. */
  get labels(): string[] {
    return [...this.seen]
  }

  /** hf ClassLabel names: ["O", "B-L1", "I-L1", …] in `labels` order. */
  get classLabels(): string[] {
    return classLabelNames(this.seen)
  }

  /** Span accounting so far; throws if an input span has no outcome. */
  report(): LossReport {
    return this.ledger.report()
  }
}
