import { codePoints } from './tokens'
import type { DatasetDoc, DatasetSpan } from './types'

/** A region that is not article text: code points, end exclusive. */
export interface IgnoredRange {
  start: number
  end: number
}

export interface CutDocument {
  /** The document with the ignored regions taken out of its text. */
  doc: DatasetDoc
  /** The spans outside every region, moved to offsets in the cut text. */
  spans: DatasetSpan[]
  /** Spans that overlap a region (offsets in the original text): not written, counted as dropped-ignored. */
  dropped: DatasetSpan[]
  /** Code points taken out. */
  ignoredCharacters: number
}

/**
 * Takes the ignored regions (boilerplate) out of a document before a dataset
 * encodes it, so no token, sentence or tag of a model's training data comes
 * from menus or related-headline lists. Where cutting would join two words
 * (a region inside a line), a space is put in their place. Overlapping regions
 * are merged first.
 */
export function cutIgnored(doc: DatasetDoc, spans: readonly DatasetSpan[], ignored: readonly IgnoredRange[]): CutDocument {
  if (ignored.length === 0) return { doc, spans: [...spans], dropped: [], ignoredCharacters: 0 }
  const cps = codePoints(doc.text)
  const regions = mergeRanges(ignored.map((r) => ({ start: Math.max(0, r.start), end: Math.min(cps.length, r.end) })).filter((r) => r.end > r.start))
  // shift[k]: how far a position after region k moves left.
  const parts: string[] = []
  const moves: { at: number; shift: number }[] = []
  let at = 0
  let shift = 0
  let cut = 0
  for (const r of regions) {
    parts.push(cps.slice(at, r.start).join(''))
    const before = cps[r.start - 1]
    const after = cps[r.end]
    const glue = before !== undefined && after !== undefined && !/\s/u.test(before) && !/\s/u.test(after) ? ' ' : ''
    parts.push(glue)
    cut += r.end - r.start
    shift += r.end - r.start - glue.length
    moves.push({ at: r.end, shift })
    at = r.end
  }
  parts.push(cps.slice(at).join(''))
  const shiftAt = (pos: number): number => {
    let s = 0
    for (const m of moves) if (m.at <= pos) s = m.shift
    return s
  }
  const kept: DatasetSpan[] = []
  const dropped: DatasetSpan[] = []
  for (const s of spans) {
    if (regions.some((r) => r.start < s.end && r.end > s.start)) dropped.push(s)
    else kept.push({ start: s.start - shiftAt(s.start), end: s.end - shiftAt(s.start), label: s.label })
  }
  return { doc: { ...doc, text: parts.join('') }, spans: kept, dropped, ignoredCharacters: cut }
}

function mergeRanges(ranges: IgnoredRange[]): IgnoredRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const out: IgnoredRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else out.push({ ...r })
  }
  return out
}
