import type { LabelDef } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import type { Project } from '../store/project'
import { TextCache, type CachedText } from './text-cache'
import { usableLabel } from './usable-label'

/**
 * What every service of one open project shares: one cache of document texts,
 * the one "no such document" refusal, label lookups. SQL stays in src/main/store;
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
    if (!doc) throw new ApiError('not_found', `There is no document "${docId}" in this project.`)
    return doc
  }

  /** The label a new span may take (it exists and is not retired); throws otherwise. */
  usableLabel(key: string): LabelDef {
    return usableLabel(this.project, key)
  }

  /** A label's display name, or its key when the project has no such label. */
  labelName(key: string): string {
    return this.project.labels.get(key)?.name ?? key
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
