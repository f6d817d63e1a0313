/**
 * Inter-annotator agreement: input and report types.
 *
 * Offsets are Unicode code points, end exclusive (Python's text[start:end]).
 * The report is plain data: JSON.stringify(report) is what the CLI prints.
 *
 * Every score is a number or null. null means "undefined for this data", almost
 * always because nobody made a span there ("no spans" in the table); computeAgreement's
 * doc comment lists the rules.
 *
 * Example (2 annotators, 2 documents; numbers shortened, "…" marks left-out entries):
 * {
 *   "annotators": ["alice", "bob"],
 *   "pairs": [{ "a": "alice", "b": "bob", "exact_f1": 0.4, "overlap_f1": 0.4, "kappa": 0.421, "alpha_u": 0.176,
 *               "spans_a": 3, "spans_b": 2, "exact_matches": 1, "overlap_matches": 1 }],
 *   "overall": { "exact_f1": 0.4, "overlap_f1": 0.4, "kappa": 0.421, "alpha_u": 0.176,
 *                "spans": { "alice": 3, "bob": 2 }, "documents": 2, "characters": 30, "non_whitespace": 22 },
 *   "labels": {
 *     "PERSON": { "exact_f1": 0.5, "overlap_f1": 0.5, "kappa": 0.32, "alpha_u": 0.217, "spans": { "alice": 2, "bob": 2 },
 *                 "pairs": [{ "a": "alice", "b": "bob", "exact_f1": 0.5, …, "exact_matches": 1, "overlap_matches": 1 }] },
 *     "DATE": { "exact_f1": 0, "overlap_f1": 0, "kappa": 0, "alpha_u": -0.113, "spans": { "alice": 1, "bob": 0 }, "pairs": […] }
 *   },
 *   "confusion": {
 *     "labels": ["PERSON", "DATE", "∅"],
 *     "counts": { "PERSON": { "PERSON": 1, "DATE": 1, "∅": 1 }, "DATE": { "PERSON": 1, "DATE": 0, "∅": 0 },
 *                 "∅": { "PERSON": 1, "DATE": 0, "∅": 0 } },
 *     "pairs": [{ "a": "alice", "b": "bob", "counts": { "PERSON": { "PERSON": 1, "DATE": 0, "∅": 1 },
 *                 "DATE": { "PERSON": 1, "DATE": 0, "∅": 0 }, "∅": { "PERSON": 0, "DATE": 0, "∅": 0 } } }]
 *   },
 *   "documents": [
 *     { "id": "news-1", "exact_f1": 0.4, "overlap_f1": 0.4, "kappa": 0.421, "alpha_u": 0.231, "characters": 27,
 *       "spans": { "alice": 3, "bob": 2 } },
 *     { "id": "news-2", "exact_f1": null, "overlap_f1": null, "kappa": null, "alpha_u": null, "characters": 3,
 *       "spans": { "alice": 0, "bob": 0 } }
 *   ]
 * }
 */

export interface AgreementSpan {
  start: number
  end: number
  label: string
}

export interface AgreementDocument {
  id: string
  text: string
  /** Spans by annotator. A missing key means that annotator has no spans in this document. */
  layers: Record<string, AgreementSpan[]>
  /** Links by annotator (meeting → participant, date, place); omitted when nobody linked. */
  links?: Record<string, AgreementLink[]>
}

/** A link as agreement sees it: its ends by (start, end, label), since span ids differ between layers. */
export interface AgreementLink {
  from: AgreementSpan
  to: AgreementSpan
  /** The role, e.g. "participant". */
  type: string
}

/** Exact-match F1 over (meeting, role, argument) triples, averaged over annotator pairs. */
export interface LinkScores {
  exact_f1: Score
  /** Distinct triples by annotator. */
  links: Record<string, number>
  /** Pairs: triples of a that b has too. */
  pairs: { a: string; b: string; exact_f1: Score; links_a: number; links_b: number; matched: number }[]
}

export interface RelationsReport extends LinkScores {
  /** By role, sorted by role key. */
  roles: Record<string, LinkScores>
}

export interface AgreementInput {
  /** At least two distinct names. Layers of other names are ignored. */
  annotators: string[]
  /**
   * The project's label keys, in display order. Labels that occur in spans but not
   * here are added after them, sorted, so that no span is silently dropped.
   */
  labels: string[]
  documents: AgreementDocument[]
}

/** A score in [-1, 1] (F1 in [0, 1]), or null when it is undefined for the data. */
export type Score = number | null

export interface Scores {
  /** F1 over distinct (start, end, label) triples: 2·|A∩B| / (|A| + |B|). */
  exact_f1: Score
  /** F1 where overlapping spans with the same label match, each span at most once (greedy, largest overlap first). */
  overlap_f1: Score
  /** Cohen's kappa over non-whitespace characters (multi-class with "O"; per label: label vs not). */
  kappa: Score
  /** Krippendorff's unitizing alpha (alpha_u) over the code point continuum. */
  alpha_u: Score
}

/** Distinct spans (duplicates within one layer counted once) by annotator name. */
export type SpanCounts = Record<string, number>

/** Scores of one pair of annotators (a before b in the annotators list). */
export interface PairScores extends Scores {
  a: string
  b: string
  /** Distinct spans of a and of b in the scope (all documents; one label for label pairs). */
  spans_a: number
  spans_b: number
  /** Spans of a that have an identical span in b. */
  exact_matches: number
  /** Span pairs matched by the overlap rule (each span at most once). */
  overlap_matches: number
}

/** Averages over all pairs (nulls left out), all documents pooled. alpha_u is joint over all annotators. */
export interface OverallScores extends Scores {
  spans: SpanCounts
  documents: number
  /** Code points in all documents: the continuum of alpha_u. */
  characters: number
  /** Non-whitespace code points: the items of kappa. */
  non_whitespace: number
}

/** Scores restricted to one label: averages over pairs, and each pair. */
export interface LabelScores extends Scores {
  spans: SpanCounts
  pairs: PairScores[]
}

/** The "missing" row/column of a confusion matrix: a span that nobody in the other layer matched. */
export const MISSING = '∅'

/** counts[row][col] for every label of `labels` (which ends with MISSING). */
export type ConfusionCounts = Record<string, Record<string, number>>

export interface PairConfusion {
  a: string
  b: string
  /** Rows: the label a gave; columns: the label b gave to the span matched with it. */
  counts: ConfusionCounts
}

/**
 * Span-level label confusion. For each pair of annotators and each document, spans are
 * matched: identical (start, end, label) first, then identical boundaries with another
 * label, then overlapping spans, largest overlap first (same label preferred on ties).
 * A span left unmatched is counted against MISSING.
 */
export interface Confusion {
  /** Row and column order: the report's labels, then MISSING. */
  labels: string[]
  /**
   * Summed over all pairs, symmetric: counts[x][y] === counts[y][x] is the number of matched
   * span pairs where one annotator said x and the other y (for x ≠ y); counts[x][x] counts
   * agreements; counts[x][MISSING] counts spans labelled x that the other annotator lacks.
   */
  counts: ConfusionCounts
  /** Directed matrices, one per pair. */
  pairs: PairConfusion[]
}

/** One document's scores: F1 and kappa averaged over pairs, alpha_u joint over all annotators. */
export interface DocumentScores extends Scores {
  id: string
  /** Code points in the document. */
  characters: number
  spans: SpanCounts
}

export interface AgreementReport {
  annotators: string[]
  /** Every pair (a, b) with a before b in annotators, scores over all documents. */
  pairs: PairScores[]
  overall: OverallScores
  /** By label key, in label order (the input's labels, then extra labels found in spans). */
  labels: Record<string, LabelScores>
  confusion: Confusion
  /**
   * Per document, worst first: by exact_f1 ascending (documents without spans, whose
   * exact_f1 is null, last), then overlap_f1, kappa, then id.
   */
  documents: DocumentScores[]
  /** Exact-match F1 over (meeting, role, argument) triples; present only when some annotator has links. */
  relations?: RelationsReport
}
