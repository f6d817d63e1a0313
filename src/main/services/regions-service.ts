import { detectBoilerplate } from '../../shared/boilerplate'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import type { RegionChange } from '../store/change-records-repo'
import type { IgnoredRegion } from '../store/regions-repo'
import type { Project } from '../store/project'
import { ChangeLog, now } from './change-log'

export interface RegionInput {
  start: number
  end: number
  reason?: string | undefined
  source: 'manual' | 'suggested'
}

export interface SuggestedRegion {
  start: number
  end: number
  reason: string
  /** First and last line (1-based). */
  lines: [number, number]
}

/**
 * Regions of a document that are not article text (boilerplate), suggested by the detector
 * in src/shared/boilerplate.ts. Each stored region is exactly what one person marked (or
 * accepted from the detector): regions may overlap and are not merged, so unmarking one
 * removes exactly that mark and never a region someone else marked next to or under it
 * (issue 15). Marking and unmarking are undo steps. Spans cannot be created inside regions
 * (see AnnotationService); spans that were already there are kept and counted.
 */
export class RegionsService {
  /** The detector's output per document (texts never change; the renderer asks after every change). */
  private readonly detected = new Map<string, ReturnType<typeof detectBoilerplate>>()
  private readonly log: ChangeLog

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
  }

  list(docId: string): IgnoredRegion[] {
    this.requireDoc(docId)
    return this.project.regions.list(docId)
  }

  /** The detector's regions, minus what is already stored (the parts outside stored regions). */
  suggest(docId: string): SuggestedRegion[] {
    const text = this.requireDoc(docId).text
    const stored = this.project.regions.list(docId)
    const out: SuggestedRegion[] = []
    let found = this.detected.get(docId)
    if (!found) {
      found = detectBoilerplate(text)
      this.detected.set(docId, found)
      if (this.detected.size > 32) this.detected.delete(this.detected.keys().next().value as string)
    }
    for (const r of found) {
      for (const piece of subtract(r, stored)) out.push({ ...piece, reason: r.reason, lines: r.lines })
    }
    return out
  }

  add(a: { annotator: string; docId: string; regions: RegionInput[] }): {
    regions: IgnoredRegion[]
    description: Message
    spansInside: number
  } {
    const { project } = this
    const doc = this.requireDoc(a.docId)
    for (const r of a.regions) {
      if (r.end <= r.start) throw new ApiError('invalid_args', msg('errors:region.empty', { start: r.start, end: r.end }))
      if (r.end > doc.length) {
        throw new ApiError('invalid_args', msg('errors:region.pastEnd', { end: r.end, docId: a.docId, length: doc.length }))
      }
    }
    const at = now()
    const n = a.regions.length
    const description = project.write(() => {
      const changes: RegionChange[] = []
      for (const r of [...a.regions].sort((x, y) => x.start - y.start)) {
        const made = storeRegion(project, a.docId, r, a.annotator, at)
        if (made) changes.push({ regionId: made.id, docId: a.docId, before: null, after: regionState(made) })
      }
      const inside = this.spansInside(a.docId, a.annotator, project.regions.list(a.docId))
      const description = inside > 0 ? msg('changes:markRegionsInside', { count: n, docId: a.docId, inside }) : msg('changes:markRegions', { count: n, docId: a.docId })
      if (changes.length > 0) this.log.commitAction(a.annotator, 'create', description, [], [], { regions: changes })
      return description
    })
    const regions = project.regions.list(a.docId)
    return { regions, spansInside: this.spansInside(a.docId, a.annotator, regions), description }
  }

  /** Unmarks exactly one stored region (what one person marked); one undo step. */
  remove(a: { annotator: string; id: number }): { regions: IgnoredRegion[]; description: Message; docId: string } {
    const region = this.project.regions.get(a.id)
    if (!region) throw new ApiError('not_found', msg('errors:region.notFound', { id: a.id }))
    const description = msg('changes:unmarkRegion', { docId: region.docId })
    this.project.write(() => {
      this.project.regions.delete(a.id)
      const change: RegionChange = { regionId: region.id, docId: region.docId, before: regionState(region), after: null }
      this.log.commitAction(a.annotator, 'delete', description, [], [], { regions: [change] })
    })
    return { regions: this.project.regions.list(region.docId), docId: region.docId, description }
  }

  /** How many of the layer's spans overlap the regions (kept, but shown as a warning). */
  spansInside(docId: string, annotator: string, regions: readonly IgnoredRegion[]): number {
    if (regions.length === 0) return 0
    return this.project.spans.layer(docId, annotator).filter((s) => regions.some((r) => r.start < s.end && r.end > s.start)).length
  }

  private requireDoc(docId: string): { text: string; length: number } {
    const doc = this.project.documents.text(docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId }))
    return doc
  }
}

/**
 * Stores a region as marked (call inside a transaction): not merged with the regions it overlaps
 * or touches, so unmarking it later removes exactly it. Returns null (nothing stored) when a
 * region with the same range is there already.
 */
export function storeRegion(project: Project, docId: string, r: RegionInput, createdBy: string, at: string): IgnoredRegion | null {
  if (project.regions.touching(docId, r.start, r.end).some((old) => old.start === r.start && old.end === r.end)) return null
  const reason = r.reason?.trim() || (r.source === 'manual' ? 'marked by hand' : 'suggested')
  return project.regions.insert({ docId, start: r.start, end: r.end, source: r.source, reason, createdBy, createdAt: at })
}

/** A region as the history keeps it. */
export function regionState(r: IgnoredRegion): RegionChange['after'] & object {
  return { start: r.start, end: r.end, source: r.source, reason: r.reason, createdBy: r.createdBy, createdAt: r.createdAt }
}

/** The parts of r outside every stored region (regions sorted by start). */
function subtract(r: { start: number; end: number }, stored: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  let pieces = [{ start: r.start, end: r.end }]
  for (const s of stored) {
    if (s.end <= r.start || s.start >= r.end) continue
    pieces = pieces.flatMap((p) => {
      if (s.end <= p.start || s.start >= p.end) return [p]
      const out: { start: number; end: number }[] = []
      if (s.start > p.start) out.push({ start: p.start, end: s.start })
      if (s.end < p.end) out.push({ start: s.end, end: p.end })
      return out
    })
  }
  return pieces.filter((p) => p.end - p.start > 1)
}

/** The message a span attempt inside an ignored region gets. */
export function ignoredRegionMessage(region: Pick<IgnoredRegion, 'reason'>): Message {
  return msg('errors:ignoredText', { reason: region.reason })
}
