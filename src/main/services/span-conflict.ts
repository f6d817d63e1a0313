import type { SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'

interface LastChange {
  actor: string
  at: string
  /** The span's state after this change (JSON), or null: the change deleted it. */
  after: string | null
}

/**
 * Who last changed a span and when, from the append-only history. Used only
 * when a call is refused, so it scans from the newest change backwards (no
 * index needed: the change that matters is almost always recent).
 */
export function lastChangeOf(project: Project, spanId: number): LastChange | undefined {
  return project.db
    .prepare<[number], LastChange>(
      `SELECT g.actor AS actor, g.at AS at, c.after AS after FROM span_changes c JOIN change_groups g ON g.id = c.group_id
       WHERE c.span_id = ? ORDER BY c.id DESC LIMIT 1`
    )
    .get(spanId)
}

/** Who and when: { who: "minji", at: "07:55:02 UTC" } (the date too when it was not today); undefined when the history does not say. */
function byWhom(change: LastChange | undefined): { who: string; at: string } | undefined {
  if (!change) return undefined
  const d = new Date(change.at)
  if (Number.isNaN(d.getTime())) return { who: change.actor, at: change.at }
  const iso = d.toISOString()
  const today = iso.slice(0, 10) === new Date().toISOString().slice(0, 10)
  return { who: change.actor, at: `${today ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 19)} UTC` }
}

/** The refusal for a call on a span someone else deleted (or that never existed). */
export function deletedSpanError(project: Project, spanId: number, prefix?: string): ApiError {
  const last = lastChangeOf(project, spanId)
  if (!last) return new ApiError('not_found', msg('errors:span.notFound', { id: spanId }))
  const who = byWhom(last.after === null ? last : undefined)
  const what = prefix === undefined ? 'errors:span.that' : 'errors:span'
  return new ApiError('conflict', msg(`${what}.${who ? 'deletedBy' : 'deleted'}`, { what: prefix ?? '', ...who }))
}

/** The refusal for a call on a span that changed since the caller saw it. */
export function changedSpanError(project: Project, spanId: number, current: SpanState, now: string, prefix?: string): ApiError {
  const last = lastChangeOf(project, spanId)
  const recorded = last?.after ? sameState(JSON.parse(last.after) as SpanState, current) : false
  const who = byWhom(recorded ? last : undefined)
  const what = prefix === undefined ? 'errors:span.that' : 'errors:span'
  return new ApiError('conflict', msg(`${what}.${who ? 'changedBy' : 'changed'}`, { what: prefix ?? '', ...who, now }))
}

export function sameState(a: SpanState | null, b: SpanState | null): boolean {
  if (a === null || b === null) return a === b
  return a.start === b.start && a.end === b.end && a.label === b.label
}
