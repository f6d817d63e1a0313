import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupList, BackupSummary } from '../../shared/api'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import {
  BACKUP_NAME,
  backupNames,
  DEFAULT_KEEP,
  listBackups,
  newestBackupSignature,
  takeSnapshot,
  type BackupInfo,
  type BackupReason
} from '../store/backups'
import { projectSignature } from '../store/backups-inspect'
import { restoreIntoOpenProject } from '../store/backups-restore'
import type { Project } from '../store/project'
import { BACKUP_DIR_SETTING, backupFolder, chosenBackupDir, setBackupDir } from './backup-location'

export const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000

export interface BackupServiceOptions {
  /** Backups kept in the folder (default 10). */
  keep?: number | undefined
  /** How often the timer looks for changes to snapshot (default 5 minutes). */
  intervalMs?: number | undefined
  nativeBinding?: string | undefined
  /** Where failures of background snapshots are reported (default console.error). */
  log?: ((message: string) => void) | undefined
  now?: (() => Date) | undefined
}

/** What the renderer sees of a backup: no path but its name. */
export const summarize = (b: BackupInfo): BackupSummary => ({
  name: b.name,
  at: b.at,
  reason: b.reason,
  bytes: b.bytes,
  documents: b.documents,
  spans: b.spans,
  problem: b.problem
})

/**
 * The backups of one open project: a snapshot when it opens and, every few
 * minutes, when something changed since the last one; on demand; and restoring
 * one into the running project (after a snapshot of the current state, so the
 * restore can itself be undone). Snapshots and restores run one at a time.
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve()
  /** The signature of the project when it was last backed up (or found equal to the newest backup). */
  private lastSignature: string | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  readonly keep: number

  constructor(
    private readonly project: Project,
    private readonly o: BackupServiceOptions = {}
  ) {
    this.keep = o.keep ?? DEFAULT_KEEP
  }

  /** The project's chosen folder (see backup-location.ts), else the one beside the project. */
  get folder(): string {
    return backupFolder(this.project).folder
  }

  /**
   * Snapshots the project as it opens (unless the newest backup already holds
   * exactly this state) and starts the timer. Resolves when the snapshot is done;
   * callers need not wait for it.
   */
  start(): Promise<BackupInfo | null> {
    const first = this.run(() => this.snapshotIfChangedNow('open')).catch((err: unknown) => this.report('open', err))
    if (!this.timer) {
      const tick = (): void => void this.snapshotIfChanged('auto').catch((err: unknown) => this.report('auto', err))
      this.timer = setInterval(tick, this.o.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS)
      this.timer.unref?.()
    }
    return first
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Resolves once every snapshot and restore queued so far has finished (whatever their outcome). */
  async whenIdle(): Promise<void> {
    let seen: Promise<unknown>
    do {
      seen = this.queue
      await seen
    } while (seen !== this.queue)
  }

  /** Takes a snapshot now, whatever changed. */
  snapshot(reason: BackupReason = 'manual'): Promise<BackupInfo> {
    return this.run(() => this.snapshotNow(reason))
  }

  /** Takes a snapshot only if the project changed since the last one; resolves null otherwise. */
  snapshotIfChanged(reason: BackupReason): Promise<BackupInfo | null> {
    return this.run(() => this.snapshotIfChangedNow(reason))
  }

  list(): BackupInfo[] {
    return listBackups(this.project.path, { nativeBinding: this.o.nativeBinding, dir: this.folder })
  }

  /** The list as the API returns it. */
  summary(): BackupList {
    return { folder: this.folder, keep: this.keep, backups: this.list().map(summarize) }
  }

  /**
   * Replaces the project's content with the backup `name` (a file in the backups
   * folder). The current state is snapshotted first; its backup is returned as `undo`.
   */
  restore(name: string): Promise<{ restored: BackupInfo; undo: BackupInfo }> {
    return this.run(async () => {
      if (!BACKUP_NAME.test(name) || !backupNames(this.project.path, this.folder).includes(name)) {
        throw new ApiError('not_found', msg('errors:noBackup', { name, folder: this.folder }))
      }
      const file = join(this.folder, name)
      const undo = await this.snapshotNow('before-restore', [name])
      // Where backups go is not content: the restored state keeps the folder chosen now.
      const chosen = chosenBackupDir(this.project)
      let restored: BackupInfo
      try {
        restored = await restoreIntoOpenProject(this.project.db, this.project.path, file, { nativeBinding: this.o.nativeBinding })
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        throw new ApiError('conflict', msg('errors:restoreFailed', { reason: why, undo: undo.name }))
      }
      if (chosenBackupDir(this.project) !== chosen) {
        this.project.write(() =>
          chosen === null
            ? this.project.db.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_DIR_SETTING)
            : this.project.settings.set(BACKUP_DIR_SETTING, chosen)
        )
      }
      this.lastSignature = projectSignature(this.project.db)
      return { restored, undo }
    })
  }

  /**
   * Sends backups to `dir` from now on (null: the default beside the project), after checking it
   * (see backup-location.ts; a bad folder throws and changes nothing), and takes a backup there at once
   * unless its newest one already holds this state. Backups already taken stay where they are.
   */
  moveTo(dir: string | null): Promise<BackupInfo | null> {
    return this.run(async () => {
      setBackupDir(this.project, dir)
      this.lastSignature = null
      return this.snapshotIfChangedNow('manual')
    })
  }

  private async snapshotIfChangedNow(reason: BackupReason): Promise<BackupInfo | null> {
    if (!this.project.db.open || !existsSync(this.project.path)) return null
    // Until this service has taken one, the newest backup in the folder is the last snapshot.
    this.lastSignature ??= newestBackupSignature(this.project.path, this.o.nativeBinding, this.folder)
    if (projectSignature(this.project.db) === this.lastSignature) return null
    return this.snapshotNow(reason)
  }

  private async snapshotNow(reason: BackupReason, protect: readonly string[] = []): Promise<BackupInfo> {
    const signatureBefore = projectSignature(this.project.db)
    const info = await takeSnapshot(this.project.db, this.project.path, {
      reason,
      keep: this.keep,
      protect,
      now: this.o.now,
      nativeBinding: this.o.nativeBinding,
      dir: this.folder
    })
    // The backup holds at least the state of when it started; a change made while it ran is caught next time.
    this.lastSignature = info.signature === signatureBefore ? info.signature : signatureBefore
    return info
  }

  /** Runs one snapshot or restore after those already queued. */
  private run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job)
    this.queue = next.catch(() => undefined)
    return next
  }

  private report(reason: BackupReason, err: unknown): null {
    if (!this.project.db.open) return null
    const message = `[spanmark] The ${reason} backup of ${this.project.path} failed: ${err instanceof Error ? err.message : String(err)}`
    ;(this.o.log ?? console.error)(message)
    return null
  }
}
