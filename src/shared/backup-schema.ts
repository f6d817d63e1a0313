import { z } from 'zod'

/** A backup file's name: its UTC time and why it was taken, e.g. 2026-11-23T08-15-02.123Z-auto.sqlite. */
export const BACKUP_FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-(open|auto|manual|before-restore|before-import|before-merge)\.sqlite$/

export const backupSummarySchema = z.object({
  name: z.string(),
  /** ISO time the snapshot was taken. */
  at: z.string(),
  reason: z.enum(['open', 'auto', 'manual', 'before-restore', 'before-import', 'before-merge']),
  bytes: z.int().min(0),
  documents: z.int().nullable(),
  spans: z.int().nullable(),
  /** Why the file cannot be read, or null. */
  problem: z.string().nullable()
})

export const backupListSchema = z.object({
  /** The folder the backups are in (beside the project file). */
  folder: z.string(),
  /** How many the rotation keeps. */
  keep: z.int(),
  /** Newest first. */
  backups: z.array(backupSummarySchema)
})

const noArgs = z.object({}).strict()

/** Backups (issue 7): rotating snapshots of the project, listed, taken and restored. */
export const backupMethods = {
  listBackups: { args: noArgs, result: backupListSchema },
  backupNow: { args: noArgs, result: backupSummarySchema },
  restoreBackup: {
    args: z.object({ name: z.string().regex(BACKUP_FILE_NAME, 'errors:field.backupName') }).strict(),
    result: z.object({ restored: backupSummarySchema, undo: backupSummarySchema })
  }
} as const

export type BackupSummary = z.output<typeof backupSummarySchema>
export type BackupList = z.output<typeof backupListSchema>
