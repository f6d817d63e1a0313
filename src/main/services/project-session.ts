import { existsSync, statSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { Locale } from '../../shared/i18n'
import type { ApiHandlers } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { ProjectInfo, ProjectSwitcher, SwitchProjectArgs, SwitchProjectResult } from '../../shared/project-schema'
import { openOrCreateProject } from '../default-project'
import { createDispatcher, type Dispatch } from '../dispatch'
import type { PrefsStore } from '../prefs'
import type { Project } from '../store/project'
import { sqliteHeaderProblem } from '../store/sqlite-header'
import { createApiHandlers } from './api-handlers'
import { BackupService } from './backup-service'
import type { RecentProjects } from './recent-projects'

export interface SessionOptions {
  prefs: PrefsStore
  recent: RecentProjects
  nativeBinding?: string | undefined
  /** The front door's file chooser (the desktop app's dialogs); resolves null when the person cancels. */
  choose?: ((how: 'open' | 'new') => Promise<string | null>) | undefined
  /** Called after every switch (the desktop app rebuilds its menu and re-points its watchers). */
  onSwitched?: ((project: Project) => void) | undefined
  /** Whether backups run on a timer (the desktop app); tests leave it off. */
  backupTimer?: boolean
  /** The UI language now: a project created by File → New project names its default labels in it. */
  locale?: (() => Locale) | undefined
}

interface Current {
  project: Project
  backups: BackupService
  dispatch: Dispatch
}

/**
 * The open project of a desktop session, and switching it at run time: File → Open project…,
 * New project…, Recent projects. A switch makes the same checks as startup (a file that is not a
 * Spanmark project or is damaged is refused, with what to do; New makes an empty project with the
 * default labels, no seed articles), opens the new project fully before
 * closing the old one, and takes the usual backup on open. Every API call goes through `dispatch`,
 * which always reaches the current project's handlers.
 */
export class ProjectSession implements ProjectSwitcher {
  private current: Current

  readonly dispatch: Dispatch = (method, args) => this.current.dispatch(method, args)

  /** Starts on `initial`, opened by the front door (startup offers a backup for a damaged project first). */
  constructor(initial: Project, private readonly options: SessionOptions) {
    this.current = this.load(initial)
    options.recent.add(initial.path)
  }

  get project(): Project {
    return this.current.project
  }

  info(): ProjectInfo {
    const path = this.current.project.path
    return { path, name: projectName(path), recent: this.options.recent.list(), canSwitch: true }
  }

  async switchProject({ how, path }: SwitchProjectArgs): Promise<SwitchProjectResult> {
    let target = path ?? null
    if (how === 'recent') {
      if (!target || !this.options.recent.list().includes(resolve(target))) {
        throw new ApiError('not_found', msg('errors:projectNotRecent', { file: target ?? '—' }))
      }
    } else if (target === null) {
      if (!this.options.choose) throw new ApiError('invalid_args', msg('errors:projectPathNeeded'))
      target = await this.options.choose(how)
      if (target === null) return { switched: false, path: this.current.project.path }
    }
    await this.open(target, how === 'new')
    return { switched: true, path: this.current.project.path }
  }

  /** Closes the current project and opens `path` (create: a new, empty project there). */
  async open(path: string, create: boolean): Promise<void> {
    const file = resolve(create && extname(path) === '' ? `${path}.sqlite` : path)
    if (file === resolve(this.current.project.path)) return
    if (create) checkNewProjectPath(file)
    else checkProjectFile(file, this.options.nativeBinding)
    // Opened completely before the old one is closed: a failure leaves the current project open.
    const next = this.load(openOrCreateProject(file, null, this.openOptions(), this.options.locale?.() ?? 'en'))
    const previous = this.current
    this.current = next
    this.options.recent.add(file)
    previous.backups.stop()
    // A snapshot still being written (the one taken on open) finishes before its database closes.
    await previous.backups.whenIdle()
    previous.project.close()
    this.options.onSwitched?.(next.project)
  }

  close(): void {
    this.current.backups.stop()
    this.current.project.close()
  }

  private openOptions(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}
  }

  private load(project: Project): Current {
    const backups = new BackupService(project, this.openOptions())
    if (this.options.backupTimer !== false) void backups.start()
    const handlers: ApiHandlers = createApiHandlers({ project, prefs: this.options.prefs, backups, projects: this })
    return { project, backups, dispatch: createDispatcher(handlers) }
  }
}

export function projectName(path: string): string {
  return basename(path).replace(/\.sqlite$/i, '')
}

/** New project: the file must not exist yet (an existing project is opened with Open project…). */
function checkNewProjectPath(file: string): void {
  if (existsSync(file)) {
    throw new ApiError('conflict', msg('errors:projectExists', { file }))
  }
}

/**
 * Open project: the file must exist, be an SQLite database, and be Spanmark's (an SQLite file of
 * another program is refused before anything writes to it). Damage beyond the header is found by
 * Project.open, whose message names the newest good backup.
 */
function checkProjectFile(file: string, nativeBinding: string | undefined): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ApiError('not_found', msg('errors:projectMissing', { file }))
  }
  const problem = sqliteHeaderProblem(file)
  if (problem) {
    throw new ApiError('rejected', msg('errors:projectNotSqlite', { name: basename(file), problem, file }))
  }
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    if (tables.length > 0 && !tables.includes('documents')) {
      throw new ApiError('rejected', msg('errors:projectOtherProgram', { name: basename(file) }))
    }
  } finally {
    db.close()
  }
}
