import { DEFAULT_LABELS } from '../../shared/labels'
import { openDatabase, type Db, type OpenOptions } from './database'
import { DocumentsRepo } from './documents-repo'
import { HistoryRepo } from './history-repo'
import { LabelsRepo } from './labels-repo'
import { SettingsRepo } from './settings-repo'
import { SpansRepo } from './spans-repo'

/** An open project file: the SQLite database and its repositories. */
export class Project {
  readonly documents: DocumentsRepo
  readonly spans: SpansRepo
  readonly labels: LabelsRepo
  readonly history: HistoryRepo
  readonly settings: SettingsRepo

  private constructor(
    readonly db: Db,
    readonly path: string
  ) {
    this.documents = new DocumentsRepo(db)
    this.spans = new SpansRepo(db)
    this.labels = new LabelsRepo(db)
    this.history = new HistoryRepo(db)
    this.settings = new SettingsRepo(db)
  }

  /** Opens or creates a project file; a new project gets the default label set. */
  static open(path: string, options: OpenOptions = {}): Project {
    const project = new Project(openDatabase(path, options), path)
    project.write(() => project.labels.seedIfEmpty(DEFAULT_LABELS))
    return project
  }

  /** Runs fn in one IMMEDIATE transaction: all of it is committed, or none. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
