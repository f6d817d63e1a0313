import type { Project } from '../../../src/main/store/project'

/** Every row of every table, to prove a refused import changed nothing. */
export function dumpProject(project: Project): Record<string, unknown[]> {
  const tables = project.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
  return Object.fromEntries(tables.map(({ name }) => [name, project.db.prepare(`SELECT * FROM "${name}"`).all()]))
}
