import { detectBoilerplate } from '../../shared/boilerplate'
import { ApiError } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import type { IgnoredRegion } from '../store/regions-repo'
import type { Project } from '../store/project'
import { now } from './change-log'

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
 * Regions of a document that are not article text (boilerplate): stored per
 * document, merged when they overlap or touch, suggested by the detector in
 * src/shared/boilerplate.ts. Spans cannot be created inside them (see
 * AnnotationService); spans that were already there are kept and counted.
 */
export class RegionsService {
  /** The detector's output per document (texts never change; the renderer asks after every change). */
  private readonly detected = new Map<string, ReturnType<typeof detectBoilerplate>>()

  constructor(private readonly project: Project) {}

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
    description: string
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
    project.write(() => {
      for (const r of [...a.regions].sort((x, y) => x.start - y.start)) storeRegion(project, a.docId, r, a.annotator, at)
    })
    const regions = project.regions.list(a.docId)
    const spansInside = this.spansInside(a.docId, a.annotator, regions)
    const n = a.regions.length
    const what = `Marked ${n === 1 ? '1 region' : `${n} regions`} of ${a.docId} as not article text`
    return { regions, spansInside, description: spansInside > 0 ? `${what}; ${spansInside} of your spans are inside (kept)` : what }
  }

  remove(a: { annotator: string; id: number }): { regions: IgnoredRegion[]; description: string; docId: string } {
    const region = this.project.regions.get(a.id)
    if (!region) throw new ApiError('not_found', msg('errors:region.notFound', { id: a.id }))
    this.project.write(() => this.project.regions.delete(a.id))
    return { regions: this.project.regions.list(region.docId), docId: region.docId, description: `Unmarked a region of ${region.docId}: it is article text again` }
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
 * Stores a region, merged with every stored region it overlaps or touches (call inside a
 * transaction). The merged region is manual if any part was; reasons are combined.
 */
export function storeRegion(project: Project, docId: string, r: RegionInput, createdBy: string, at: string): void {
  let start = r.start
  let end = r.end
  let manual = r.source === 'manual'
  const reasons = new Set((r.reason ?? '').split('; ').filter(Boolean))
  for (const old of project.regions.touching(docId, start, end)) {
    start = Math.min(start, old.start)
    end = Math.max(end, old.end)
    manual ||= old.source === 'manual'
    for (const why of old.reason.split('; ').filter(Boolean)) reasons.add(why)
    project.regions.delete(old.id)
  }
  const reason = [...reasons].join('; ') || (manual ? 'marked by hand' : 'suggested')
  project.regions.insert({ docId, start, end, source: manual ? 'manual' : 'suggested', reason, createdBy, createdAt: at })
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
