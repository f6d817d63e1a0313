import { msg, type Message } from '../../shared/message'
import type { Project } from '../store/project'
import type { ParsedDoc } from './import-parse'
import { roleRefusal } from './relations-service'

/**
 * The problems of an imported line's links that need the project: the role must be one of the
 * project's (relation_roles) and allow the two spans' labels. Ids were checked by the parser.
 */
export function relationProblems(project: Project, doc: ParsedDoc): Message[] {
  if (!doc.relations || doc.relations.length === 0) return []
  const roles = project.relations.roles()
  const byId = new Map(doc.spans.filter((s) => s.fileId !== undefined).map((s) => [JSON.stringify(s.fileId), s]))
  const problems: Message[] = []
  const labels = project.labels.list()
  const labelName = (key: string): string => labels.find((l) => l.key === key)?.name ?? key
  for (const r of doc.relations) {
    const role = roles.find((x) => x.type === r.type)
    if (!role) {
      problems.push(msg('errors:import.unknownRole', { where: r.where, role: r.type, known: roles.map((x) => x.type).join(', ') }))
      continue
    }
    const from = byId.get(JSON.stringify(r.from))
    const to = byId.get(JSON.stringify(r.to))
    const refusal = from && to ? roleRefusal(role, from.label, to.label, labelName) : null
    if (refusal) problems.push(msg(refusal.key.replace('errors:', 'errors:import.'), { where: r.where, ...refusal.params }))
  }
  return problems
}

/** Writes an imported line's links (ids mapped to this project's spans), skipping links already there; each is recorded in the import's group. */
export function storeRelations(project: Project, doc: ParsedDoc, annotator: string, ids: ReadonlyMap<string, number>, group: () => number): number {
  let added = 0
  for (const r of doc.relations ?? []) {
    const from = ids.get(JSON.stringify(r.from))
    const to = ids.get(JSON.stringify(r.to))
    if (from === undefined || to === undefined) continue
    const state = { from, to, type: r.type }
    if (project.relations.findIdentical(doc.id, annotator, state)) continue
    const made = project.relations.insert({ docId: doc.id, annotator, ...state })
    project.relations.record(group(), { relationId: made.id, docId: doc.id, annotator, before: null, after: state })
    added++
  }
  return added
}
