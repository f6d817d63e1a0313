import { encodeCanonicalLine } from '../../shared/canonical-jsonl'
import { DatasetEncoder, formatLossReport, type OffsetUnit } from '../../shared/dataset'
import type { Project } from '../store/project'

export interface ExportCounts {
  documents: number
  spans: number
}

/**
 * Writes one annotator's layer as canonical JSONL, one line (with its newline)
 * per document, every document in id order, through `sink`.
 */
export function exportLayer(project: Project, annotator: string, sink: (line: string) => void): ExportCounts {
  const counts: ExportCounts = { documents: 0, spans: 0 }
  const read = project.db.transaction(() => {
    for (const id of [...project.documents.iterateIds()]) {
      const doc = project.documents.get(id)
      if (!doc) continue
      const spans = project.spans.layer(id, annotator)
      sink(encodeCanonicalLine(doc, annotator, spans, project.regions.list(id)) + '\n')
      counts.documents++
      counts.spans += spans.length
    }
  })
  read()
  return counts
}

/**
 * The same faithful dump (every document, nothing filtered) in doccano's or
 * Prodigy's JSONL, for exchange with those tools. What a format cannot hold
 * (Prodigy: spans off token boundaries, overlaps) is printed, never dropped silently.
 */
export function exportLayerAs(
  project: Project,
  annotator: string,
  o: { format: 'doccano' | 'prodigy'; offsets?: OffsetUnit | undefined },
  sink: (line: string) => void,
  io: { err(line: string): void }
): ExportCounts {
  const encoder = new DatasetEncoder({ format: o.format, offsets: o.offsets ?? 'utf16', annotator }, project.labels.list().map((l) => l.key))
  const counts: ExportCounts = { documents: 0, spans: 0 }
  project.db.transaction(() => {
    for (const id of [...project.documents.iterateIds()]) {
      const doc = project.documents.get(id)
      if (!doc) continue
      const encoded = encoder.encode({ id, text: doc.text, meta: doc.meta, status: project.review.status(id) }, project.spans.layer(id, annotator))
      sink(encoded.output)
      counts.documents++
      counts.spans += encoded.spans.length
    }
  })()
  const report = encoder.report()
  if (report.lostSpans > 0 || report.writtenSpans !== report.counts.kept) for (const line of formatLossReport(report)) io.err(line)
  return counts
}
