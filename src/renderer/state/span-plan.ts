import type { LabelDef } from '../../shared/domain'
import { labelledIn, spanForSelection } from '../../shared/korean/span-snap'
import type { Message } from '../../shared/message'
import { blockAt } from '../text/blocks'
import type { LoadedDoc } from './doc-state'

/**
 * The span createSpan will save for a selection (code points), computed in the renderer so that
 * the provisional mark can be drawn at the keydown: the same shared function as the core
 * (src/shared/korean/span-snap.ts) with the same inputs. isKnown looks in the layer being labelled,
 * as the core does; here that is the loaded layer with the provisional spans of saves still queued
 * (the core will have committed them first). Cheap: the block index answers each lookup.
 */
export function plannedSpan(
  loaded: LoadedDoc,
  start: number,
  end: number,
  req: { trim: boolean; snap: boolean; label: Pick<LabelDef, 'name' | 'crossParagraphs'> }
): { ok: true; start: number; end: number } | { ok: false; reason: Message } {
  const { map, doc, blocks, blockSpans } = loaded
  const text = doc.text
  const spanAt = (s: number, e: number): boolean => blocks.length > 0 && (blockSpans[blockAt(blocks, s)] ?? []).some((r) => r.start === s && r.end === e)
  const r = spanForSelection(text, map.toUtf16(start), map.toUtf16(end), {
    trim: req.trim,
    snap: req.snap,
    crossParagraphs: req.label.crossParagraphs === true,
    labelName: req.label.name,
    isKnown: (word) => labelledIn(text, word, spanAt)
  })
  return r.ok ? { ok: true, start: map.toCodePoint(r.start), end: map.toCodePoint(r.end) } : r
}
