import { encodeCanonicalLine } from '../../shared/canonical-jsonl'
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
      sink(encodeCanonicalLine(doc, annotator, spans) + '\n')
      counts.documents++
      counts.spans += spans.length
    }
  })
  read()
  return counts
}
