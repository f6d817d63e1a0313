/**
 * Types of the dataset format layer. Offsets are Unicode code points, end
 * exclusive (Python's text[start:end]), unless a name says otherwise.
 */

export type DatasetFormat = 'spanmark' | 'doccano' | 'prodigy' | 'hf' | 'klue' | 'spacy'
export type ImportFormat = 'spanmark' | 'doccano' | 'prodigy'
/** Import formats that are not JSONL. */
export type TsvImportFormat = 'klue'
export type AlignMode = 'expand' | 'contract' | 'drop'
export type TokenMode = 'char' | 'eojeol' | 'morph'
export type OffsetUnit = 'utf16' | 'codepoint'
export type ReviewStatus = 'unreviewed' | 'in_review' | 'reviewed'

export const DATASET_FORMATS: readonly DatasetFormat[] = ['spanmark', 'doccano', 'prodigy', 'hf', 'klue', 'spacy']
export const IMPORT_FORMATS: readonly ImportFormat[] = ['spanmark', 'doccano', 'prodigy']
export const ALIGN_MODES: readonly AlignMode[] = ['expand', 'contract', 'drop']
export const TOKEN_MODES: readonly TokenMode[] = ['morph', 'eojeol', 'char']

/** Formats that write tokens and therefore align spans to them and cannot hold overlaps. */
export const TOKEN_FORMATS: readonly DatasetFormat[] = ['prodigy', 'hf', 'klue', 'spacy']

export interface DatasetSpan {
  start: number
  end: number
  label: string
}

export interface DatasetDoc {
  id: string
  text: string
  meta: Record<string, unknown>
  /** Review status; the spanmark format writes it, the others ignore it. */
  status?: ReviewStatus | undefined
  /**
   * Regions that are not article text (code points). spanmark lists them as "ignored";
   * the other formats take them out of the text and count the spans inside as dropped-ignored.
   */
  ignored?: readonly { start: number; end: number }[] | undefined
}

/** A token: code point offsets into the document text, end exclusive. */
export interface Token {
  start: number
  end: number
  text: string
}

export interface LabelOptions {
  /** Renames, FROM → TO; applied first. Labels without an entry keep their name. */
  map?: Readonly<Record<string, string>> | undefined
  /** Labels (names after `map`) to keep; undefined keeps every label. */
  keep?: readonly string[] | undefined
}

export interface ExportOptions {
  format: DatasetFormat
  labels?: LabelOptions | undefined
  /** Token formats only (prodigy, hf, klue, spacy). Default expand. */
  align?: AlignMode | undefined
  /** prodigy, hf and spacy. Default morph. KLUE always uses characters. */
  tokens?: TokenMode | undefined
  /** doccano only. Default utf16, as doccano counts (doccano issue #2290). */
  offsets?: OffsetUnit | undefined
  /** spanmark only: the "annotator" field (the layer exported, e.g. gold). Default gold. */
  annotator?: string | undefined
  /**
   * klue only: label → KLUE tag, applied after `labels` (so `keep` names labels
   * before this rename). Default KLUE_DEFAULT_TAGS; labels without an entry keep their name.
   */
  klueTags?: Readonly<Record<string, string>> | undefined
}

/** What an import decoder returns for one line: offsets in code points. */
export interface DecodedDocument {
  id: string
  text: string
  meta: Record<string, unknown>
  spans: DatasetSpan[]
  /** spanmark lines only. */
  annotator?: string | undefined
  /** spanmark lines only. */
  status?: ReviewStatus | undefined
  /** prodigy lines only: "accept", "reject" or "ignore" when present. The importer decides what to skip. */
  answer?: string | undefined
  /** doccano relation lines only: each span's entity "id" in the file (parallel to spans), and the links between them. */
  spanIds?: (number | string)[] | undefined
  relations?: { from: number | string; to: number | string; type: string }[] | undefined
}

/** Outcome of one input span in an export; every input span gets exactly one. */
export type SpanOutcome =
  | 'kept'
  | 'aligned-expanded'
  | 'aligned-contracted'
  | 'dropped-align'
  | 'dropped-overlap'
  | 'dropped-sentence'
  | 'removed-label'
  | 'dropped-ignored'

export const SPAN_OUTCOMES: readonly SpanOutcome[] = [
  'kept',
  'aligned-expanded',
  'aligned-contracted',
  'dropped-align',
  'dropped-overlap',
  'dropped-sentence',
  'removed-label',
  'dropped-ignored'
]

/** Outcomes whose span is written (possibly moved). */
export const WRITTEN_OUTCOMES: readonly SpanOutcome[] = ['kept', 'aligned-expanded', 'aligned-contracted']

export interface OutcomeRecord {
  docId: string
  outcome: SpanOutcome
  /** The span as it came in: offsets and label before anything changed. */
  original: DatasetSpan
  /** Text at the original offsets. */
  text: string
  /** Label after `map` (what `keep` looked at). */
  label: string
  /** The span as written (output label), for written outcomes. */
  written?: DatasetSpan | undefined
  /** dropped-overlap: the span that was kept in its place (output label). */
  keptInstead?: DatasetSpan | undefined
  /** One sentence for people. */
  reason: string
}
