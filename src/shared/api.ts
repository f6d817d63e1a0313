import { z } from 'zod'
import { messageSchema } from './message'
import { agreementReportSchema } from './agreement-schema'
import { backupMethods } from './backup-schema'
import { searchArgsSchema, searchResultSchema } from './search-schema'
import { entityMethods } from './entities-schema'
import { meetingMethods } from './meetings-schema'
import { projectMethods } from './project-schema'
import { labelMethods } from './labels-schema'
import { settingsMethods } from './settings-schema'
import { relationChangeSchema, relationRoleSchema, relationSchema, relationType } from './relations-schema'
import { regionSchema, regionSource, regionsChangedSchema, suggestedRegionSchema, suggestionSchema } from './overlays-schema'
import { candidateSchema, linkCandidateSchema, reviewViewSchema } from './review-schema'
import { occurrenceHitSchema, occurrencesResultSchema, occurrenceText } from './occurrences-schema'
import {
  annotatorName,
  docId,
  docSummarySchema,
  documentSchema,
  labelDefSchema,
  labelKey,
  layoutSchema,
  offset,
  personName,
  reviewStatusSchema,
  spanChangeSchema,
  spanSchema,
  spanStateSchema
} from './schemas'

/**
 * The one API contract between the renderer and the Node core. Electron IPC and
 * web-mode HTTP both carry exactly these methods; the core validates every
 * argument with `args` and the client validates every result with `result`.
 * Each method's effect (read, or what it changes) is in api-effects.ts; its handler
 * in src/main/services/api-handlers.ts.
 */

const sessionSchema = z.object({
  projectPath: z.string(),
  projectName: z.string(),
  /** The current annotator, or null until the user has set a name. */
  annotator: annotatorName.nullable(),
  labels: z.array(labelDefSchema),
  layout: layoutSchema.nullable(),
  documentCount: z.int().min(0),
  /** Labelling trims a trailing Korean particle (올트먼의 → 올트먼); a preference of the user. */
  trimParticles: z.boolean(),
  /** Labelling grows a selection that starts or ends inside a word to the whole word; a preference of the user. */
  snapWords: z.boolean()
})

const mutationResultSchema = z.object({
  /** False when there was nothing to do (undo with an empty stack, an identical span). */
  applied: z.boolean(),
  /** What a person would call this change, as message data (namespace changes), e.g. changes:labelSpan { text: 샘 올트먼, label: Person }. */
  description: messageSchema,
  changes: z.array(spanChangeSchema),
  /** ISO time the change was committed. */
  savedAt: z.string(),
  /** createSpan with trim: what was cut from the selection's start and end (shown to the user; one undo puts it back). */
  trimmed: z.object({ before: z.string(), after: z.string() }).optional(),
  /** Links created or deleted by this change (a link, a deleted span's links, their undo/redo); absent when none. */
  relationChanges: z.array(relationChangeSchema).optional(),
  /** The documents the change is in (undo/redo: the client shows the first when no pane has it); absent when none. */
  docIds: z.array(docId).optional()
})

const importFileSchema = z.object({
  name: z.string().min(1).max(1024),
  /** The file's bytes, base64: the core decodes them exactly as the CLI does. */
  base64: z.string()
})

const importFileResultSchema = z.object({
  name: z.string(),
  documents: z.int(),
  newDocuments: z.int(),
  spans: z.int(),
  newSpans: z.int()
})

const importResultSchema = z.object({
  files: z.array(importFileResultSchema),
  newDocuments: z.int(),
  newSpans: z.int(),
  /** Links added between spans (a meeting's participants, date, place). */
  newRelations: z.int(),
  /** Entities created, and spans newly linked to an entity. */
  newEntities: z.int(),
  newEntityLinks: z.int(),
  /** Things the user should know that did not stop the import (e.g. a byte order mark dropped), one message each. */
  notes: z.array(messageSchema)
})

const exportResultSchema = z.object({
  fileName: z.string(),
  content: z.string(),
  documents: z.int(),
  spans: z.int(),
  /** What the format could not hold (Prodigy: spans moved to token boundaries, overlaps), one line each. */
  notes: z.array(z.string()),
  /** Canonical format, when the project has entities: entities.jsonl, which the spans' entity_id refer to. */
  entities: z.object({ fileName: z.string(), content: z.string(), count: z.int() }).optional()
})


const mergeResultSchema = z.object({
  from: z.string(),
  documentsAdded: z.int(),
  documentsMatched: z.int(),
  conflicts: z.array(z.string()),
  spansAdded: z.int(),
  spansByLayer: z.record(z.string(), z.int()),
  historyGroupsAdded: z.int(),
  /** Regions marked as not article text, copied onto merged documents (merged with regions already there). */
  regionsAdded: z.int(),
  /** Links between merged spans (meeting → participant, date, place) this project did not have. */
  relationsAdded: z.int(),
  /** Entities matched by name and type; links of merged spans; spans linked to different entities here and there (ours kept). */
  entitiesAdded: z.int(),
  entityLinksAdded: z.int(),
  entityConflicts: z.array(z.string()),
  labelsAdded: z.array(z.string())
})

const reviewAnnotators = z.array(annotatorName).min(2, 'errors:field.reviewAnnotators').max(8)
const spanArgs = { docId, start: offset, end: offset, label: labelKey }

const noArgs = z.object({}).strict()

// --- Label all occurrences (issue 8): src/main/services/occurrences-service.ts ---

const occurrenceMethods = {
  findOccurrences: {
    /** scope document needs docId; open needs docIds (the open panes); label: leave out occurrences already labelled so. */
    args: z
      .object({
        annotator: annotatorName,
        text: occurrenceText,
        scope: z.enum(['document', 'open', 'corpus']),
        docId: docId.optional(),
        docIds: z.array(docId).max(100).optional(),
        label: labelKey.optional()
      })
      .strict(),
    result: occurrencesResultSchema
  },
  labelOccurrences: {
    /** One undo step. Every range must still hold `text`, or nothing is labelled (conflict). */
    args: z
      .object({
        annotator: personName,
        label: labelKey,
        text: occurrenceText,
        occurrences: z.array(z.object({ docId, start: offset, end: offset }).strict()).min(1).max(5000)
      })
      .strict(),
    result: mutationResultSchema
  }
} as const
// --- end label all occurrences ---

// --- Relations between spans (issue 9): src/main/services/relations-service.ts ---
const relationMethods = {
  /** The roles of the label schema (participant, date, place) and which labels each links. */
  listRelationRoles: { args: noArgs, result: z.array(relationRoleSchema) },
  listRelations: { args: z.object({ docId, annotator: annotatorName }).strict(), result: z.array(relationSchema) },
  /** Links two spans of the caller's layer in one document; one undo step. Refused for labels the role does not link. */
  createRelation: {
    args: z.object({ annotator: personName, docId, from: z.int().positive(), to: z.int().positive(), type: relationType }).strict(),
    result: mutationResultSchema
  },
  deleteRelation: { args: z.object({ annotator: personName, relationId: z.int().positive() }).strict(), result: mutationResultSchema }
} as const
// --- end relations ---

// --- Ignored regions (boilerplate) and suggestions (issue 8): src/main/services/regions-service.ts, suggestions-service.ts ---
const overlayMethods = {
  listRegions: { args: z.object({ docId }).strict(), result: z.array(regionSchema) },
  /** The boilerplate detector's regions (src/shared/boilerplate.ts) not yet stored. */
  suggestRegions: { args: z.object({ docId }).strict(), result: z.array(suggestedRegionSchema) },
  /** Overlapping or touching regions merge. Spans can no longer be created inside; existing ones are kept. */
  addRegions: {
    args: z
      .object({
        annotator: personName,
        docId,
        regions: z
          .array(z.object({ start: offset, end: offset, reason: z.string().max(300).optional(), source: regionSource }).strict())
          .min(1)
          .max(1000)
      })
      .strict(),
    result: regionsChangedSchema
  },
  removeRegion: { args: z.object({ annotator: personName, id: z.int().positive() }).strict(), result: regionsChangedSchema },
  /** from/to (code points): only that part (a long document's visible part). At most 5,000, in text order. */
  listSuggestions: {
    args: z.object({ docId, annotator: annotatorName, from: offset.optional(), to: offset.optional() }).strict(),
    result: z.array(suggestionSchema)
  },
  /** One undo step. */
  rejectSuggestion: { args: z.object({ annotator: personName, ...spanArgs }).strict(), result: mutationResultSchema },
  /** Every suggestion of one label in the document, as one undo step. */
  acceptSuggestions: { args: z.object({ annotator: personName, docId, label: labelKey }).strict(), result: mutationResultSchema }
} as const
// --- end ignored regions and suggestions ---
/** buildDataset's structured outcome, for the dialog to explain in its own words (src/main/services/dataset-form.ts). */
const datasetDetailsShape = {
  /** Set when nothing was written because no document would go in: how many the project has and why each was left out. */
  empty: z.object({ documents: z.int(), notReviewed: z.int(), restricted: z.int() }).nullable().optional(),
  excluded: z.array(z.object({ id: z.string(), why: z.enum(['restricted', 'notReviewed']) })).optional(),
  emptySplits: z.array(z.string()).optional(),
  seed: z.int().optional(),
  inputSpans: z.int().optional(),
  writtenSpans: z.int().optional()
}


export const apiContract = {
  getSession: { args: noArgs, result: sessionSchema },
  setAnnotator: { args: z.object({ name: personName }).strict(), result: sessionSchema },
  setPreferences: { args: z.object({ trimParticles: z.boolean().optional(), snapWords: z.boolean().optional() }).strict(), result: sessionSchema },
  saveLayout: { args: z.object({ layout: layoutSchema }).strict(), result: z.object({ savedAt: z.string() }) },
  listDocuments: { args: z.object({ annotator: annotatorName }).strict(), result: z.array(docSummarySchema) },
  getDocument: { args: z.object({ id: docId }).strict(), result: documentSchema },
  listSpans: { args: z.object({ docId, annotator: annotatorName }).strict(), result: z.array(spanSchema) },
  createSpan: {
    /**
     * trim: cut spaces, punctuation and a trailing Korean particle from the selection first
     * (src/shared/korean/particles.ts). The span is then saved as two undo steps, labelled and
     * trimmed, so one undo gives back the selection as it was made. snap: first grow an edge inside
     * a word to the word's edge (src/shared/korean/span-snap.ts). A call that passes trim or snap
     * (the app always passes both) is a selection: a span across a paragraph break is refused
     * unless its label allows crossing paragraphs. With neither, the offsets are an exact span,
     * saved as given (as import saves spans).
     */
    args: z
      .object({ docId, annotator: personName, start: offset, end: offset, label: labelKey, trim: z.boolean().optional(), snap: z.boolean().optional() })
      .strict(),
    result: mutationResultSchema
  },
  relabelSpan: {
    /** expected: the span as the caller last saw it; if it has changed since, the call is refused (conflict). */
    args: z.object({ annotator: personName, spanId: z.int().positive(), label: labelKey, expected: spanStateSchema.optional() }).strict(),
    result: mutationResultSchema
  },
  deleteSpan: {
    args: z.object({ annotator: personName, spanId: z.int().positive(), expected: spanStateSchema.optional() }).strict(),
    result: mutationResultSchema
  },
  undo: { args: z.object({ annotator: personName }).strict(), result: mutationResultSchema },
  redo: { args: z.object({ annotator: personName }).strict(), result: mutationResultSchema },
  importFiles: {
    /** format: the JSONL dialect (auto: told by the first line); offsets: doccano's unit (UTF-16 unless told). */
    args: z
      .object({
        annotator: annotatorName.optional(),
        files: z.array(importFileSchema).min(1).max(1000),
        format: z.enum(['auto', 'spanmark', 'doccano', 'prodigy']).optional(),
        offsets: z.enum(['utf16', 'codepoint']).optional()
      })
      .strict(),
    result: importResultSchema
  },
  exportJsonl: {
    /** offsets: the unit of doccano and Prodigy offsets (the canonical format is always code points). */
    args: z
      .object({ annotator: annotatorName, format: z.enum(['spanmark', 'doccano', 'prodigy']).optional(), offsets: z.enum(['utf16', 'codepoint']).optional() })
      .strict(),
    result: exportResultSchema
  },
  getReview: { args: z.object({ docId, annotators: reviewAnnotators }).strict(), result: reviewViewSchema },
  acceptCandidate: {
    args: z
      .object({
        reviewer: personName,
        ...spanArgs,
        sources: z.array(annotatorName).max(8),
        /** Confirms replacing a gold span on the same range with another label (refused as a conflict without it). */
        replace: z.boolean().optional(),
        /** The candidate this span is an edit of: the edit settles that candidate and no other. */
        editedFrom: spanStateSchema.optional()
      })
      .strict(),
    result: mutationResultSchema
  },
  rejectCandidate: { args: z.object({ reviewer: personName, ...spanArgs }).strict(), result: mutationResultSchema },
  acceptAgreed: { args: z.object({ reviewer: personName, docId, annotators: reviewAnnotators }).strict(), result: mutationResultSchema },
  /** A link candidate into gold, between the gold spans of its ends (refused until both are in gold). */
  acceptLink: {
    args: z.object({ reviewer: personName, docId, from: spanStateSchema, to: spanStateSchema, type: relationType }).strict(),
    result: mutationResultSchema
  },
  setReviewStatus: {
    // Marking reviewed with undecided differences is refused as a conflict unless force confirms it.
    args: z.object({ reviewer: personName, docId, status: reviewStatusSchema, annotators: reviewAnnotators.optional(), force: z.boolean().optional() }).strict(),
    result: z.object({ status: reviewStatusSchema, description: messageSchema, differences: z.int().min(0), undecided: z.int().min(0) })
  },
  setRestricted: {
    args: z.object({ docId, restricted: z.boolean() }).strict(),
    result: z.object({ docId, restricted: z.string().nullable() })
  },
  buildDataset: {
    args: z
      .object({
        layer: annotatorName,
        format: z.enum(['spanmark', 'doccano', 'prodigy', 'hf', 'klue', 'spacy']),
        /** Empty: a new folder under the project's folder, datasets/<layer>-<format>-<time>. */
        outDir: z.string().max(4096),
        split: z.string().max(200),
        seed: z.int(),
        status: z.enum(['reviewed', 'any']),
        includeRestricted: z.boolean(),
        map: z.string().max(1000),
        labels: z.string().max(1000),
        align: z.enum(['expand', 'contract', 'drop']),
        tokens: z.enum(['morph', 'eojeol', 'char']),
        offsets: z.enum(['utf16', 'codepoint']),
        /** Write a dataset with no document (otherwise nothing is written and `empty` says why). */
        allowEmpty: z.boolean().optional()
      })
      .strict(),
    result: z.object({ outDir: z.string(), files: z.array(z.string()), documents: z.int(), spans: z.int(), summary: z.array(z.string()), ...datasetDetailsShape })
  },
  getAgreement: { args: z.object({ annotators: reviewAnnotators, docId: docId.optional() }).strict(), result: agreementReportSchema },
  mergeProject: { args: z.object({ name: z.string().min(1).max(1024), base64: z.string() }).strict(), result: mergeResultSchema },
  // Backups (issue 7): src/shared/backup-schema.ts, src/main/services/backup-service.ts
  ...backupMethods,
  ...occurrenceMethods,
  // Corpus search (issue 8): src/main/services/search-service.ts; read-only, announces nothing.
  searchCorpus: { args: searchArgsSchema, result: searchResultSchema },
  ...overlayMethods,
  // Entities across documents (issue 9): src/shared/entities-schema.ts, src/main/services/entities-service.ts; each change is one undo step.
  ...entityMethods,
  ...relationMethods,
  // Meetings view (issue 9): src/main/services/meetings-service.ts
  ...meetingMethods,
  // Open / New / Recent projects (issue 10): src/shared/project-schema.ts, src/main/services/project-session.ts
  ...projectMethods,
  // Label schema (issue 10): src/shared/labels-schema.ts, src/main/services/labels-service.ts
  ...labelMethods,
  // Settings screen (issue 10): the backup folder; src/shared/settings-schema.ts, src/main/services/backup-location.ts
  ...settingsMethods
} as const

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]['args']>
export type ApiResult<M extends ApiMethod> = z.output<ApiContract[M]['result']>

export type Session = z.output<typeof sessionSchema>
export type MutationResult = z.output<typeof mutationResultSchema>
export type ImportResult = z.output<typeof importResultSchema>
export type ExportResult = z.output<typeof exportResultSchema>
export type ImportFile = z.output<typeof importFileSchema>
export type ReviewView = z.output<typeof reviewViewSchema>
export type ReviewCandidate = z.output<typeof candidateSchema>
export type ReviewLink = z.output<typeof linkCandidateSchema>
export type MergeResult = z.output<typeof mergeResultSchema>
export type { BackupList, BackupSummary } from './backup-schema'
export { BACKUP_FILE_NAME } from './backup-schema'
export type OccurrencesResult = z.output<typeof occurrencesResultSchema>
export type OccurrenceHit = z.output<typeof occurrenceHitSchema>
export type IgnoredRegionView = z.output<typeof regionSchema>
export type SuggestedRegion = z.output<typeof suggestedRegionSchema>
export type SuggestionView = z.output<typeof suggestionSchema>

/** What the renderer sees: one async function per method. */
export type SpanmarkApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> }

/** What the core implements: the same methods, called with validated arguments. */
export type ApiHandlers = { [M in ApiMethod]: (args: z.output<ApiContract[M]['args']>) => ApiResult<M> | Promise<ApiResult<M>> }

export const apiMethods = Object.keys(apiContract) as ApiMethod[]

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name)
}
