import type { DocOverlays } from '../state/overlays'
import type { OffsetMap } from '../../shared/offsets'
import { msg } from '../../shared/message'
import { blockAt, type Block } from './blocks'
import type { RenderSpan } from './nest'

/** Ids of overlay elements: far below provisional span ids (-1, -2, …), one range per kind. */
const REGION_ID = -1e9
const REGION_SUGGESTION_ID = -2e9
const SUGGESTION_ID = -3e9

/**
 * Turns a document's overlays (code points) into RenderSpans with an `overlay`
 * kind (UTF-16), listed per block like spans, so Block nests and draws them in
 * the same pass as spans: ignored regions, suggested regions (only when
 * previewed) and span suggestions. Blocks without overlays share one empty list.
 */
export function overlaysByBlock(map: OffsetMap, blocks: readonly Block[], o: DocOverlays | undefined, preview: boolean): readonly (readonly RenderSpan[])[] {
  const out: RenderSpan[][] = blocks.map(() => EMPTY as RenderSpan[])
  if (!o || blocks.length === 0) return out
  const put = (r: RenderSpan): void => {
    const last = blockAt(blocks, Math.max(r.start, r.end - 1))
    for (let b = blockAt(blocks, r.start); b <= last; b++) {
      if (out[b] === EMPTY) out[b] = []
      ;(out[b] as RenderSpan[]).push(r)
    }
  }
  const u = (cp: number): number => map.toUtf16(cp)
  for (const r of o.regions) {
    put({ id: REGION_ID - r.id, start: u(r.start), end: u(r.end), label: '', overlay: 'ignored', regionId: r.id, note: r.reason })
  }
  if (preview) {
    o.suggestedRegions.forEach((r, i) => {
      put({ id: REGION_SUGGESTION_ID - i, start: u(r.start), end: u(r.end), label: '', overlay: 'region-suggestion', cp: { start: r.start, end: r.end }, note: r.reason })
    })
  }
  o.suggestions.forEach((s, i) => {
    put({ id: SUGGESTION_ID - i, start: u(s.start), end: u(s.end), label: s.label, overlay: 'suggestion', cp: { start: s.start, end: s.end }, note: msg(s.source === 'mine' ? 'overlays:suggestionMine' : 'overlays:suggestionGold', { text: s.text, count: s.count }) })
  })
  return out
}

const EMPTY: readonly RenderSpan[] = Object.freeze([])
