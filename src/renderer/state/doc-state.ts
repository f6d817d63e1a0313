import type { DocumentRecord, Span, SpanChange } from '../../shared/domain'
import { OffsetMap } from '../../shared/offsets'
import { blockAt, splitBlocks, type Block } from '../text/blocks'
import type { RenderSpan } from '../text/nest'
import { SpanTable } from './span-table'

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
  /** Spans by id, offsets in code points as the API gives them; provisional ones have negative ids. */
  spans: SpanTable
  /** For each block, the spans overlapping it (UTF-16 offsets). */
  blockSpans: readonly (readonly RenderSpan[])[]
}

export function loadDoc(doc: DocumentRecord, spans: readonly Span[]): LoadedDoc {
  const map = OffsetMap.of(doc.text)
  const blocks = splitBlocks(doc.text)
  const blockSpans: RenderSpan[][] = blocks.map(() => [])
  for (const span of spans) {
    const r = toRender(map, span)
    forBlocks(blocks, r, (b) => (blockSpans[b] as RenderSpan[]).push(r))
  }
  return { doc, map, blocks, spans: SpanTable.of(spans), blockSpans }
}

/** Applies committed changes to this document's layer; returns a new object sharing untouched blocks. */
export function applyChanges(d: LoadedDoc, changes: readonly SpanChange[]): LoadedDoc {
  const draft = new Draft(d)
  for (const c of changes) {
    if (c.docId !== d.doc.id) continue
    draft.remove(c.spanId)
    if (c.after) draft.add({ id: c.spanId, docId: c.docId, annotator: c.annotator, ...c.after }, false)
  }
  return draft.done()
}

/**
 * Draws a span the core has not confirmed yet (optimistic painting): it has a
 * negative id and is marked pending until the save returns and replaces it
 * (or fails and removes it).
 */
export function addPending(d: LoadedDoc, span: Span): LoadedDoc {
  const draft = new Draft(d)
  draft.add(span, true)
  return draft.done()
}

/** Puts a span in place of the one with its id (an optimistic relabel, or a rollback), pending or not. */
export function putSpan(d: LoadedDoc, span: Span, pending: boolean): LoadedDoc {
  const draft = new Draft(d)
  draft.remove(span.id)
  draft.add(span, pending)
  return draft.done()
}

/** Removes spans (committed or provisional) by id; ids not present are ignored. */
export function removeSpans(d: LoadedDoc, ids: readonly number[]): LoadedDoc {
  const draft = new Draft(d)
  for (const id of ids) draft.remove(id)
  return draft.done()
}

/** Changes to one document, copying the block list once however many spans change. */
class Draft {
  private spans: SpanTable
  private blockSpans: (readonly RenderSpan[])[] | null = null
  constructor(private readonly d: LoadedDoc) {
    this.spans = d.spans
  }

  private blocks(): (readonly RenderSpan[])[] {
    return (this.blockSpans ??= [...this.d.blockSpans])
  }

  remove(id: number): void {
    const old = this.spans.get(id)
    if (!old) return
    const blocks = this.blocks()
    forBlocks(this.d.blocks, toRender(this.d.map, old), (b) => {
      blocks[b] = (blocks[b] as readonly RenderSpan[]).filter((s) => s.id !== id)
    })
    this.spans = this.spans.without(id)
  }

  add(span: Span, pending: boolean): void {
    const r = toRender(this.d.map, span)
    if (pending) r.pending = true
    const blocks = this.blocks()
    forBlocks(this.d.blocks, r, (b) => {
      blocks[b] = [...(blocks[b] as readonly RenderSpan[]), r]
    })
    this.spans = this.spans.with(span)
  }

  done(): LoadedDoc {
    return this.blockSpans ? { ...this.d, spans: this.spans, blockSpans: this.blockSpans } : this.d
  }
}

function toRender(map: OffsetMap, s: Span): RenderSpan {
  return { id: s.id, start: map.toUtf16(s.start), end: map.toUtf16(s.end), label: s.label }
}

function forBlocks(blocks: readonly Block[], r: RenderSpan, fn: (index: number) => void): void {
  if (blocks.length === 0) return
  const last = blockAt(blocks, Math.max(r.start, r.end - 1))
  for (let b = blockAt(blocks, r.start); b <= last; b++) fn(b)
}
