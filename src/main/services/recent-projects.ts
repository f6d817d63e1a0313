import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'

export const RECENT_LIMIT = 10
const recentSchema = z.object({ recent: z.array(z.string()) })

/**
 * The recently opened project files (File → Recent projects), newest first, kept in the user data
 * folder (recent-projects.json). Files that no longer exist are left out when read.
 */
export class RecentProjects {
  constructor(
    private readonly file: string,
    private readonly exists: (path: string) => boolean = existsSync
  ) {}

  list(): string[] {
    let stored: string[] = []
    try {
      const parsed = recentSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      if (parsed.success) stored = parsed.data.recent
    } catch {
      // missing or unreadable: no recent projects
    }
    return stored.filter((p) => this.exists(p)).slice(0, RECENT_LIMIT)
  }

  /** Puts `path` first; returns the new list. */
  add(path: string): string[] {
    const full = resolve(path)
    const next = [full, ...this.list().filter((p) => p !== full)].slice(0, RECENT_LIMIT)
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({ recent: next }, null, 2) + '\n')
    renameSync(tmp, this.file)
    return next
  }
}
