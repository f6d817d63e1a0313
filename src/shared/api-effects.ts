import type { ApiMethod } from './api'

/**
 * What every API method does to the project, as data: the second half of each
 * method's registry entry (the first is its args/result schemas in api.ts, the
 * third its handler in src/main/services/api-handlers.ts). `effects` is typed
 * over every method, so a method without an effect does not compile.
 *
 * Derived from it: the live-update announcements (src/main/services/change-feed.ts),
 * the fuzz test's read-only methods (test/unit/api-fuzz.test.ts, api-effects.test.ts),
 * and, for a team server, authorisation: `scope` says whose data a write touches and
 * `actor` which argument names the person acting.
 *
 * Adding a method: its args/result in the contract (api.ts or the area's *-schema.ts), its
 * effect here, its handler in api-handlers.ts. Leaving out the effect or the handler is a
 * compile error; so is an announcing method whose result has no `description` until
 * change-feed.ts says what its event reads. Everything else (announcements, the fuzz
 * test's read-only list, the dispatcher, the typed client) follows from these.
 */

/** What a write changes. */
export type EffectPart =
  | 'spans'
  | 'relations'
  | 'entities'
  | 'regions'
  /** Rejected suggestions (not offered again). */
  | 'suggestions'
  | 'documents'
  | 'labels'
  | 'review'
  /** Project settings: the saved pane layout, the backup folder. */
  | 'settings'
  /** The whole project file (restore) or which project is open (switch). */
  | 'project'
  /** Files outside the project database: backups, datasets. */
  | 'files'
  /** This person's preferences on this machine (annotator name, particle trimming). */
  | 'preferences'

/**
 * Whose data a write touches, for an authoriser:
 * own: the caller's own layer (spans and links of `annotator` = the caller);
 * gold: the reviewed layer (reviewers only);
 * shared: annotation data every annotator shares (entities, ignored regions);
 * schema: the project's label schema and roles;
 * documents: the corpus (import, restricted flags, review status);
 * project: the whole project (merge, restore, settings, which file is open);
 * local: only this session or machine (preferences, backups and dataset files).
 */
export type EffectScope = 'own' | 'gold' | 'shared' | 'schema' | 'documents' | 'project' | 'local'

/** The live event a committed write announces (src/shared/live-events.ts), or null: not shown live elsewhere. */
export type Announce = 'spans' | 'documents' | 'labels' | 'reload' | null

export interface ReadEffect {
  readonly kind: 'read'
}

export interface WriteEffect {
  readonly kind: 'write'
  readonly changes: readonly EffectPart[]
  readonly scope: readonly EffectScope[]
  /** The argument naming the person acting (their layer for scope own, the reviewer for gold), or null. */
  readonly actor: 'annotator' | 'reviewer' | null
  /** Whether the caller's undo takes it back (it is on their undo stack). */
  readonly undoable: boolean
  readonly announce: Announce
}

export type Effect = ReadEffect | WriteEffect

const read: ReadEffect = { kind: 'read' }

function write<A extends Announce = null>(
  changes: readonly EffectPart[],
  scope: readonly EffectScope[],
  o: { actor?: WriteEffect['actor']; undoable?: boolean; announce?: A } = {}
): WriteEffect & { readonly announce: NoInfer<A> } {
  return { kind: 'write', changes, scope, actor: o.actor ?? null, undoable: o.undoable ?? false, announce: (o.announce ?? null) as A }
}

/** An undoable edit of the caller's own layer, announced as span changes (links only: as documents). */
function ownEdit<A extends Announce = 'spans'>(changes: readonly EffectPart[] = ['spans'], announce: A = 'spans' as A) {
  return write(changes, ['own'], { actor: 'annotator', undoable: true, announce })
}
/** A reviewer's undoable edit of gold. */
function goldEdit<A extends Announce = 'spans'>(changes: readonly EffectPart[] = ['spans'], announce: A = 'spans' as A) {
  return write(changes, ['gold'], { actor: 'reviewer', undoable: true, announce })
}
const schemaEdit = write(['labels'], ['schema'], { announce: 'labels' })

export const effects = {
  getSession: read,
  setAnnotator: write(['preferences'], ['local']),
  setPreferences: write(['preferences'], ['local']),
  saveLayout: write(['settings'], ['project']),
  listDocuments: read,
  getDocument: read,
  listSpans: read,
  createSpan: ownEdit(),
  relabelSpan: ownEdit(),
  deleteSpan: ownEdit(['spans', 'relations']),
  undo: ownEdit(['spans', 'relations']),
  redo: ownEdit(['spans', 'relations']),
  // Spans go to the layer given, or each line's own: any layer, hence the whole project.
  importFiles: write(['documents', 'spans', 'relations', 'entities', 'files'], ['documents', 'project'], { announce: 'documents' }),
  exportJsonl: read,
  getReview: read,
  acceptCandidate: goldEdit(),
  rejectCandidate: goldEdit(['spans', 'relations']),
  acceptAgreed: goldEdit(['spans', 'relations']),
  acceptLink: goldEdit(['relations'], 'documents'),
  setReviewStatus: write(['review'], ['documents'], { actor: 'reviewer', announce: 'documents' }),
  setRestricted: write(['documents'], ['documents'], { announce: 'documents' }),
  buildDataset: write(['files'], ['local']),
  getAgreement: read,
  mergeProject: write(['documents', 'spans', 'relations', 'entities', 'regions', 'labels', 'files'], ['project'], { announce: 'documents' }),
  listBackups: read,
  backupNow: write(['files'], ['local']),
  restoreBackup: write(['project', 'files'], ['project'], { announce: 'reload' }),
  findOccurrences: read,
  labelOccurrences: ownEdit(),
  searchCorpus: read,
  listRegions: read,
  suggestRegions: read,
  addRegions: write(['regions'], ['shared'], { actor: 'annotator', announce: 'documents' }),
  removeRegion: write(['regions'], ['shared'], { actor: 'annotator', announce: 'documents' }),
  listSuggestions: read,
  rejectSuggestion: write(['suggestions'], ['own'], { actor: 'annotator', announce: 'documents' }),
  acceptSuggestions: ownEdit(),
  listEntities: read,
  getEntity: read,
  listSpanEntities: read,
  createEntity: write(['entities'], ['shared'], { actor: 'annotator', announce: 'documents' }),
  linkSpans: write(['entities'], ['shared', 'own'], { actor: 'annotator', announce: 'documents' }),
  unlinkSpan: write(['entities'], ['shared', 'own'], { actor: 'annotator', announce: 'documents' }),
  renameEntity: write(['entities'], ['shared'], { actor: 'annotator', announce: 'documents' }),
  mergeEntities: write(['entities'], ['shared'], { actor: 'annotator', announce: 'documents' }),
  listRelationRoles: read,
  listRelations: read,
  createRelation: ownEdit(['relations'], 'documents'),
  deleteRelation: ownEdit(['relations'], 'documents'),
  listMeetings: read,
  mergeMeetings: write(['entities'], ['shared', 'own'], { actor: 'annotator', announce: 'documents' }),
  splitMeeting: write(['entities'], ['shared', 'own'], { actor: 'annotator', announce: 'documents' }),
  exportMeetings: read,
  getProjectInfo: read,
  switchProject: write(['project'], ['local']),
  listLabels: read,
  addLabel: schemaEdit,
  editLabel: schemaEdit,
  renameLabelKey: write(['labels', 'spans', 'relations'], ['schema'], { announce: 'labels' }),
  reorderLabels: schemaEdit,
  setLabelRetired: schemaEdit,
  exportLabelSchema: read,
  importLabelSchema: write(['labels', 'relations'], ['schema'], { announce: 'labels' }),
  getBackupLocation: read,
  setBackupDir: write(['settings', 'files'], ['project'])
} as const satisfies { readonly [M in ApiMethod]: Effect }

export type ApiEffects = typeof effects

/** The methods declared read-only. */
export type ReadMethod = { [M in ApiMethod]: ApiEffects[M] extends ReadEffect ? M : never }[ApiMethod]

/** Methods that change nothing: whatever their arguments, the project is as it was. */
export const readMethods = (Object.keys(effects) as ApiMethod[]).filter((m): m is ReadMethod => effects[m].kind === 'read')

/** The methods whose committed changes announce a live event of kind K. */
export type AnnouncingMethod<K extends Announce = Exclude<Announce, null>> = {
  [M in ApiMethod]: ApiEffects[M] extends { readonly announce: infer A } ? (A extends K ? M : never) : never
}[ApiMethod]
