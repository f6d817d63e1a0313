import type { z } from 'zod'
import type { docSummarySchema, documentSchema, labelDefSchema, layoutSchema, spanChangeSchema, spanSchema, spanStateSchema } from './schemas'

/**
 * Domain types shared by every runtime, derived from their zod schemas (src/shared/schemas.ts):
 * one definition, which the API contract and the importers validate with. All offsets here
 * are Unicode code points, end exclusive, so that Python's text[start:end] is the span text.
 * Only the renderer converts to UTF-16 (see offsets.ts), at its boundary with the DOM.
 */

/** A label: key (PERSON), display name, hotkey, #rrggbb colour, guideline; retired ones keep their spans. */
export type LabelDef = z.output<typeof labelDefSchema>
/** A document in the list: its length in code points, spans of the requested layer and of every layer. */
export type DocSummary = z.output<typeof docSummarySchema>
export type DocumentRecord = z.output<typeof documentSchema>
/** The part of a span that can change: what undo/redo restores. */
export type SpanState = z.output<typeof spanStateSchema>
export type Span = z.output<typeof spanSchema>
/** One span that a mutation created (before null), deleted (after null) or changed. */
export type SpanChange = z.output<typeof spanChangeSchema>
/** The open panes of a project, restored on the next start. */
export type Layout = z.output<typeof layoutSchema>
/** One pane: its document, the layer shown (absent: the current annotator's), the annotators compared in review mode. */
export type PaneLayout = Layout['panes'][number]

export { MAX_PANES } from './schemas'
