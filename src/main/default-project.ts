import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { OpenOptions } from './store/database'
import { Project } from './store/project'
import { importFiles } from './services/import-service'

/**
 * Opens a project file, creating it when missing. A project created here gets
 * the default labels and, when a seeds folder is given, every .txt in it.
 */
export function openOrCreateProject(file: string, seeds: string | null, options: OpenOptions = {}): Project {
  const isNew = !existsSync(file)
  if (isNew) mkdirSync(dirname(file), { recursive: true })
  const project = Project.open(file, options)
  if (isNew && seeds && existsSync(seeds)) {
    const names = readdirSync(seeds)
      .filter((n) => n.toLowerCase().endsWith('.txt'))
      .sort()
    if (names.length > 0) {
      importFiles(
        project,
        names.map((name) => ({ name, bytes: readFileSync(join(seeds, name)) })),
        { actor: 'spanmark' }
      )
    }
  }
  return project
}
