import { AsyncLocalStorage } from 'node:async_hooks'
import type { ApiHandlers, ApiMethod, ApiResult, MutationResult } from '../../shared/api'
import { effects, type AnnouncingMethod, type Effect } from '../../shared/api-effects'
import type { LiveEvent } from '../../shared/live-events'
import { msg, type Message } from '../../shared/message'
import type { Project } from '../store/project'

/** An event before the feed numbers it. */
export type LiveEventDraft = LiveEvent extends infer E ? (E extends unknown ? Omit<E, 'seq' | 'origin' | 'at'> : never) : never
export type LiveListener = (event: LiveEvent) => void

const callers = new AsyncLocalStorage<string | null>()

/** Runs fn (an API call) on behalf of a client, so the events it causes carry that client's id. */
export function asClient<T>(client: string | null, fn: () => T): T {
  return callers.run(client, fn)
}

/** The client id of the call being handled, or null. */
export function currentClient(): string | null {
  return callers.getStore() ?? null
}

/**
 * The announcements of one running core: every committed change, numbered, to
 * whoever listens (the web server's event streams, the desktop window). Knows
 * nothing about transports. A listener that throws is logged and skipped: the
 * change is committed whatever a listener does.
 */
export class ChangeFeed {
  private seq = 0
  private readonly listeners = new Set<LiveListener>()

  constructor(private readonly log: (err: unknown) => void = (err) => console.error('[spanmark] change feed listener failed', err)) {}

  /** The number of the last event announced (0: none yet). */
  get lastSeq(): number {
    return this.seq
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  emit(draft: LiveEventDraft, origin: string | null = currentClient()): LiveEvent {
    const event = { ...draft, seq: ++this.seq, origin, at: new Date().toISOString() } as LiveEvent
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (err) {
        this.log(err)
      }
    }
    return event
  }

  spans(result: MutationResult): void {
    if (result.applied && result.changes.length > 0) this.emit({ kind: 'spans', description: result.description, changes: result.changes })
  }

  documents(description: Message): void {
    this.emit({ kind: 'documents', description })
  }
}

type Described<M extends ApiMethod> = (result: ApiResult<M>) => Message | null
/** Announcing methods whose result carries no `description` of its own: each needs a describer below. */
type Undescribed = { [M in AnnouncingMethod<'documents' | 'labels' | 'reload'>]: ApiResult<M> extends { description: Message } ? never : M }[AnnouncingMethod<
  'documents' | 'labels' | 'reload'
>]

/**
 * What an announcing call's event says, where that is not simply its result's `description`;
 * null: the call committed nothing worth showing elsewhere (an existing entity, nothing new imported).
 * TypeScript requires one for every announcing method whose result has no description.
 */
const describers: { [M in Undescribed]: Described<M> } & { [M in AnnouncingMethod]?: Described<M> } = {
  createEntity: (r) => (r.created ? r.description : null),
  splitMeeting: (r) => (r.unlinked > 0 ? r.description : null),
  importFiles: (r) => {
    if (r.newDocuments + r.newSpans > 0) return msg('changes:importFiles', { documents: r.newDocuments, spans: r.newSpans })
    // Only links or entities (issue 9): still announced, so other tabs refetch the links, the Entities panel and the Meetings view.
    if (r.newRelations + r.newEntities + r.newEntityLinks > 0) {
      return msg('changes:importLinksEntities', { links: r.newRelations, entities: r.newEntities, linked: r.newEntityLinks })
    }
    return null
  },
  mergeProject: (r) => msg('changes:mergeProject', { from: r.from }),
  setRestricted: (r) => msg(r.restricted ? 'changes:markRestricted' : 'changes:markNotRestricted', { docId: r.docId }),
  // Everything may differ after a restore: other tabs refetch all they show.
  restoreBackup: (r) => msg('changes:restoredElsewhere', { name: r.restored.name })
}

/** A method announced as span changes must return a MutationResult: this does not compile otherwise. */
type SpanResults<T extends { [M in AnnouncingMethod<'spans'>]: MutationResult }> = T
export type SpanAnnouncerResults = SpanResults<{ [M in AnnouncingMethod<'spans'>]: ApiResult<M> }>

/** Announces one committed call of `method` as its effect declares (src/shared/api-effects.ts). */
function announce(feed: ChangeFeed, method: AnnouncingMethod, result: unknown): void {
  const kind = effects[method].announce
  if (kind === 'spans') {
    const r = result as MutationResult
    feed.spans(r)
    // An undo/redo that changed only links (issue 9) has no span changes: other tabs refetch instead.
    if (r.applied && r.changes.length === 0 && (r.relationChanges?.length ?? 0) + (r.docIds?.length ?? 0) > 0) feed.documents(r.description)
    return
  }
  const describe = describers[method] as ((r: unknown) => Message | null) | undefined
  const description = describe ? describe(result) : (result as { description: Message }).description
  if (description !== null) feed.emit({ kind, description })
}

const announcing = (Object.keys(effects) as ApiMethod[]).filter((m): m is AnnouncingMethod => {
  const e: Effect = effects[m]
  return e.kind === 'write' && e.announce !== null
})

/**
 * Wraps the handlers so that each call that commits a change announces it once
 * its transaction has committed (the handlers commit before they return). Which
 * calls announce, and as what, is their effect in the registry (src/shared/api-effects.ts):
 * reads, and writes not shown live (layout, the annotator preference), announce nothing.
 */
export function announceChanges(feed: ChangeFeed | undefined, handlers: ApiHandlers): ApiHandlers {
  if (!feed) return handlers
  const wrapped: Record<string, unknown> = { ...handlers }
  for (const method of announcing) {
    wrapped[method] = after(handlers[method] as (args: unknown) => unknown, (r) => announce(feed, method, r))
  }
  return wrapped as ApiHandlers
}

function after<A, R>(fn: (args: A) => R | Promise<R>, announce: (result: R) => void): (args: A) => R | Promise<R> {
  return (args) => {
    const result = fn(args)
    if (result instanceof Promise) {
      return result.then((r) => {
        announce(r)
        return r
      })
    }
    announce(result)
    return result
  }
}

/**
 * Notices writes to the project file by other connections (another process
 * such as `spanmark import` in a terminal, or a second server). SQLite's
 * PRAGMA data_version changes only when another connection commits, so this
 * core's own writes never trigger it. `check()` looks once and announces a
 * "reload" when the file moved; watchOtherWriters runs it every intervalMs.
 */
export function otherWriterCheck(project: Project, feed: ChangeFeed): () => boolean {
  const version = (): number => project.db.pragma('data_version', { simple: true }) as number
  let last = version()
  return () => {
    if (!project.db.open) return false
    const now = version()
    if (now === last) return false
    last = now
    feed.emit({ kind: 'reload', description: msg('changes:otherProgram') }, null)
    return true
  }
}

/** Runs otherWriterCheck every intervalMs until the returned function is called. */
export function watchOtherWriters(project: Project, feed: ChangeFeed, intervalMs = 1000): () => void {
  const check = otherWriterCheck(project, feed)
  const timer = setInterval(() => {
    try {
      check()
    } catch (err) {
      console.error('[spanmark] could not check the project for outside changes', err)
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
