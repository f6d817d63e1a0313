import { randomUUID } from 'node:crypto'
import { DEFAULT_LABELS } from '../../shared/labels'
import { assertProjectFileHealthy } from './backups-health'
import { openDatabase, type Db, type OpenOptions } from './database'
import { ChangeRecordsRepo } from './change-records-repo'
import { DocumentsRepo } from './documents-repo'
import { EntitiesRepo } from './entities-repo'
import { HistoryRepo } from './history-repo'
import { LabelsRepo } from './labels-repo'
import { RegionsRepo, RejectionsRepo } from './regions-repo'
import { RelationsRepo } from './relations-repo'
import { ReviewRepo } from './review-repo'
import { SettingsRepo } from './settings-repo'
import { SpansRepo } from './spans-repo'

/** An open project file: the SQLite database and its repositories. */
export class Project {
  readonly documents: DocumentsRepo
  readonly spans: SpansRepo
  readonly labels: LabelsRepo
  readonly history: HistoryRepo
  readonly settings: SettingsRepo
  readonly review: ReviewRepo
  readonly regions: RegionsRepo
  readonly rejections: RejectionsRepo
  readonly relations: RelationsRepo
  readonly entities: EntitiesRepo
  readonly changeRecords: ChangeRecordsRepo

  private constructor(
    readonly db: Db,
    readonly path: string
  ) {
    this.documents = new DocumentsRepo(db)
    this.spans = new SpansRepo(db)
    this.labels = new LabelsRepo(db)
    this.history = new HistoryRepo(db)
    this.settings = new SettingsRepo(db)
    this.review = new ReviewRepo(db)
    this.regions = new RegionsRepo(db)
    this.rejections = new RejectionsRepo(db)
    this.relations = new RelationsRepo(db)
    this.entities = new EntitiesRepo(db)
    this.changeRecords = new ChangeRecordsRepo(db)
  }

  /** Opens or creates a project file; a new project gets the default label set. Throws DamagedProjectError for a damaged file. */
  static open(path: string, options: OpenOptions = {}): Project {
    // A damaged or non-SQLite file is reported (with its newest good backup) before anything could write to it.
    assertProjectFileHealthy(path, options)
    const project = new Project(openDatabase(path, options), path)
    if (!options.readonly) {
      project.write(() => {
        project.labels.seedIfEmpty(DEFAULT_LABELS)
        if (typeof project.settings.get('project_id') !== 'string') project.settings.set('project_id', randomUUID())
      })
    }
    return project
  }

  /** A random id given to the project when it was created; merges use it to recognise history they already hold. */
  get id(): string {
    const id = this.settings.get('project_id')
    return typeof id === 'string' ? id : 'unknown'
  }

  /** Runs fn in one IMMEDIATE transaction: all of it is committed, or none. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
