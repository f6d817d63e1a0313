import type { AgreementReport, LinkScores, RelationsReport, Score, Scores, SpanCounts } from './types'

export interface FormatOptions {
  /** Show at most this many documents (the worst ones); all by default. */
  maxDocuments?: number
}

/** A score with 3 decimals; null as "no spans" when the row has no spans, else "n/a". */
export function formatScore(score: Score, spans: number): string {
  if (score === null) return spans === 0 ? 'no spans' : 'n/a'
  const text = score.toFixed(3)
  return text === '-0.000' ? '0.000' : text
}

/** Terminal columns of a string: East Asian wide characters (Hangul, CJK, fullwidth) take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f300
    width += wide ? 2 : 1
  }
  return width
}

/** Rows of cells as aligned columns; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, displayWidth(cell))))
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - displayWidth(cell))))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

const METRICS = ['exact_f1', 'overlap_f1', 'kappa', 'alpha_u'] as const

function metricCells(s: Scores, spans: number): string[] {
  return METRICS.map((m) => formatScore(s[m], spans))
}

function countOf(spans: SpanCounts): number {
  return Object.values(spans).reduce((a, b) => a + b, 0)
}

function spanCells(spans: SpanCounts, annotators: readonly string[]): string {
  return annotators.map((a) => String(spans[a] ?? 0)).join('/')
}

/**
 * A plain-text report for the CLI: overall and per-label scores, the pairs, the label
 * confusion matrix and the documents, worst first. Scores have 3 decimals.
 */
export function formatAgreementTable(report: AgreementReport, options: FormatOptions = {}): string {
  const who = report.annotators
  const o = report.overall
  const out: string[] = []
  out.push(
    `Inter-annotator agreement: ${who.length} annotators (${who.join(', ')}), ${o.documents} documents, ` +
      `${o.characters} characters (${o.non_whitespace} non-whitespace)`
  )

  out.push('', 'By label (exact_f1, overlap_f1, kappa: mean over annotator pairs; alpha_u: all annotators jointly)')
  const labelRows = [['label', ...METRICS, `spans ${who.join('/')}`]]
  labelRows.push(['(all labels)', ...metricCells(o, countOf(o.spans)), spanCells(o.spans, who)])
  for (const [name, s] of Object.entries(report.labels)) labelRows.push([name, ...metricCells(s, countOf(s.spans)), spanCells(s.spans, who)])
  out.push(table(labelRows))

  out.push('', 'Annotator pairs (all labels)')
  const pairRows = [['pair', ...METRICS, 'spans a/b', 'exact matches', 'overlap matches']]
  for (const p of report.pairs) {
    pairRows.push([
      `${p.a} / ${p.b}`,
      ...metricCells(p, p.spans_a + p.spans_b),
      `${p.spans_a}/${p.spans_b}`,
      String(p.exact_matches),
      String(p.overlap_matches)
    ])
  }
  out.push(table(pairRows))

  const names = report.confusion.labels
  out.push('', 'Label confusion: matched span pairs over all annotator pairs (symmetric; ∅ = no matching span)')
  const confusionRows = [['', ...names]]
  for (const row of names) confusionRows.push([row, ...names.map((col) => String(report.confusion.counts[row]?.[col] ?? 0))])
  out.push(table(confusionRows))

  const limit = Math.max(0, options.maxDocuments ?? report.documents.length)
  const shown = report.documents.slice(0, limit)
  out.push('', `Documents, worst exact_f1 first (F1 and kappa: mean over pairs; alpha_u: joint)`)
  const docRows = [['document', ...METRICS, 'characters', `spans ${who.join('/')}`]]
  for (const d of shown) docRows.push([d.id, ...metricCells(d, countOf(d.spans)), String(d.characters), spanCells(d.spans, who)])
  out.push(table(docRows))
  if (shown.length < report.documents.length) out.push(`… ${report.documents.length - shown.length} more documents`)
  if (report.relations) out.push('', ...relationsTable(report.relations, who))
  return out.join('\n') + '\n'
}

/** Links (meeting → participant, date, place): exact F1 over (meeting, role, argument) triples. */
function relationsTable(r: RelationsReport, who: readonly string[]): string[] {
  const count = (links: Record<string, number>): number => countOf(links)
  const matched = (s: LinkScores): string => s.pairs.map((p) => String(p.matched)).join('/')
  const rows = [['role', 'exact_f1', `links ${who.join('/')}`, 'matched (per pair)']]
  rows.push(['(all roles)', formatScore(r.exact_f1, count(r.links)), spanCells(r.links, who), matched(r)])
  for (const [role, s] of Object.entries(r.roles)) rows.push([role, formatScore(s.exact_f1, count(s.links)), spanCells(s.links, who), matched(s)])
  return ['Links: exact F1 over (meeting, role, argument) triples, mean over annotator pairs', table(rows)]
}
