import { ApiError } from '../../shared/errors'
import { kwic } from '../../shared/korean/occurrences'
import { msg, type Message } from '../../shared/message'
import type { EntityLinkChange, EntityState } from '../store/change-records-repo'
import type { Entity, MentionRow } from '../store/entities-repo'
import type { Project } from '../store/project'
import { ChangeLog, now } from './change-log'
import type { TextCache } from './text-cache'
import { contextOf } from './project-context'

export interface EntitySummary extends Entity {
  /** Live spans linked to it, every layer. */
  mentions: number
  /** The documents it is mentioned in, by id, with how many mentions each. */
  documents: { docId: string; title: string; mentions: number }[]
  /** The texts it is mentioned by, most frequent first (at most 10): what the type-ahead also matches. */
  aliases: string[]
}

export interface EntityMention {
  docId: string
  title: string
  spanId: number
  annotator: string
  start: number
  end: number
  label: string
  text: string
  left: string
  right: string
}

export interface SpanEntityLink {
  spanId: number
  entityId: number
  name: string
  type: string
}

export const MAX_ENTITY_NAME = 200

/**
 * Entities across documents: a project-wide "Sam Altman" that spans in many
 * articles refer to. Links are per span (a span links to at most one entity),
 * and only the span's own annotator links it. Creating, linking, unlinking, renaming
 * and merging are each one undo step of the person who did it (issue 15). Mentions are
 * always read from live spans, so a deleted span stops being a mention and comes back
 * with its link on undo.
 */
export class EntitiesService {
  private readonly texts: TextCache
  private readonly log: ChangeLog

  constructor(private readonly project: Project) {
    this.texts = contextOf(project).texts
    this.log = new ChangeLog(project)
  }

  list(o: { type?: string | undefined; query?: string | undefined } = {}): EntitySummary[] {
    const q = o.query?.trim().toLocaleLowerCase() ?? ''
    const byEntity = groupBy(this.project.entities.allMentions(), (m) => m.entityId)
    const aliases = groupBy(this.project.entities.aliases(), (a) => a.entityId)
    const titles = new Map<string, string>()
    const title = (docId: string): string => {
      let t = titles.get(docId)
      if (t === undefined) titles.set(docId, (t = this.project.documents.get(docId)?.title ?? docId))
      return t
    }
    return this.project.entities
      .all()
      .filter((e) => (o.type === undefined || e.type === o.type) && (q === '' || e.name.toLocaleLowerCase().includes(q)))
      .map((e) => {
        const mentions = byEntity.get(e.id) ?? []
        const docs = groupBy(mentions, (m) => m.docId)
        return {
          ...e,
          mentions: mentions.length,
          documents: [...docs].map(([docId, ms]) => ({ docId, title: title(docId), mentions: ms.length })),
          aliases: (aliases.get(e.id) ?? []).slice(0, 10).map((a) => a.text)
        }
      })
  }

  get(id: number): Entity & { mentions: EntityMention[] } {
    const entity = this.require(id)
    const mentions = this.project.entities.mentions(id).map((m) => this.mention(m))
    return { ...entity, mentions }
  }

  /** The live linked spans of one document (every layer), with their entity's name. */
  ofDocument(docId: string): SpanEntityLink[] {
    const names = new Map(this.project.entities.all().map((e) => [e.id, e]))
    return this.project.entities.ofDocument(docId).flatMap((m) => {
      const e = names.get(m.entityId)
      return e ? [{ spanId: m.spanId, entityId: e.id, name: e.name, type: e.type }] : []
    })
  }

  /** Creates an entity, or returns the one with the same name and type. */
  create(a: { annotator: string; name: string; type: string }): { entity: Entity; created: boolean; description: Message } {
    const name = cleanName(a.name)
    if (!this.project.labels.list().some((l) => l.key === a.type)) {
      throw new ApiError('invalid_args', msg('errors:entity.noType', { type: a.type }))
    }
    return this.project.write(() => {
      const existing = this.project.entities.find(name, a.type)
      if (existing) return { entity: existing, created: false, description: msg('changes:entityExists', { name, type: a.type }) }
      const entity = this.project.entities.insert({ name, type: a.type, createdBy: a.annotator, createdAt: now() })
      const description = msg('changes:createEntity', { name, type: a.type })
      this.log.commitAction(a.annotator, 'create', description, [], [], { entities: [{ entityId: entity.id, before: null, after: entityState(entity) }] })
      return { entity, created: true, description }
    })
  }

  /** Links spans of the caller's layer to an entity; a span already linked elsewhere moves. */
  link(a: { annotator: string; entityId: number; spanIds: number[] }): { entity: Entity; links: SpanEntityLink[]; description: Message } {
    return this.project.write(() => {
      const entity = this.require(a.entityId)
      const links: SpanEntityLink[] = []
      const changes: EntityLinkChange[] = []
      let moved = 0
      for (const spanId of new Set(a.spanIds)) {
        const span = this.project.spans.get(spanId)
        if (!span) throw new ApiError('not_found', msg('errors:entity.noSpan', { id: spanId }))
        if (span.annotator !== a.annotator) {
          throw new ApiError('rejected', msg('errors:entity.linkOtherLayer', { id: spanId, owner: span.annotator, annotator: a.annotator }))
        }
        if (span.label !== entity.type) {
          throw new ApiError('invalid_args', msg('errors:entity.wrongType', { id: spanId, docId: span.docId, label: span.label, entity: entity.name, type: entity.type }))
        }
        const before = this.project.entities.entityOf(spanId)
        if (before !== undefined && before !== entity.id) moved++
        if (before !== entity.id) {
          this.project.entities.link(spanId, entity.id)
          changes.push({ spanId, before: before ?? null, after: entity.id })
        }
        links.push({ spanId, entityId: entity.id, name: entity.name, type: entity.type })
      }
      const count = links.length
      const description =
        moved > 0 ? msg('changes:linkEntityMoved', { count, name: entity.name, moved }) : msg('changes:linkEntity', { count, name: entity.name })
      if (changes.length > 0) this.log.commitAction(a.annotator, 'create', description, [], [], { entityLinks: changes })
      return { entity, links, description }
    })
  }

  unlink(a: { annotator: string; spanId: number }): { spanId: number; description: Message } {
    return this.project.write(() => {
      const span = this.project.spans.get(a.spanId)
      if (span && span.annotator !== a.annotator) {
        throw new ApiError('rejected', msg('errors:entity.unlinkOtherLayer', { id: a.spanId, owner: span.annotator }))
      }
      const entityId = this.project.entities.entityOf(a.spanId)
      if (entityId === undefined) throw new ApiError('not_found', msg('errors:entity.notLinked', { id: a.spanId }))
      this.project.entities.unlink(a.spanId)
      const name = this.project.entities.get(entityId)?.name ?? `#${entityId}`
      const description = msg('changes:unlinkEntity', { name })
      this.log.commitAction(a.annotator, 'delete', description, [], [], { entityLinks: [{ spanId: a.spanId, before: entityId, after: null }] })
      return { spanId: a.spanId, description }
    })
  }

  rename(a: { annotator: string; id: number; name: string }): { entity: Entity; description: Message } {
    const name = cleanName(a.name)
    return this.project.write(() => {
      const entity = this.require(a.id)
      const clash = this.project.entities.find(name, entity.type)
      if (clash && clash.id !== entity.id) {
        throw new ApiError('conflict', msg('errors:entity.nameTaken', { name, type: entity.type, entity: entity.name }))
      }
      const description = msg('changes:renameEntity', { from: entity.name, to: name })
      if (name === entity.name) return { entity, description }
      this.project.entities.rename(entity.id, name)
      const change = { entityId: entity.id, before: entityState(entity), after: entityState({ ...entity, name }) }
      this.log.commitAction(a.annotator, 'relabel', description, [], [], { entities: [change] })
      return { entity: { ...entity, name }, description }
    })
  }

  /** Moves every mention of `from` to `into` and deletes `from`. */
  merge(a: { annotator: string; into: number; from: number }): { entity: Entity; moved: number; description: Message } {
    if (a.into === a.from) throw new ApiError('invalid_args', msg('errors:entity.mergeSelf'))
    return this.project.write(() => {
      const into = this.require(a.into)
      const from = this.require(a.from)
      if (into.type !== from.type) {
        throw new ApiError('invalid_args', msg('errors:entity.mergeTypes', { from: from.name, fromType: from.type, into: into.name, intoType: into.type }))
      }
      const linked = this.project.entities.linkedSpans(from.id)
      const moved = this.project.entities.moveLinks(from.id, into.id)
      this.project.entities.delete(from.id)
      const description = msg('changes:mergeEntities', { from: from.name, into: into.name, count: moved })
      this.log.commitAction(a.annotator, 'merge', description, [], [], {
        entityLinks: linked.map((spanId) => ({ spanId, before: from.id, after: into.id })),
        entities: [{ entityId: from.id, before: entityState(from), after: null }]
      })
      return { entity: into, moved, description }
    })
  }

  private mention(m: MentionRow): EntityMention {
    const doc = this.texts.get(m.docId)
    const title = this.project.documents.get(m.docId)?.title ?? m.docId
    if (!doc) return { ...m, title, text: '', left: '', right: '' }
    const k = kwic(doc.text, doc.map.toUtf16(m.start), doc.map.toUtf16(m.end))
    return { docId: m.docId, title, spanId: m.spanId, annotator: m.annotator, start: m.start, end: m.end, label: m.label, text: k.match, left: k.left, right: k.right }
  }

  private require(id: number): Entity {
    const e = this.project.entities.get(id)
    if (!e) throw new ApiError('not_found', msg('errors:entity.notFound', { id }))
    return e
  }
}

function entityState(e: Entity): EntityState {
  return { name: e.name, type: e.type, createdBy: e.createdBy, createdAt: e.createdAt }
}

function cleanName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (name === '') throw new ApiError('invalid_args', msg('errors:entity.nameEmpty'))
  if ([...name].length > MAX_ENTITY_NAME) throw new ApiError('invalid_args', msg('errors:entity.nameLong', { max: MAX_ENTITY_NAME }))
  return name
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const it of items) {
    const k = key(it)
    const list = out.get(k)
    if (list) list.push(it)
    else out.set(k, [it])
  }
  return out
}
