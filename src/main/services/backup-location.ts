import { accessSync, constants, rmSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'
import { backupDir, backupNames } from '../store/backups'
import type { BackupLocation } from '../../shared/settings-schema'

/** The project setting holding the chosen backups folder (absent: the default beside the project). */
export const BACKUP_DIR_SETTING = 'backupDir'

/** The folder the project chose, or null (also for a malformed value). */
export function chosenBackupDir(project: Project): string | null {
  const value = project.settings.get(BACKUP_DIR_SETTING)
  return typeof value === 'string' && value.length > 0 ? value : null
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/**
 * Where backups go now: the chosen folder while it exists; when it is gone (the project was copied to
 * another computer, a drive is not mounted) the default beside the project, so backups never stop.
 */
export function backupFolder(project: Project): { folder: string; unavailable: string | null } {
  const chosen = chosenBackupDir(project)
  if (chosen === null) return { folder: backupDir(project.path), unavailable: null }
  return isDirectory(chosen) ? { folder: resolve(chosen), unavailable: null } : { folder: backupDir(project.path), unavailable: chosen }
}

/**
 * Checks that `dir` can hold backups: an absolute path to an existing folder this process can write
 * (a probe file is written and removed). Throws an ApiError saying what is wrong and what to do.
 */
export function checkBackupDir(dir: string, projectPath: string): string {
  if (!isAbsolute(dir)) {
    throw new ApiError('invalid_args', msg('errors:backupPathRelative', { dir }))
  }
  const folder = resolve(dir)
  let stat
  try {
    stat = statSync(folder)
  } catch {
    throw new ApiError('rejected', msg('errors:backupNoFolder', { folder }))
  }
  if (!stat.isDirectory()) {
    throw new ApiError('rejected', msg('errors:backupIsFile', { folder }))
  }
  if (folder === resolve(projectPath)) throw new ApiError('rejected', msg('errors:backupIsProject', { folder }))
  const probe = join(folder, `.spanmark-write-test-${process.pid}-${Date.now()}`)
  try {
    accessSync(folder, constants.W_OK)
    writeFileSync(probe, '')
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'unknown'
    throw new ApiError('rejected', msg('errors:backupNotWritable', { folder, code }))
  } finally {
    rmSync(probe, { force: true })
  }
  return folder
}

/** Sets (a checked folder) or clears (null: back to the default) the project's backup folder, in one transaction. */
export function setBackupDir(project: Project, dir: string | null): void {
  const folder = dir === null ? null : checkBackupDir(dir, project.path)
  project.write(() => {
    if (folder === null) project.db.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_DIR_SETTING)
    else project.settings.set(BACKUP_DIR_SETTING, folder)
  })
}

/** What the Settings screen shows: the folder in use, the default, and how many backups are there. */
export function backupLocation(project: Project, backups: { keep: number }): BackupLocation {
  const { folder, unavailable } = backupFolder(project)
  return {
    folder,
    defaultFolder: backupDir(project.path),
    custom: chosenBackupDir(project) !== null && unavailable === null,
    unavailable,
    count: backupNames(project.path, folder).length,
    keep: backups.keep
  }
}
