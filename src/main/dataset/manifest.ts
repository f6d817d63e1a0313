import type { AgreementReport } from '../../shared/agreement'
import { tokenModeOf, type LossReport } from '../../shared/dataset'
import type { BuildOptions } from './options'

export interface SplitSummary {
  file: string
  documents: number
  /** Rows a loader sees: KLUE sentences for klue, documents otherwise (the card's num_examples). */
  examples: number
  spans: number
  labels: Record<string, number>
}

/** manifest.json: everything needed to know what a dataset holds and how it was made. */
export interface Manifest {
  tool: { name: 'spanmark'; version: string }
  created: string
  project: { path: string; id: string }
  layer: string
  format: string
  options: {
    split: Record<string, number> | null
    seed: number
    status: 'reviewed' | 'any'
    includeRestricted: boolean
    align: string
    tokens: string
    offsets: string
    labels: { map: Record<string, string>; keep: string[] | null }
  }
  offsets: 'codepoint' | 'utf16'
  labels: { map: Record<string, string>; output: string[]; classLabels: string[] | null }
  /** Splits written (none is empty). */
  splits: Record<string, SplitSummary>
  /** Splits asked for that no document fell into: no file is written for them and the card does not declare them. */
  emptySplits: string[]
  totals: { documents: number; spans: number; labels: Record<string, number> }
  excluded: { id: string; reason: string }[]
  warnings: string[]
  losses: LossReport
  /**
   * Regions marked as not article text in the documents included. spanmark lists them per
   * line ("ignored"); the other formats leave their text out (characters) and count the spans
   * inside as the dropped-ignored outcome.
   */
  ignored: { regions: number; documents: number; characters: number }
  agreement: (Pick<AgreementReport, 'annotators' | 'overall' | 'pairs'> & { labels: Record<string, { exact_f1: number | null; overlap_f1: number | null; kappa: number | null; alpha_u: number | null }> }) | null
  files: Record<string, string>
  sources: Record<string, string>
}

export function optionsForManifest(o: BuildOptions): Manifest['options'] {
  return {
    split: o.splits ? Object.fromEntries(o.splits.map((s) => [s.name, s.ratio])) : null,
    seed: o.seed,
    status: o.status,
    includeRestricted: o.includeRestricted,
    align: o.align,
    tokens: tokenModeOf({ format: o.format, tokens: o.tokens }),
    offsets: o.offsets,
    labels: { map: { ...(o.labels?.map ?? {}) }, keep: o.labels?.keep ? [...o.labels.keep] : null }
  }
}
