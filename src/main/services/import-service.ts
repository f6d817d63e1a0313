import type { ImportResult } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { formatExactSize, formatSize, MAX_IMPORT_FILE_BYTES } from '../../shared/limits'
import { codePointLength } from '../../shared/offsets'
import { findTrainingRestriction } from '../../shared/restrictions'
import { deriveTitle } from '../../shared/titles'
import type { Project } from '../store/project'
import { parseImportFile, type ParseOptions, type ParsedDoc } from './import-parse'
import { storeRegion } from './regions-service'
import { relationProblems, storeRelations } from './import-relations'

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
export type ImportSummary = ImportResult & { notes: string[] }

const MAX_LISTED_PROBLEMS = 20

/**
 * Imports .txt and .jsonl files all or nothing: every file is parsed and
 * checked first, and only if no line of any file has a problem is anything
 * written, in one transaction. Re-importing the same documents and spans adds
 * nothing.
 */
export function importFiles(project: Project, inputs: ImportInput[], options: ImportOptions = {}): ImportSummary {
  const maxBytes = options.maxFileBytes ?? MAX_IMPORT_FILE_BYTES
  const tooBig = inputs.filter((f) => f.bytes.length > maxBytes)
  if (tooBig.length > 0) {
    const listed = tooBig.map(
      (f) => `${f.name}: the file is ${formatExactSize(f.bytes.length)}; the limit for one import file is ${formatSize(maxBytes)}. Split it into smaller files and import them one by one.`
    )
    throw new ApiError('rejected', `Nothing was imported: ${listed[0]}`, listed)
  }
  const parsed = inputs.map((f) => parseImportFile(f.name, f.bytes, options))
  const problems = parsed.flatMap((p) => p.problems)
  const labels = new Set(project.labels.list().map((l) => l.key))
  const labelList = [...labels].join(', ')
  const seen = new Map<string, ParsedDoc>()

  for (const doc of parsed.flatMap((p) => p.docs)) {
    const earlier = seen.get(doc.id)
    if (earlier && earlier.text !== doc.text) {
      problems.push(`${doc.where}: document "${doc.id}" appears again with different text (first at ${earlier.where}).`)
    }
    if (!earlier) seen.set(doc.id, doc)
    const existing = project.documents.text(doc.id)
    if (existing && existing.text !== doc.text) {
      problems.push(`${doc.where}: the project already has a document "${doc.id}" with different text. Give this one another id.`)
    }
    for (const s of doc.spans) {
      if (!labels.has(s.label)) problems.push(`${s.where}: unknown label "${s.label}" (this project has ${labelList}).`)
    }
    problems.push(...relationProblems(project, doc))
    if (doc.spans.length > 0 && !(options.annotator ?? doc.annotator)) {
      problems.push(`${doc.where}: the spans need an annotator: pass --annotator NAME or give "annotator" in the line.`)
    }
  }

  if (problems.length > 0) {
    const files = parsed.filter((p) => p.problems.length > 0 || problems.some((x) => x.startsWith(p.name + ':'))).map((p) => p.name)
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS)
    if (problems.length > listed.length) listed.push(`… and ${problems.length - listed.length} more problems.`)
    throw new ApiError(
      'rejected',
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.join(', ') || 'the files'}. First: ${problems[0]}`,
      listed
    )
  }

  return project.write(() => {
    const at = new Date().toISOString()
    const result: ImportSummary = { files: [], newDocuments: 0, newSpans: 0, notes: parsed.flatMap((p) => p.notes) }
    let groupId: number | null = null
    for (const file of parsed) {
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
            description: `Import ${inputs.map((f) => f.name).join(', ')}`,
            reverts: null
          }))
        // The file's span ids → this project's span ids (a span already there keeps its id), for the links.
        const ids = new Map<string, number>()
        for (const s of doc.spans) {
          summary.spans++
          if (!annotator) continue
          const state = { docId: doc.id, annotator, start: s.start, end: s.end, label: s.label }
          const span = project.spans.insertIfNew(state)
          if (s.fileId !== undefined) {
            const id = span?.id ?? project.spans.findIdentical(doc.id, annotator, state)?.id
            if (id !== undefined) ids.set(JSON.stringify(s.fileId), id)
          }
          if (!span) continue
          summary.newSpans++
          project.history.record(openGroup(annotator), { spanId: span.id, docId: doc.id, annotator, before: null, after: s })
        }
        if (annotator) storeRelations(project, doc, annotator, ids, () => openGroup(annotator))
      }
      result.files.push(summary)
      result.newDocuments += summary.newDocuments
      result.newSpans += summary.newSpans
    }
    return result
  })
}
