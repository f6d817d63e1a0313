import { z } from 'zod'

/**
 * The Settings screen's project part (issue 10): where the project's backups go.
 * The folder is a setting of the project (key `backupDir` in its settings table), so every
 * window, web-mode user and `spanmark` command working on the project uses the same one.
 * Implemented in src/main/services/backup-location.ts.
 */

export const backupLocationSchema = z.object({
  /** The folder backups are written to now (absolute, on the machine that runs the core). */
  folder: z.string(),
  /** The default folder, beside the project file. */
  defaultFolder: z.string(),
  /** True when the project chose its own folder. */
  custom: z.boolean(),
  /** The chosen folder when it is set but no longer usable (then the default is used), else null. */
  unavailable: z.string().nullable(),
  /** Backups in `folder` now. */
  count: z.int().min(0),
  /** How many the rotation keeps. */
  keep: z.int().min(1)
})

/** An absolute folder path; null goes back to the default beside the project. */
export const backupDirArgsSchema = z
  .object({
    dir: z
      .string()
      .trim()
      .min(1, 'errors:field.folderEmpty')
      .max(4096, 'errors:field.folderLong')
      .refine((d) => !d.includes('\0'), 'errors:field.folderNul')
      .nullable()
  })
  .strict()

export const settingsMethods = {
  getBackupLocation: { args: z.object({}).strict(), result: backupLocationSchema },
  setBackupDir: { args: backupDirArgsSchema, result: backupLocationSchema }
} as const

export type BackupLocation = z.output<typeof backupLocationSchema>
