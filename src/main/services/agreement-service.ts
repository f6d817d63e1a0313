import { computeAgreement, type AgreementDocument, type AgreementReport } from '../../shared/agreement'
import { ApiError } from '../../shared/errors'
import type { Project } from '../store/project'

/** Agreement between annotators over every document (or one), from the project's layers. */
export function projectAgreement(project: Project, annotators: string[], docId?: string): AgreementReport {
  const ids = docId === undefined ? [...project.documents.iterateIds()] : [docId]
  const wanted = new Set(annotators)
  const documents: AgreementDocument[] = ids.map((id) => {
    const doc = project.documents.text(id)
    if (!doc) throw new ApiError('not_found', `There is no document "${id}" in this project.`)
    const layers: AgreementDocument['layers'] = {}
    for (const s of project.spans.allLayers(id)) {
      if (wanted.has(s.annotator)) (layers[s.annotator] ??= []).push({ start: s.start, end: s.end, label: s.label })
    }
    return { id, text: doc.text, layers }
  })
  try {
    return computeAgreement({ annotators, labels: project.labels.list().map((l) => l.key), documents })
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('invalid_args', err.message)
    throw err
  }
}
