import { computeAgreement, type AgreementDocument, type AgreementReport } from '../../shared/agreement'
import { ApiError, asWritten } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'

/** Agreement between annotators over every document (or one), from the project's layers. */
export function projectAgreement(project: Project, annotators: string[], docId?: string): AgreementReport {
  const wanted = new Set(annotators)
  const documents: AgreementDocument[] = docId === undefined ? allDocuments(project, annotators) : [oneDocument(project, docId, wanted)]
  try {
    addLinks(project, documents, wanted)
    return computeAgreement({ annotators, labels: project.labels.list().map((l) => l.key), documents })
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('invalid_args', asWritten(err.message))
    throw err
  }
}

function oneDocument(project: Project, id: string, wanted: ReadonlySet<string>): AgreementDocument {
  const doc = project.documents.text(id)
  if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId: id }))
  const layers: AgreementDocument['layers'] = {}
  for (const s of project.spans.allLayers(id)) {
    if (wanted.has(s.annotator)) (layers[s.annotator] ??= []).push({ start: s.start, end: s.end, label: s.label })
  }
  return { id, text: doc.text, layers }
}

/** Every document with the wanted layers: two ordered passes (texts, spans) merged by id, no query per document. */
function allDocuments(project: Project, annotators: readonly string[]): AgreementDocument[] {
  const documents: AgreementDocument[] = []
  const byId = new Map<string, AgreementDocument>()
  for (const { id, text } of project.documents.iterateTexts()) {
    const doc: AgreementDocument = { id, text, layers: {} }
    documents.push(doc)
    byId.set(id, doc)
  }
  for (const { docId, annotator, spans } of project.spans.iterateLayers(annotators)) {
    const doc = byId.get(docId)
    if (doc) doc.layers[annotator] = spans
  }
  return documents
}

/** The wanted annotators' links, their ends as (start, end, label); documents without links get no `links`. */
function addLinks(project: Project, documents: AgreementDocument[], wanted: ReadonlySet<string>): void {
  const byId = new Map(documents.map((d) => [d.id, d]))
  for (const l of project.relations.iterateEnds()) {
    const doc = byId.get(l.docId)
    if (!doc || !wanted.has(l.annotator)) continue
    ;((doc.links ??= {})[l.annotator] ??= []).push({ from: l.from, to: l.to, type: l.type })
  }
}
