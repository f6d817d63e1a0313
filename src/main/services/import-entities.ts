import { z } from 'zod'
import { zodMessages } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { atWhere } from './import-checks'
import type { Project } from '../store/project'
import { baseName, type ParsedDoc } from './import-parse'
import { MAX_ENTITY_NAME } from './entities-service'

/** One line of an entities file, as exportEntities writes it. */
export interface FileEntity {
  name: string
  type: string
  where: string
}

/** An entities file (OUT.entities.jsonl beside OUT.jsonl): its entities by their id in the file. */
export interface EntitiesFile {
  name: string
  /** The stem it belongs to: "out" for out.entities.jsonl. */
  stem: string
  byId: Map<string, FileEntity>
}

export const ENTITIES_SUFFIX = '.entities.jsonl'

export function isEntitiesFile(name: string): boolean {
  return name.toLowerCase().endsWith(ENTITIES_SUFFIX)
}

const entityLine = z.looseObject({
  id: z.union([z.int(), z.string().min(1).max(200)]),
  name: z.string().trim().min(1).max(MAX_ENTITY_NAME),
  type: z.string().min(1),
  mentions: z.int().min(0).optional()
})

/** Decodes an entities file; problems (file:line) go to `problems`. Types must be label keys of the project. */
export function parseEntitiesFile(name: string, bytes: Uint8Array, labels: ReadonlySet<string>, problems: Message[]): EntitiesFile {
  const file = name.split(/[\\/]/).pop() ?? name
  const out: EntitiesFile = { name, stem: file.slice(0, file.length - ENTITIES_SUFFIX.length), byId: new Map() }
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    problems.push(msg('errors:import.notUtf8', { where: name }))
    return out
  }
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return
    const where = `${name}:${i + 1}`
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (err) {
      problems.push(msg('errors:import.badJson', { where, reason: (err as Error).message }))
      return
    }
    const parsed = entityLine.safeParse(value)
    if (!parsed.success) {
      problems.push(...atWhere(where, zodMessages(parsed.error)), msg('errors:import.entityLineShape', { where }))
      return
    }
    const e = parsed.data
    const key = JSON.stringify(e.id)
    const first = out.byId.get(key)
    if (first) problems.push(msg('errors:import.entityIdTwice', { where, id: key, first: first.where }))
    else if (!labels.has(e.type)) problems.push(msg('errors:import.entityType', { where, type: e.type, known: [...labels].join(', ') }))
    else out.byId.set(key, { name: e.name.trim(), type: e.type, where })
  })
  return out
}

/**
 * The entities file a document file's "entity_id"s refer to: the one named after it
 * (out.jsonl → out.entities.jsonl), or the only one given.
 */
export function entitiesFileFor(fileName: string, files: readonly EntitiesFile[]): EntitiesFile | undefined {
  const stem = baseName(fileName)
  return files.find((f) => f.stem === stem) ?? (files.length === 1 ? files[0] : undefined)
}

/** Problems of a document's "entity_id"s: each must be an id of its entities file, of an entity of the span's label. */
export function entityLinkProblems(doc: ParsedDoc, fileName: string, file: EntitiesFile | undefined): Message[] {
  const problems: Message[] = []
  for (const s of doc.spans) {
    if (s.entityId === undefined) continue
    const key = JSON.stringify(s.entityId)
    if (!file) {
      problems.push(msg('errors:import.entitiesMissing', { where: s.where, id: key, file: `${baseName(fileName)}${ENTITIES_SUFFIX}` }))
      continue
    }
    const e = file.byId.get(key)
    if (!e) problems.push(msg('errors:import.entityIdUnknown', { where: s.where, id: key, file: file.name }))
    else if (e.type !== s.label) problems.push(msg('errors:import.entityWrongType', { where: s.where, label: s.label, id: key, entity: e.name, type: e.type }))
  }
  return problems
}

/** Finds or creates (by name and type) every entity of the file; returns file id → project entity id, and how many were created. */
export function storeEntities(project: Project, file: EntitiesFile, actor: string, at: string): { ids: Map<string, number>; created: number } {
  const ids = new Map<string, number>()
  let created = 0
  for (const [key, e] of file.byId) {
    let entity = project.entities.find(e.name, e.type)
    if (!entity) {
      entity = project.entities.insert({ name: e.name, type: e.type, createdBy: actor, createdAt: at })
      created++
    }
    ids.set(key, entity.id)
  }
  return { ids, created }
}

/**
 * Whether a .jsonl file is a meetings export (meetings.jsonl): its events' mentions refer to span ids
 * of the project that wrote it, so it is not imported (it is skipped with a note). Told by its first
 * line: an object with "participants" and "mentions" arrays and no document "text".
 */
export function isMeetingsExport(name: string, bytes: Uint8Array): boolean {
  if (!name.toLowerCase().endsWith('.jsonl')) return false
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536))
  const first = head.split('\n').find((l) => l.trim() !== '')
  if (first === undefined) return false
  try {
    const v = JSON.parse(first.replace(/^\ufeff/, '')) as Record<string, unknown>
    return typeof v === 'object' && v !== null && Array.isArray(v.participants) && Array.isArray(v.mentions) && !('text' in v)
  } catch {
    return false
  }
}
