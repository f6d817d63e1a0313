import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'
import { TextCache, type CachedText } from './text-cache'

/**
 * What every service of one open project shares: one cache of document texts and
 * the one "no such document" refusal (the label a new span may take is usable-label.ts,
 * one function every service calls). SQL stays in src/main/store;
 * this only keeps what is derived from it. `refresh()` drops every cache (after a
 * restore replaced the content under the running core); services that derive
 * state of their own register with `onRefresh` to drop it at the same moment.
 */
export class ProjectContext {
  readonly texts: TextCache
  private readonly listeners = new Set<() => void>()

  constructor(readonly project: Project) {
    this.texts = new TextCache(project, 16)
  }

  /** The document's text with its offset map; throws not_found when the project has no such document. */
  requireDoc(docId: string): CachedText {
    const doc = this.texts.get(docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId }))
    return doc
  }

  /** Calls `drop` whenever the project's content was replaced; returns the unsubscribe. */
  onRefresh(drop: () => void): () => void {
    this.listeners.add(drop)
    return () => void this.listeners.delete(drop)
  }

  /** The project's content was replaced (a restore): forget everything read from it. */
  refresh(): void {
    this.texts.clear()
    for (const drop of [...this.listeners]) drop()
  }
}

const contexts = new WeakMap<Project, ProjectContext>()

/** The one context of an open project, shared by every service working on it. */
export function contextOf(project: Project): ProjectContext {
  let ctx = contexts.get(project)
  if (!ctx) contexts.set(project, (ctx = new ProjectContext(project)))
  return ctx
}
