/**
 * Domain types shared by every runtime. All offsets here are Unicode code points,
 * end exclusive, so that Python's text[start:end] is the span text. Only the renderer
 * converts to UTF-16 (see offsets.ts), at its boundary with the DOM.
 */

export interface LabelDef {
  /** Stable key written to files and the database, e.g. PERSON. */
  key: string
  /** Display name, e.g. Person. */
  name: string
  /** Single key that applies the label, e.g. 1. */
  hotkey: string
  /** #rrggbb colour. */
  color: string
  /** One-line guideline shown in the app. */
  guideline: string
  /** Retired (issue 10): its spans stay and are marked; it is no longer offered for labelling. */
  retired?: boolean
  /** Its spans may run across a paragraph (line) break (issue 15); absent: they may not. */
  crossParagraphs?: boolean
}

export interface DocSummary {
  id: string
  title: string
  /** Length of the text in code points. */
  length: number
  /** Spans in the requested annotator's layer. */
  spanCount: number
  /** Every layer with spans on this document, and how many. */
  layers: { annotator: string; spans: number }[]
  status: 'unreviewed' | 'in_review' | 'reviewed'
  /** Why the text may not be used to train models, or null: datasets leave restricted documents out by default. */
  restricted: string | null
}

export interface DocumentRecord {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  /** Length of the text in code points. */
  length: number
}

/** The part of a span that can change: what undo/redo restores. */
export interface SpanState {
  start: number
  end: number
  label: string
}

export interface Span extends SpanState {
  id: number
  docId: string
  annotator: string
}

/** One span that a mutation created (before null), deleted (after null) or changed. */
export interface SpanChange {
  spanId: number
  docId: string
  annotator: string
  before: SpanState | null
  after: SpanState | null
}

export interface PaneLayout {
  docId: string
  /** The layer shown (an annotator, or gold); absent: the current annotator's. */
  layer?: string | undefined
  /** Review mode: the annotators compared. */
  review?: string[] | undefined
}

/** The open panes of a project, restored on the next start. */
export interface Layout {
  panes: PaneLayout[]
  /** Percentages, one per pane. */
  sizes: number[]
  active: number
}

export const MAX_PANES = 4
