import type { DocumentRecord, Span } from './domain'
import { OffsetMap } from './offsets'

/** Order of spans in every export: start, then end, then label key. */
export function compareSpans(a: { start: number; end: number; label: string }, b: { start: number; end: number; label: string }): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
}

/**
 * One line of the canonical JSONL export (no trailing newline):
 * {"id","text","annotator","meta","spans":[{"start","end","label","text"}]}, offsets in code points,
 * plus "ignored": [[start, end], …] (regions that are not article text, code points) when the
 * document has any; the key is left out when it has none. A span linked to an entity carries
 * "entity_id" (the id in the entities.jsonl written beside the export). A document whose layer has
 * links gets "relations": [{"from", "to", "type"}] naming spans by their "id", which its spans then
 * carry; both keys are left out when it has no links, so such lines are as they always were.
 */
export function encodeCanonicalLine(
  doc: Pick<DocumentRecord, 'id' | 'text' | 'meta'>,
  annotator: string,
  spans: readonly (Pick<Span, 'start' | 'end' | 'label'> & { entityId?: number | undefined; id?: number | undefined })[],
  ignored: readonly { start: number; end: number }[] = [],
  relations: readonly { from: number; to: number; type: string }[] = []
): string {
  const map = OffsetMap.of(doc.text)
  const sorted = [...spans].sort(compareSpans)
  return JSON.stringify({
    id: doc.id,
    text: doc.text,
    annotator,
    meta: doc.meta,
    spans: sorted.map((s) => ({
      start: s.start,
      end: s.end,
      label: s.label,
      text: doc.text.slice(map.toUtf16(s.start), map.toUtf16(s.end)),
      ...(relations.length > 0 && s.id !== undefined ? { id: s.id } : {}),
      ...(s.entityId !== undefined ? { entity_id: s.entityId } : {})
    })),
    ...(ignored.length > 0 ? { ignored: [...ignored].sort((a, b) => a.start - b.start).map((r) => [r.start, r.end]) } : {}),
    ...(relations.length > 0 ? { relations: relations.map((r) => ({ from: r.from, to: r.to, type: r.type })) } : {})
  })
}
