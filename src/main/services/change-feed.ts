import { AsyncLocalStorage } from 'node:async_hooks'
import type { ApiHandlers, MutationResult } from '../../shared/api'
import type { LiveEvent } from '../../shared/live-events'
import type { Message } from '../../shared/message'
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

  documents(description: string | Message): void {
    this.emit({ kind: 'documents', description })
  }
}

/**
 * Wraps the handlers so that each call that commits a change announces it once
 * its transaction has committed (the handlers commit before they return).
 * Calls that only read, and settings that are not shown live (layout, the
 * annotator preference), announce nothing.
 */
export function announceChanges(feed: ChangeFeed | undefined, handlers: ApiHandlers): ApiHandlers {
  if (!feed) return handlers
  const spans = (r: MutationResult): void => {
    feed.spans(r)
    // An undo/redo that changed only links (issue 9) has no span changes: other tabs refetch instead.
    if (r.applied && r.changes.length === 0 && (r.relationChanges?.length ?? 0) + (r.docIds?.length ?? 0) > 0) feed.documents(r.description)
  }
  const labels = (r: { description: string }): void => void feed.emit({ kind: 'labels', description: r.description })
  return {
    ...handlers,
    createSpan: after(handlers.createSpan, spans),
    relabelSpan: after(handlers.relabelSpan, spans),
    deleteSpan: after(handlers.deleteSpan, spans),
    undo: after(handlers.undo, spans),
    redo: after(handlers.redo, spans),
    acceptCandidate: after(handlers.acceptCandidate, spans),
    rejectCandidate: after(handlers.rejectCandidate, spans),
    acceptAgreed: after(handlers.acceptAgreed, spans),
    acceptLink: after(handlers.acceptLink, (r) => feed.documents(r.description)),
    acceptSuggestions: after(handlers.acceptSuggestions, spans),
    // Ignored regions and rejected suggestions: other tabs refetch what they draw over the text.
    addRegions: after(handlers.addRegions, (r) => feed.documents(r.description)),
    removeRegion: after(handlers.removeRegion, (r) => feed.documents(r.description)),
    rejectSuggestion: after(handlers.rejectSuggestion, (r) => feed.documents(r.description)),
    labelOccurrences: after(handlers.labelOccurrences, spans),
    // Links (issue 9): other tabs refetch them; a link's undo/redo is announced by `spans` above.
    createRelation: after(handlers.createRelation, (r) => feed.documents(r.description)),
    deleteRelation: after(handlers.deleteRelation, (r) => feed.documents(r.description)),
    // Entities and their links: other tabs refetch the entity list and the links of open documents.
    createEntity: after(handlers.createEntity, (r) => {
      if (r.created) feed.documents(r.description)
    }),
    linkSpans: after(handlers.linkSpans, (r) => feed.documents(r.description)),
    unlinkSpan: after(handlers.unlinkSpan, (r) => feed.documents(r.description)),
    renameEntity: after(handlers.renameEntity, (r) => feed.documents(r.description)),
    mergeEntities: after(handlers.mergeEntities, (r) => feed.documents(r.description)),
    // Meeting events (merged MEETING mentions): other tabs refetch the Meetings view and entity links.
    mergeMeetings: after(handlers.mergeMeetings, (r) => feed.documents(r.description)),
    splitMeeting: after(handlers.splitMeeting, (r) => {
      if (r.unlinked > 0) feed.documents(r.description)
    }),
    // Label schema (issue 10): other tabs refetch the labels and what they show.
    addLabel: after(handlers.addLabel, labels),
    editLabel: after(handlers.editLabel, labels),
    renameLabelKey: after(handlers.renameLabelKey, labels),
    reorderLabels: after(handlers.reorderLabels, labels),
    setLabelRetired: after(handlers.setLabelRetired, labels),
    importLabelSchema: after(handlers.importLabelSchema, labels),
    importFiles: after(handlers.importFiles, (r) => {
      if (r.newDocuments + r.newSpans > 0) feed.documents(`Imported ${r.newDocuments} new document(s) and ${r.newSpans} new span(s)`)
      // Only links or entities (issue 9): still announced, so other tabs refetch the links, the Entities panel and the Meetings view.
      else if (r.newRelations + r.newEntities + r.newEntityLinks > 0) {
        feed.documents(`Imported ${r.newRelations} new link(s), ${r.newEntities} new entit${r.newEntities === 1 ? 'y' : 'ies'} and ${r.newEntityLinks} span(s) linked to entities`)
      }
    }),
    mergeProject: after(handlers.mergeProject, (r) => feed.documents(`Merged ${r.from}`)),
    setReviewStatus: after(handlers.setReviewStatus, (r) => feed.documents(r.description)),
    setRestricted: after(handlers.setRestricted, (r) =>
      feed.documents(r.restricted ? `Marked ${r.docId} restricted` : `Marked ${r.docId} not restricted`)
    ),
    // Everything may differ after a restore: other tabs refetch all they show.
    restoreBackup: after(handlers.restoreBackup, (r) =>
      feed.emit({ kind: 'reload', description: `A backup (${r.restored.name}) was restored in another window or tab; showing it.` })
    )
  }
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
    feed.emit({ kind: 'reload', description: 'Another program changed this project; showing its changes.' }, null)
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
