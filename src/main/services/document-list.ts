import type { DocSummary } from '../../shared/domain'
import type { Project } from '../store/project'

/** The sidebar's list: each document with its span count in one layer, every layer's count, and its review status. */
export function listDocuments(project: Project, annotator: string): DocSummary[] {
  const layers = new Map<string, { annotator: string; spans: number }[]>()
  for (const row of project.spans.layerCounts()) {
    const list = layers.get(row.docId) ?? []
    list.push({ annotator: row.annotator, spans: row.spans })
    layers.set(row.docId, list)
  }
  const statuses = project.review.allStatuses()
  return project.documents.summaries(annotator).map((d) => ({
    ...d,
    layers: layers.get(d.id) ?? [],
    status: statuses.get(d.id) ?? 'unreviewed'
  }))
}
