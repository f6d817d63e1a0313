import type { ImportResult } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { formatExactSize, formatSize, MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { codePointLength } from '../../shared/offsets'
import { findTrainingRestriction } from '../../shared/restrictions'
import { deriveTitle } from '../../shared/titles'
import type { Project } from '../store/project'
import { parseImportFile, type ParseOptions, type ParsedDoc } from './import-parse'
import { storeRegion } from './regions-service'
import { relationProblems, storeRelations } from './import-relations'
import { entitiesFileFor, entityLinkProblems, isEntitiesFile, isMeetingsExport, parseEntitiesFile, storeEntities } from './import-entities'

export interface ImportInput {
  name: string
  bytes: Uint8Array
}

export interface ImportOptions extends ParseOptions {
  /** Layer the spans go to; otherwise each line's "annotator". */
  annotator?: string | undefined
  actor?: string | undefined
  /** Largest file accepted, in bytes; MAX_IMPORT_FILE_BYTES unless a test says otherwise. */
  maxFileBytes?: number | undefined
}

/** The import's result, plus notes for the user (a dropped byte order mark), one line each. */
export type ImportSummary = ImportResult

const MAX_LISTED_PROBLEMS = 20

/**
 * Imports .txt and .jsonl files all or nothing: every file is parsed and
 * checked first, and only if no line of any file has a problem is anything
 * written, in one transaction. Re-importing the same documents and spans adds
 * nothing.
 */
export function importFiles(project: Project, given: ImportInput[], options: ImportOptions = {}): ImportSummary {
  const maxBytes = options.maxFileBytes ?? MAX_IMPORT_FILE_BYTES
  const tooBig = given.filter((f) => f.bytes.length > maxBytes)
  if (tooBig.length > 0) {
    const listed = tooBig.map((f) => msg('errors:importTooBig', { file: f.name, size: formatExactSize(f.bytes.length), limit: formatSize(maxBytes) }))
    throw new ApiError('rejected', msg('errors:nothingImported', { count: listed.length, files: tooBig.map((f) => f.name).join(', ') }), listed)
  }
  const skipped = given.filter((f) => isMeetingsExport(f.name, f.bytes))
  const inputs = given.filter((f) => !skipped.includes(f))
  const labels = new Set(project.labels.list().map((l) => l.key))
  // OUT.entities.jsonl (written beside a canonical export) holds the entities its spans' "entity_id" refer to.
  const entityProblems: Message[] = []
  const entityFiles = inputs.filter((f) => isEntitiesFile(f.name)).map((f) => parseEntitiesFile(f.name, f.bytes, labels, entityProblems))
  const parsed = inputs.filter((f) => !isEntitiesFile(f.name)).map((f) => parseImportFile(f.name, f.bytes, options))
  const problems = [...parsed.flatMap((p) => p.problems), ...entityProblems]
  const entitiesOf = new Map(parsed.map((p) => [p, entitiesFileFor(p.name, entityFiles)]))
  if (entityFiles.length > 1) {
    for (const e of entityFiles) {
      if (!parsed.some((p) => entitiesOf.get(p) === e)) problems.push(msg('errors:import.entitiesOrphan', { where: e.name, stem: e.stem }))
    }
  }
  const labelList = [...labels].join(', ')
  const seen = new Map<string, ParsedDoc>()

  for (const file of parsed) for (const doc of file.docs) problems.push(...entityLinkProblems(doc, file.name, entitiesOf.get(file)))
  for (const doc of parsed.flatMap((p) => p.docs)) {
    const earlier = seen.get(doc.id)
    if (earlier && earlier.text !== doc.text) {
      problems.push(msg('errors:import.docTwice', { where: doc.where, docId: doc.id, first: earlier.where }))
    }
    if (!earlier) seen.set(doc.id, doc)
    const existing = project.documents.text(doc.id)
    if (existing && existing.text !== doc.text) {
      problems.push(msg('errors:import.docExists', { where: doc.where, docId: doc.id }))
    }
    for (const s of doc.spans) {
      if (!labels.has(s.label)) problems.push(msg('errors:import.unknownLabel', { where: s.where, label: s.label, known: labelList }))
    }
    problems.push(...relationProblems(project, doc))
    if (doc.spans.length > 0 && !(options.annotator ?? doc.annotator)) {
      problems.push(msg('errors:import.noAnnotator', { where: doc.where }))
    }
  }

  if (problems.length > 0) {
    const files = [...parsed.map((p) => p.name), ...entityFiles.map((e) => e.name)].filter((name) => problems.some((x) => String(x.params?.where ?? '').startsWith(name)))
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS)
    if (problems.length > listed.length) listed.push(msg('errors:importMoreProblems', { count: problems.length - listed.length }))
    throw new ApiError('rejected', msg('errors:nothingImported', { count: problems.length, files: files.join(', ') || '—' }), listed)
  }

  return project.write(() => {
    const at = new Date().toISOString()
    const result: ImportSummary = { files: [], newDocuments: 0, newSpans: 0, newRelations: 0, newEntities: 0, newEntityLinks: 0, notes: parsed.flatMap((p) => p.notes) }
    for (const f of skipped) {
      result.notes.push(msg('errors:import.meetingsSkipped', { where: f.name }))
    }
    let groupId: number | null = null
    const entityIds = new Map<(typeof entityFiles)[number], Map<string, number>>()
    for (const e of entityFiles) {
      const stored = storeEntities(project, e, options.actor ?? options.annotator ?? 'import', at)
      entityIds.set(e, stored.ids)
      result.newEntities += stored.created
      result.notes.push(msg('errors:import.entitiesRead', { where: e.name, count: e.byId.size, created: stored.created }))
    }
    let linked = 0
    for (const file of parsed) {
      const entities = entityIds.get(entitiesOf.get(file) as (typeof entityFiles)[number])
      const summary = { name: file.name, documents: file.docs.length, newDocuments: 0, spans: 0, newSpans: 0 }
      for (const doc of file.docs) {
        if (!project.documents.text(doc.id)) {
          project.documents.insert(
            {
              id: doc.id,
              title: deriveTitle(doc.text, doc.meta),
              text: doc.text,
              meta: doc.meta,
              length: codePointLength(doc.text),
              restricted: findTrainingRestriction(doc.text)
            },
            at
          )
          summary.newDocuments++
        }
        for (const [start, end] of doc.ignored ?? []) {
          storeRegion(project, doc.id, { start, end, reason: 'imported', source: 'manual' }, options.actor ?? options.annotator ?? doc.annotator ?? 'import', at)
        }
        const annotator = options.annotator ?? doc.annotator
        const openGroup = (layer: string): number =>
          (groupId ??= project.history.openGroup({
            at,
            actor: options.actor ?? options.annotator ?? layer,
            kind: 'import',
            description: msg('changes:importFilesNamed', { files: inputs.map((f) => f.name).join(', ') }),
            reverts: null
          }))
        // The file's span ids → this project's span ids (a span already there keeps its id), for the links.
        const ids = new Map<string, number>()
        for (const s of doc.spans) {
          summary.spans++
          if (!annotator) continue
          const state = { docId: doc.id, annotator, start: s.start, end: s.end, label: s.label }
          const span = project.spans.insertIfNew(state)
          const id = s.fileId !== undefined || s.entityId !== undefined ? (span?.id ?? project.spans.findIdentical(doc.id, annotator, state)?.id) : undefined
          if (s.fileId !== undefined && id !== undefined) ids.set(JSON.stringify(s.fileId), id)
          const entityId = s.entityId !== undefined ? entities?.get(JSON.stringify(s.entityId)) : undefined
          if (entityId !== undefined && id !== undefined && project.entities.entityOf(id) !== entityId) {
            project.entities.link(id, entityId)
            linked++
          }
          if (!span) continue
          summary.newSpans++
          project.history.record(openGroup(annotator), { spanId: span.id, docId: doc.id, annotator, before: null, after: s })
        }
        if (annotator) result.newRelations += storeRelations(project, doc, annotator, ids, () => openGroup(annotator))
      }
      result.files.push(summary)
      result.newDocuments += summary.newDocuments
      result.newSpans += summary.newSpans
    }
    if (linked > 0) result.notes.push(msg('errors:import.entityLinks', { count: linked }))
    result.newEntityLinks = linked
    return result
  })
}
