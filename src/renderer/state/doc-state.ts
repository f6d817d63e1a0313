import type { DocumentRecord, Span, SpanChange } from '../../shared/domain'
import { OffsetMap } from '../../shared/offsets'
import { blockAt, splitBlocks, type Block } from '../text/blocks'
import type { RenderSpan } from '../text/nest'

/**
 * A document open in the renderer: its text cut into blocks, and one
 * annotator's spans indexed by the blocks they touch (an interval index at
 * block granularity). Changes replace only the touched blocks' lists, so only
 * those blocks re-render.
 */
export interface LoadedDoc {
  doc: DocumentRecord
  map: OffsetMap
  blocks: readonly Block[]
  /** Spans by id, offsets in code points as the API gives them. */
  spans: ReadonlyMap<number, Span>
  /** For each block, the spans overlapping it (UTF-16 offsets). */
  blockSpans: readonly (readonly RenderSpan[])[]
}

export function loadDoc(doc: DocumentRecord, spans: readonly Span[]): LoadedDoc {
  const map = OffsetMap.of(doc.text)
  const blocks = splitBlocks(doc.text)
  const blockSpans: RenderSpan[][] = blocks.map(() => [])
  const byId = new Map<number, Span>()
  for (const span of spans) {
    byId.set(span.id, span)
    const r = toRender(map, span)
    forBlocks(blocks, r, (b) => (blockSpans[b] as RenderSpan[]).push(r))
  }
  return { doc, map, blocks, spans: byId, blockSpans }
}

/** Applies committed changes to this document's layer; returns a new object sharing untouched blocks. */
export function applyChanges(d: LoadedDoc, changes: readonly SpanChange[]): LoadedDoc {
  const spans = new Map(d.spans)
  const blockSpans = [...d.blockSpans]
  for (const c of changes) {
    if (c.docId !== d.doc.id) continue
    const old = spans.get(c.spanId)
    if (old) {
      spans.delete(c.spanId)
      forBlocks(d.blocks, toRender(d.map, old), (b) => {
        blockSpans[b] = (blockSpans[b] as readonly RenderSpan[]).filter((s) => s.id !== c.spanId)
      })
    }
    if (c.after) {
      const span: Span = { id: c.spanId, docId: c.docId, annotator: c.annotator, ...c.after }
      spans.set(span.id, span)
      const r = toRender(d.map, span)
      forBlocks(d.blocks, r, (b) => {
        blockSpans[b] = [...(blockSpans[b] as readonly RenderSpan[]), r]
      })
    }
  }
  return { ...d, spans, blockSpans }
}

function toRender(map: OffsetMap, s: Span): RenderSpan {
  return { id: s.id, start: map.toUtf16(s.start), end: map.toUtf16(s.end), label: s.label }
}

function forBlocks(blocks: readonly Block[], r: RenderSpan, fn: (index: number) => void): void {
  if (blocks.length === 0) return
  const last = blockAt(blocks, Math.max(r.start, r.end - 1))
  for (let b = blockAt(blocks, r.start); b <= last; b++) fn(b)
}
