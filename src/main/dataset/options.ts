import type { AlignMode, DatasetFormat, LabelOptions, OffsetUnit, TokenMode } from '../../shared/dataset'
import type { SplitSpec } from './splits'

/** Everything `spanmark dataset` and File → Build dataset… can choose. */
export interface BuildOptions {
  /** The layer the spans come from: an annotator, or gold. */
  layer: string
  format: DatasetFormat
  outDir: string
  /** null: one file with every document. */
  splits: SplitSpec[] | null
  seed: number
  /** reviewed: only documents marked reviewed; any: all (a gold dataset warns about unreviewed ones). */
  status: 'reviewed' | 'any'
  includeRestricted: boolean
  labels?: LabelOptions | undefined
  align: AlignMode
  /** prodigy, hf, spacy; default morph. */
  tokens?: TokenMode | undefined
  offsets: OffsetUnit
  /** false: refuse with EmptyDatasetError, writing nothing, when no document is selected (the dialog asks first). Default: write it, with a warning. */
  allowEmpty?: boolean | undefined
}

/** The default status filter: gold datasets take reviewed documents only; an annotator's layer takes all. */
export function defaultStatus(layer: string): 'reviewed' | 'any' {
  return layer === 'gold' ? 'reviewed' : 'any'
}

export function fileExtension(format: DatasetFormat): string {
  return format === 'klue' ? 'tsv' : format === 'spacy' ? 'spacy' : 'jsonl'
}
