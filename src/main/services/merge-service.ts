import Database from 'better-sqlite3'
import { MIGRATIONS } from '../store/migrations'
import type { Project } from '../store/project'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import { findTrainingRestriction } from '../../shared/restrictions'
import type { LabelDef, Span } from '../../shared/domain'
import type { ChangeKind } from '../store/history-repo'
import { storeRegion } from './regions-service'
import { copyEntities, type EntityMergeResult } from './merge-entities'
import { copyRelations } from './merge-relations'

export interface MergeResult extends EntityMergeResult {
  from: string
  documentsAdded: number
  documentsMatched: number
  /** Documents with the same id and different text: reported, never merged. */
  conflicts: string[]
  spansAdded: number
  spansByLayer: Record<string, number>
  historyGroupsAdded: number
  labelsAdded: string[]
  regionsAdded: number
  /** Links between merged spans (meeting → participant, date, place) this project did not have. */
  relationsAdded: number
}

interface TheirDoc {
  id: string
  title: string
  text: string
  meta: string
  length: number
}
type TheirSpan = Span
interface TheirGroup {
  id: number
  at: string
  actor: string
  kind: ChangeKind
  description: string
  origin: string | null
  originGroup: number | null
}
interface TheirChange {
  groupId: number
  spanId: number
  docId: string
  annotator: string
  before: string | null
  after: string | null
}

/**
 * Merges another project file into this one: every annotator layer (gold
 * included, with provenance), review status and change history of the
 * documents both have with identical text, plus the documents only the other
 * has. Spans are matched by (document, layer, start, end, label) and history
 * groups by their origin, so merging twice changes nothing. All in one
 * transaction: a failure leaves this project as it was.
 */
export function mergeProject(project: Project, fromPath: string): MergeResult {
  let theirs: Database.Database
  try {
    theirs = new Database(fromPath, { readonly: true, fileMustExist: true })
    theirs.pragma('schema_version')
  } catch (err) {
    throw new ApiError('rejected', msg('errors:mergeCannotOpen', { file: fromPath, reason: (err as Error).message }))
  }
  try {
    const version = theirs.pragma('user_version', { simple: true }) as number
    if (version < 1 || version > MIGRATIONS.length) {
      throw new ApiError('rejected', msg('errors:mergeSchema', { file: fromPath, version }))
    }
    return project.write(() => copyInto(project, theirs, fromPath, version))
  } finally {
    theirs.close()
  }
}

function copyInto(project: Project, theirs: Database.Database, from: string, version: number): MergeResult {
  const result: MergeResult = { from, documentsAdded: 0, documentsMatched: 0, conflicts: [], spansAdded: 0, spansByLayer: {}, historyGroupsAdded: 0, labelsAdded: [], regionsAdded: 0, relationsAdded: 0, entitiesAdded: 0, entityLinksAdded: 0, entityConflicts: [] }
  const at = new Date().toISOString()
  const merged = new Set<string>()
  for (const d of theirs.prepare('SELECT id, title, text, meta, length FROM documents ORDER BY id').all() as TheirDoc[]) {
    const mine = project.documents.text(d.id)
    if (!mine) {
      project.documents.insert(
        { id: d.id, title: d.title, text: d.text, meta: JSON.parse(d.meta) as Record<string, unknown>, length: d.length, restricted: findTrainingRestriction(d.text) },
        at
      )
      result.documentsAdded++
      merged.add(d.id)
    } else if (mine.text === d.text) {
      result.documentsMatched++
      merged.add(d.id)
    } else {
      result.conflicts.push(`${d.id}: the text differs from this project's (${mine.length} vs ${d.length} characters); not merged`)
    }
  }

  const known = new Set(project.labels.list().map((l) => l.key))
  const theirLabels = theirs.prepare('SELECT key, name, hotkey, color, guideline FROM labels ORDER BY position').all() as LabelDef[]
  for (const l of theirLabels.filter((l) => !known.has(l.key))) {
    project.labels.add(l)
    result.labelsAdded.push(l.key)
  }

  const spanMap = new Map<number, number>()
  for (const s of theirs.prepare('SELECT id, doc_id AS docId, annotator, start, end, label FROM spans ORDER BY id').all() as TheirSpan[]) {
    if (!merged.has(s.docId)) continue
    const span = { docId: s.docId, annotator: s.annotator, start: s.start, end: s.end, label: s.label }
    const added = project.spans.insertIfNew(span)
    if (added) {
      result.spansAdded++
      result.spansByLayer[s.annotator] = (result.spansByLayer[s.annotator] ?? 0) + 1
    }
    const local = added ?? project.spans.findIdentical(s.docId, s.annotator, span)
    if (local) spanMap.set(s.id, local.id)
  }

  if (version >= 2) copyReview(project, theirs, merged, spanMap)
  if (version >= 4) result.regionsAdded = copyRegions(project, theirs, merged, at)
  if (version >= 5) Object.assign(result, copyEntities(project, theirs, spanMap))
  if (version >= 5) result.relationsAdded = copyRelations(project, theirs, spanMap, from, at)
  result.historyGroupsAdded = copyHistory(project, theirs, merged, version)
  return result
}

/**
 * Regions marked as not article text and rejected suggestions (schema 4) on merged documents.
 * A region is stored through the same merge rule as marking one (overlapping or touching regions
 * become one), so merging twice adds nothing; a rejection is a set member.
 */
function copyRegions(project: Project, theirs: Database.Database, merged: Set<string>, at: string): number {
  let added = 0
  const regions = theirs.prepare('SELECT doc_id AS docId, start, end, source, reason, created_by AS createdBy FROM ignored_regions ORDER BY doc_id, start').all() as {
    docId: string
    start: number
    end: number
    source: 'manual' | 'suggested'
    reason: string
    createdBy: string
  }[]
  for (const r of regions) {
    if (!merged.has(r.docId)) continue
    const covered = project.regions.touching(r.docId, r.start, r.end).some((mine) => mine.start <= r.start && mine.end >= r.end)
    if (covered) continue
    storeRegion(project, r.docId, { start: r.start, end: r.end, source: r.source, reason: r.reason }, r.createdBy, at)
    added++
  }
  const rejected = theirs.prepare('SELECT doc_id AS docId, annotator, start, end, label FROM rejected_suggestions').all() as {
    docId: string
    annotator: string
    start: number
    end: number
    label: string
  }[]
  for (const r of rejected) if (merged.has(r.docId)) project.rejections.add(r, at)
  return added
}

function copyReview(project: Project, theirs: Database.Database, merged: Set<string>, spanMap: Map<number, number>): void {
  const provenance = theirs.prepare('SELECT span_id AS spanId, sources, accepted_by AS acceptedBy, accepted_at AS acceptedAt FROM gold_provenance').all() as {
    spanId: number
    sources: string
    acceptedBy: string
    acceptedAt: string
  }[]
  for (const p of provenance) {
    const local = spanMap.get(p.spanId)
    if (local !== undefined && !project.review.provenance(local)) {
      project.review.setProvenance({ spanId: local, sources: JSON.parse(p.sources) as string[], acceptedBy: p.acceptedBy, acceptedAt: p.acceptedAt })
    }
  }
  const mine = project.review.allStatuses()
  const statuses = theirs.prepare('SELECT doc_id AS docId, status, reviewer, updated_at AS at FROM review_status').all() as {
    docId: string
    status: 'unreviewed' | 'in_review' | 'reviewed'
    reviewer: string | null
    at: string
  }[]
  for (const s of statuses) {
    if (merged.has(s.docId) && !mine.has(s.docId)) project.review.setStatus(s.docId, s.status, s.reviewer, s.at)
  }
}

/** Copies history groups about merged documents, each once: a group is known by the project and id it was first written in. */
function copyHistory(project: Project, theirs: Database.Database, merged: Set<string>, version: number): number {
  const theirId = (theirs.prepare("SELECT value FROM settings WHERE key = 'project_id'").get() as { value: string } | undefined)?.value
  const originOf = theirId ? (JSON.parse(theirId) as string) : `file:${theirs.name}`
  const cols = version >= 2 ? ', origin, origin_group AS originGroup' : ', NULL AS origin, NULL AS originGroup'
  const groups = theirs.prepare(`SELECT id, at, actor, kind, description${cols} FROM change_groups ORDER BY id`).all() as TheirGroup[]
  const changes = theirs
    .prepare('SELECT group_id AS groupId, span_id AS spanId, doc_id AS docId, annotator, before, after FROM span_changes ORDER BY id')
    .all() as TheirChange[]
  const byGroup = new Map<number, TheirChange[]>()
  for (const c of changes) if (merged.has(c.docId)) byGroup.set(c.groupId, [...(byGroup.get(c.groupId) ?? []), c])

  let added = 0
  for (const g of groups) {
    const relevant = byGroup.get(g.id)
    if (!relevant) continue
    const origin = g.origin ?? originOf
    if (origin === project.id) continue // our own history, coming back
    const local = project.history.importGroup({ at: g.at, actor: g.actor, kind: g.kind, description: g.description, reverts: null, origin, originGroup: g.originGroup ?? g.id })
    if (local === null) continue
    added++
    for (const c of relevant) {
      project.history.record(local, {
        spanId: c.spanId,
        docId: c.docId,
        annotator: c.annotator,
        before: c.before === null ? null : JSON.parse(c.before),
        after: c.after === null ? null : JSON.parse(c.after)
      })
    }
  }
  return added
}
