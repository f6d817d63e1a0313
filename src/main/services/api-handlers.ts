import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { ApiHandlers, Session } from '../../shared/api'
import type { Layout } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import { layoutSchema } from '../../shared/schemas'
import { memoryPrefs, type PrefsAccess } from '../prefs'
import type { Project } from '../store/project'
import { projectAgreement } from './agreement-service'
import { buildDatasetFromForm } from './dataset-form'
import { AnnotationService } from './annotation-service'
import { exportEntities, exportLayer, exportLayerAs } from './export-service'
import { importFiles } from './import-service'
import { listDocuments } from './document-list'
import { mergeProject } from './merge-service'
import { ReviewService } from './review-service'
import { BackupService, summarize } from './backup-service'
import { backupLocation } from './backup-location'
import { announceChanges, type ChangeFeed } from './change-feed'
import { RegionsService } from './regions-service'
import { SuggestionsService } from './suggestions-service'
import { SearchService } from './search-service'
import { OccurrencesService } from './occurrences-service'
import { RelationsService } from './relations-service'
import { EntitiesService } from './entities-service'
import { MeetingsService } from './meetings-service'
import type { ProjectSwitcher } from '../../shared/project-schema'
import { LabelsService } from './labels-service'
import { contextOf } from './project-context'
import { withUndoBarriers } from './undo-barriers'

export interface CoreOptions {
  project: Project
  /** The user's preferences (annotator name, particle trimming); the command line keeps them in memory. */
  prefs?: PrefsAccess | undefined
  /** Annotator given on the command line; wins over the saved preference for this session. */
  annotator?: string | undefined
  /** The project's backups (the front doors start its timer); a plain one without a timer when not given. */
  backups?: BackupService | undefined
  /** Where committed changes are announced (live updates in other windows and tabs). */
  feed?: ChangeFeed | undefined
  /** Open / New / Recent projects: the desktop app's session. Without it (web mode, CLI) switching is refused. */
  projects?: ProjectSwitcher | undefined
}

/**
 * The one implementation of every API method. Electron IPC, the web-mode HTTP
 * server and tests call these through the dispatcher, which validates input.
 */
export function createApiHandlers({ project, prefs = memoryPrefs(), annotator, feed, projects, backups = new BackupService(project) }: CoreOptions): ApiHandlers {
  // Every service shares the project's context (one text cache, one "no such document"); a restore refreshes it.
  const context = contextOf(project)
  const annotations = new AnnotationService(project)
  const review = new ReviewService(project)
  const regions = new RegionsService(project)
  const suggestions = new SuggestionsService(project)
  const search = new SearchService(project)
  const occurrences = new OccurrencesService(project)
  const entities = new EntitiesService(project)
  const relations = new RelationsService(project)
  const meetings = new MeetingsService(project)
  const labelSchema = new LabelsService(project)
  let sessionAnnotator: string | null = annotator ?? prefs.read().annotator ?? null

  const session = (): Session => ({
    projectPath: project.path,
    projectName: projectName(project),
    annotator: sessionAnnotator,
    labels: project.labels.list(),
    layout: savedLayout(project),
    documentCount: project.documents.count(),
    trimParticles: prefs.read().trimParticles ?? true,
    snapWords: prefs.read().snapWords ?? true
  })

  return announceChanges(feed, withUndoBarriers(project, () => sessionAnnotator, {
    getSession: () => session(),
    getProjectInfo: () =>
      projects?.info() ?? { path: project.path, name: projectName(project), recent: [], canSwitch: false },
    switchProject: (a) => {
      if (!projects) throw new ApiError('rejected', msg('errors:webSwitchRefused'))
      return projects.switchProject(a)
    },
    setAnnotator: ({ name }) => {
      prefs.update({ annotator: name })
      sessionAnnotator = name
      return session()
    },
    setPreferences: ({ trimParticles, snapWords }) => {
      prefs.update({ ...(trimParticles !== undefined ? { trimParticles } : {}), ...(snapWords !== undefined ? { snapWords } : {}) })
      return session()
    },
    saveLayout: ({ layout }) => {
      project.write(() => project.settings.set('layout', layout))
      return { savedAt: new Date().toISOString() }
    },
    listDocuments: ({ annotator: who }) => listDocuments(project, who),
    getDocument: ({ id }) => {
      context.requireDoc(id)
      return project.documents.get(id)!
    },
    listSpans: ({ docId, annotator: who }) => project.spans.layer(docId, who),
    createSpan: (a) => annotations.createSpan(a),
    relabelSpan: (a) => annotations.relabelSpan(a),
    deleteSpan: (a) => annotations.deleteSpan(a),
    undo: (a) => annotations.undo(a),
    redo: (a) => annotations.redo(a),
    importFiles: async ({ annotator: who, files, format, offsets }) => {
      // Cheap insurance: an import can be undone by restoring this backup (taken only if something changed since the last one,
      // and not of a project without documents: a new project's first import, e.g. by `spanmark import`, has nothing to lose).
      if (project.documents.count() > 0) await backups.snapshotIfChanged('before-import')
      return importFiles(
        project,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        { annotator: who, actor: sessionAnnotator ?? who, format, offsets }
      )
    },
    exportJsonl: ({ annotator: who, format = 'spanmark', offsets }) => {
      const parts: string[] = []
      const notes: string[] = []
      const counts =
        format === 'spanmark'
          ? exportLayer(project, who, (line) => parts.push(line))
          : exportLayerAs(project, who, { format, offsets }, (line) => parts.push(line), { err: (line) => notes.push(line) })
      const suffix = format === 'spanmark' ? '' : `-${format}`
      const fileName = exportFileName(project, who, `${suffix}.jsonl`)
      if (format !== 'spanmark' || project.entities.all().length === 0) return { fileName, content: parts.join(''), ...counts, notes }
      const lines: string[] = []
      const count = exportEntities(project, who, (line) => lines.push(line))
      const entities = { fileName: fileName.replace(/\.jsonl$/, '.entities.jsonl'), content: lines.join(''), count }
      return { fileName, content: parts.join(''), ...counts, notes, entities }
    },
    getReview: ({ docId, annotators }) => review.view(docId, annotators),
    acceptCandidate: ({ reviewer, docId, start, end, label, sources, replace, editedFrom }) =>
      review.accept({ reviewer, docId, state: { start, end, label }, sources, replace, editedFrom }),
    rejectCandidate: ({ reviewer, docId, start, end, label }) => review.reject({ reviewer, docId, state: { start, end, label } }),
    acceptAgreed: (a) => review.acceptAgreed(a),
    acceptLink: ({ reviewer, docId, from, to, type }) => review.acceptLink({ reviewer, docId, link: { from, to, type } }),
    setReviewStatus: (a) => review.setStatus(a),
    setRestricted: ({ docId, restricted }) => {
      context.requireDoc(docId)
      const reason = restricted ? (project.documents.restricted(docId) ?? 'marked restricted by hand') : null
      project.write(() => project.documents.setRestricted(docId, reason))
      return { docId, restricted: reason }
    },
    buildDataset: (form) => buildDatasetFromForm(project, form),
    getAgreement: ({ annotators, docId }) => projectAgreement(project, annotators, docId),
    mergeProject: async ({ name, base64 }) => {
      // Like an import, a merge can be taken back by restoring this backup (taken only if something changed).
      await backups.snapshotIfChanged('before-merge')
      // The other project arrives as bytes (from a file picker); merge reads it from a private temp copy.
      const dir = mkdtempSync(join(tmpdir(), 'spanmark-merge-'))
      try {
        const file = join(dir, basename(name))
        writeFileSync(file, Buffer.from(base64, 'base64'))
        return { ...mergeProject(project, file), from: name }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    findOccurrences: (a) => occurrences.find(a),
    labelOccurrences: (a) => occurrences.label(a),
    searchCorpus: (a) => search.search(a),
    listRegions: ({ docId }) => regions.list(docId),
    suggestRegions: ({ docId }) => regions.suggest(docId),
    addRegions: (a) => ({ docId: a.docId, ...regions.add(a) }),
    removeRegion: (a) => {
      const r = regions.remove(a)
      return { ...r, spansInside: regions.spansInside(r.docId, a.annotator, r.regions) }
    },
    listSuggestions: (a) => suggestions.list(a),
    rejectSuggestion: (a) => suggestions.reject(a),
    acceptSuggestions: (a) => suggestions.acceptAll(a),
    listRelationRoles: () => relations.listRoles(),
    listRelations: (a) => relations.listRelations(a),
    createRelation: (a) => relations.createRelation(a),
    deleteRelation: (a) => relations.deleteRelation(a),
    listEntities: (a) => entities.list(a),
    getEntity: ({ id }) => entities.get(id),
    listSpanEntities: ({ docId }) => entities.ofDocument(docId),
    createEntity: (a) => entities.create(a),
    linkSpans: (a) => entities.link(a),
    unlinkSpan: (a) => entities.unlink(a),
    renameEntity: (a) => entities.rename(a),
    mergeEntities: (a) => entities.merge(a),
    listMeetings: ({ annotator: who }) => meetings.list(who),
    mergeMeetings: (a) => meetings.merge(a),
    splitMeeting: (a) => meetings.split(a),
    exportMeetings: ({ annotator: who }) => {
      const { content, events } = meetings.exportJsonl(who)
      const fileName = exportFileName(project, who, '-meetings.jsonl')
      return { fileName, content, events }
    },
    listLabels: () => labelSchema.list(),
    addLabel: (a) => labelSchema.add(a),
    editLabel: (a) => labelSchema.edit(a),
    renameLabelKey: (a) => labelSchema.renameKey(a),
    reorderLabels: (a) => labelSchema.reorder(a),
    setLabelRetired: (a) => labelSchema.setRetired(a),
    exportLabelSchema: () => labelSchema.exportSchema(),
    importLabelSchema: (a) => labelSchema.importSchema(a),
    listBackups: () => backups.summary(),
    backupNow: async () => summarize(await backups.snapshot('manual')),
    getBackupLocation: () => backupLocation(project, backups),
    setBackupDir: async ({ dir }) => {
      await backups.moveTo(dir)
      return backupLocation(project, backups)
    },
    restoreBackup: async ({ name }) => {
      const { restored, undo } = await backups.restore(name)
      // The content under every service changed: drop what they cached of the old one.
      context.refresh()
      return { restored: summarize(restored), undo: summarize(undo) }
    }
  }))
}

/** The project's name: its file name without .sqlite. */
const projectName = (project: Project): string => basename(project.path).replace(/\.sqlite$/i, '')

/** An export's suggested file name: the project, the layer (made safe for a file name), then `tail`. */
const exportFileName = (project: Project, layer: string, tail: string): string => `${projectName(project)}-${layer.replace(/[^\p{L}\p{N}_-]+/gu, '_')}${tail}`

function savedLayout(project: Project): Layout | null {
  const parsed = layoutSchema.safeParse(project.settings.get('layout'))
  return parsed.success ? parsed.data : null
}
