import { OffsetMap } from '../../shared/offsets'
import type { Project } from '../store/project'

export interface CachedText {
  text: string
  length: number
  map: OffsetMap
  /** text[start:end] in code points. */
  slice(start: number, end: number): string
}

/**
 * Document texts with their offset maps, for the write path: a document's text
 * never changes, so reading a million-character text and indexing its astral
 * characters once per edit (tens of milliseconds) is work done once instead.
 * Keeps the few most recently used documents. One per project, shared by its
 * services: see project-context.ts.
 */
export class TextCache {
  private readonly entries = new Map<string, CachedText>()

  constructor(
    private readonly project: Project,
    private readonly capacity = 8
  ) {}

  get(docId: string): CachedText | undefined {
    const hit = this.entries.get(docId)
    if (hit) {
      this.entries.delete(docId)
      this.entries.set(docId, hit)
      return hit
    }
    const row = this.project.documents.text(docId)
    if (!row) return undefined
    const map = OffsetMap.of(row.text)
    const entry: CachedText = { text: row.text, length: row.length, map, slice: (s, e) => row.text.slice(map.toUtf16(s), map.toUtf16(e)) }
    this.entries.set(docId, entry)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
    return entry
  }

  /** Forgets every text (the project's content was replaced by a restore). */
  clear(): void {
    this.entries.clear()
  }
}
