import type { DatasetDoc, DatasetSpan } from '../../shared/dataset'
import type { ReviewStatus } from '../../shared/layers'
import type { Project } from '../store/project'
import type { BuildOptions } from './options'

export interface SelectedDoc {
  doc: DatasetDoc
  spans: DatasetSpan[]
}

export interface Selection {
  docs: SelectedDoc[]
  excluded: { id: string; reason: string }[]
  /** Gold datasets built with --status any: documents included although not reviewed. */
  unreviewedIncluded: string[]
}

/** Picks the documents of a dataset: by review status and the AI-training restriction, each exclusion with its reason. */
export function selectDocuments(project: Project, o: Pick<BuildOptions, 'layer' | 'status' | 'includeRestricted'>): Selection {
  const statuses = project.review.allStatuses()
  const out: Selection = { docs: [], excluded: [], unreviewedIncluded: [] }
  for (const id of [...project.documents.iterateIds()]) {
    const doc = project.documents.get(id)
    if (!doc) continue
    const status: ReviewStatus = statuses.get(id) ?? 'unreviewed'
    const restricted = project.documents.restricted(id)
    if (restricted && !o.includeRestricted) {
      out.excluded.push({ id, reason: `restricted: the text forbids AI training (“${restricted}”); pass --include-restricted to include it` })
      continue
    }
    if (o.status === 'reviewed' && status !== 'reviewed') {
      out.excluded.push({ id, reason: `not reviewed (status: ${status}); pass --status any to include it` })
      continue
    }
    if (o.layer === 'gold' && status !== 'reviewed') out.unreviewedIncluded.push(id)
    const spans = project.spans.layer(id, o.layer).map((s) => ({ start: s.start, end: s.end, label: s.label }))
    const ignored = project.regions.list(id).map((r) => ({ start: r.start, end: r.end }))
    out.docs.push({ doc: { id, text: doc.text, meta: doc.meta, status, ...(ignored.length > 0 ? { ignored } : {}) }, spans })
  }
  return out
}
