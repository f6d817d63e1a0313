import { SPAN_OUTCOMES, WRITTEN_OUTCOMES, type OutcomeRecord, type SpanOutcome } from './types'

/**
 * Accounting of every input span of an export. Each input span gets exactly one
 * outcome, so input = written + dropped-align + dropped-overlap + dropped-sentence
 * + removed-label, and written = kept + aligned-expanded + aligned-contracted.
 */
export interface LossReport {
  inputSpans: number
  writtenSpans: number
  /** Spans not written: every outcome outside WRITTEN_OUTCOMES. */
  lostSpans: number
  /** Every outcome, zero included. */
  counts: Record<SpanOutcome, number>
  /** Per outcome, per label (after --map). Only non-zero entries. */
  byLabel: Record<SpanOutcome, Record<string, number>>
  /** Up to `examplesPerOutcome` records of every outcome except kept, in the order they happened. */
  examples: OutcomeRecord[]
}

export interface LedgerOptions {
  /** Examples kept per outcome (kept spans are never examples). Default 20. */
  examplesPerOutcome?: number | undefined
}

function emptyCounts<T>(value: () => T): Record<SpanOutcome, T> {
  const out = {} as Record<SpanOutcome, T>
  for (const o of SPAN_OUTCOMES) out[o] = value()
  return out
}

export class LossLedger {
  private input = 0
  private readonly counts = emptyCounts(() => 0)
  private readonly byLabel = emptyCounts<Record<string, number>>(() => ({}))
  private readonly examples: OutcomeRecord[] = []
  private readonly examplesPerOutcome: number

  constructor(options: LedgerOptions = {}) {
    this.examplesPerOutcome = options.examplesPerOutcome ?? 20
  }

  /** Announces the spans of a document before their outcomes are recorded. */
  addInput(count: number): void {
    this.input += count
  }

  record(rec: OutcomeRecord): void {
    this.counts[rec.outcome]++
    const per = this.byLabel[rec.outcome]
    per[rec.label] = (per[rec.label] ?? 0) + 1
    if (rec.outcome !== 'kept' && this.counts[rec.outcome] <= this.examplesPerOutcome) this.examples.push(rec)
  }

  /** The totals; throws when some input span has no outcome or one has two. */
  report(): LossReport {
    const recorded = SPAN_OUTCOMES.reduce((n, o) => n + this.counts[o], 0)
    if (recorded !== this.input) {
      throw new Error(`Dataset export: ${this.input} input spans but ${recorded} outcomes were recorded; the loss accounting is broken.`)
    }
    const written = WRITTEN_OUTCOMES.reduce((n, o) => n + this.counts[o], 0)
    const byLabel = emptyCounts<Record<string, number>>(() => ({}))
    for (const o of SPAN_OUTCOMES) byLabel[o] = { ...this.byLabel[o] }
    return {
      inputSpans: this.input,
      writtenSpans: written,
      lostSpans: this.input - written,
      counts: { ...this.counts },
      byLabel,
      examples: this.examples.map((e) => ({ ...e }))
    }
  }
}

const DESCRIPTIONS: Record<SpanOutcome, string> = {
  kept: 'written as they were',
  'aligned-expanded': 'written, moved out to token boundaries (--align expand)',
  'aligned-contracted': 'written, moved in to token boundaries (--align contract)',
  'dropped-align': 'not written: not on token boundaries (--align)',
  'dropped-overlap': 'not written: overlapped a longer span',
  'dropped-sentence': 'not written: crossed a sentence boundary (klue)',
  'removed-label': 'not written: label not in --labels',
  'dropped-ignored': 'not written: inside a region marked as not article text'
}

/** Lines for people: one per non-zero outcome, then the examples. */
export function formatLossReport(report: LossReport): string[] {
  const lines = [`${report.inputSpans} spans in, ${report.writtenSpans} written, ${report.lostSpans} not written.`]
  for (const o of SPAN_OUTCOMES) {
    const n = report.counts[o]
    if (n === 0 || o === 'kept') continue
    const labels = Object.entries(report.byLabel[o])
      .map(([l, c]) => `${l} ${c}`)
      .join(', ')
    lines.push(`  ${o}: ${n} (${DESCRIPTIONS[o]}; ${labels})`)
  }
  for (const e of report.examples) {
    lines.push(`  ${e.docId} ${e.original.start}..${e.original.end} ${e.original.label} ${JSON.stringify(e.text)}: ${e.reason}`)
  }
  return lines
}
