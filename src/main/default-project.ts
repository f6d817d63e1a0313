import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Locale } from '../shared/i18n'
import { DEFAULT_LABELS, DEFAULT_LABEL_TEXT_KO, DEFAULT_ROLE_NAMES_KO } from '../shared/labels'
import type { OpenOptions } from './store/database'
import { Project } from './store/project'
import { importFiles } from './services/import-service'

/**
 * Opens a project file, creating it when missing. A project created here gets
 * the default labels (named in `locale`, the UI language it is created in) and,
 * when a seeds folder is given, every .txt in it.
 */
export function openOrCreateProject(file: string, seeds: string | null, options: OpenOptions = {}, locale: Locale = 'en'): Project {
  const isNew = !existsSync(file)
  if (isNew) mkdirSync(dirname(file), { recursive: true })
  const project = Project.open(file, options)
  if (isNew && !options.readonly) nameDefaults(project, locale)
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

/** A new project's default labels and link roles, named in the UI language (English is how they are seeded). */
function nameDefaults(project: Project, locale: Locale): void {
  if (locale !== 'ko') return
  project.write(() => {
    for (const def of DEFAULT_LABELS) {
      const label = project.labels.get(def.key)
      const text = DEFAULT_LABEL_TEXT_KO[def.key]
      if (label && text && label.name === def.name) project.labels.update(def.key, { name: text.name, hotkey: label.hotkey, color: label.color, guideline: text.guideline })
    }
    for (const role of project.relations.roles()) {
      const name = DEFAULT_ROLE_NAMES_KO[role.type]
      if (name) project.labels.upsertRole({ ...role, name })
    }
  })
}
