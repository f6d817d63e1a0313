import { SPAN_OUTCOMES, type LossReport } from '../../shared/dataset'

/** Adds up the loss reports of several files (one encoder per split). */
export function mergeLossReports(reports: readonly LossReport[], maxExamples = 50): LossReport {
  const total: LossReport = {
    inputSpans: 0,
    writtenSpans: 0,
    lostSpans: 0,
    counts: Object.fromEntries(SPAN_OUTCOMES.map((o) => [o, 0])) as LossReport['counts'],
    byLabel: Object.fromEntries(SPAN_OUTCOMES.map((o) => [o, {}])) as LossReport['byLabel'],
    examples: []
  }
  for (const r of reports) {
    total.inputSpans += r.inputSpans
    total.writtenSpans += r.writtenSpans
    total.lostSpans += r.lostSpans
    for (const o of SPAN_OUTCOMES) {
      total.counts[o] += r.counts[o]
      for (const [label, n] of Object.entries(r.byLabel[o])) total.byLabel[o][label] = (total.byLabel[o][label] ?? 0) + n
    }
    total.examples.push(...r.examples)
  }
  total.examples = total.examples.slice(0, maxExamples)
  return total
}
