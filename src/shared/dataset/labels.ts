import type { DatasetFormat, ExportOptions, LabelOptions } from './types'

/** KLUE-NER tags for Spanmark's default labels. */
export const KLUE_DEFAULT_TAGS: Readonly<Record<string, string>> = {
  PERSON: 'PS',
  ORGANISATION: 'OG',
  DATE: 'DT',
  MEETING: 'EV'
}

/**
 * Parses `--map FROM=TO[,FROM=TO…]`. Throws on a malformed pair, an empty
 * name, or a FROM given twice.
 */
export function parseLabelMap(value: string): Record<string, string> {
  const map: Record<string, string> = {}
  for (const part of value.split(',')) {
    const pair = part.trim()
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const from = eq < 0 ? '' : pair.slice(0, eq).trim()
    const to = eq < 0 ? '' : pair.slice(eq + 1).trim()
    if (from === '' || to === '') throw new Error(`--map: "${pair}" is not FROM=TO (e.g. --map ORGANISATION=ORG,MEETING=EVENT).`)
    if (Object.hasOwn(map, from)) throw new Error(`--map: ${from} is renamed twice.`)
    map[from] = to
  }
  return map
}

/** Parses `--labels A,B`. Throws when nothing is left. */
export function parseLabelList(value: string): string[] {
  const labels = [...new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''))]
  if (labels.length === 0) throw new Error('--labels: give at least one label, e.g. --labels PERSON,ORGANISATION.')
  return labels
}

/** The label after `map`. */
export function mapLabel(label: string, map: LabelOptions['map']): string {
  return map && Object.hasOwn(map, label) ? (map[label] as string) : label
}

/** True when `keep` (names after `map`) lets the label through. */
export function keepsLabel(mapped: string, keep: LabelOptions['keep']): boolean {
  return keep === undefined || keep.includes(mapped)
}

/** The rename a format applies after `map` and `keep`: KLUE tags for klue, nothing otherwise. */
export function formatRename(options: Pick<ExportOptions, 'format' | 'klueTags'>): Readonly<Record<string, string>> {
  return options.format === 'klue' ? (options.klueTags ?? KLUE_DEFAULT_TAGS) : {}
}

/** Label → output label for one export: `map`, then (if kept) the format's rename; null when `keep` removes it. */
export function outputLabelOf(label: string, options: ExportOptions): string | null {
  const mapped = mapLabel(label, options.labels?.map)
  if (!keepsLabel(mapped, options.labels?.keep)) return null
  return mapLabel(mapped, formatRename(options))
}

/**
 * The labels an export writes, in the order of `projectLabels` (the project's
 * label keys in display order), without repeats: the ClassLabel order for hf,
 * the tag list for klue. Use with classLabelNames() for hf.
 */
export function outputLabels(projectLabels: readonly string[], options: ExportOptions): string[] {
  const out: string[] = []
  for (const label of projectLabels) {
    const o = outputLabelOf(label, options)
    if (o !== null && !out.includes(o)) out.push(o)
  }
  return out
}

/**
 * Problems with label options against the project's labels: a `map` FROM or a
 * `keep` name that matches nothing. The caller decides whether to fail or warn.
 */
export function checkLabelOptions(projectLabels: readonly string[], labels: LabelOptions | undefined): string[] {
  const problems: string[] = []
  for (const from of Object.keys(labels?.map ?? {})) {
    if (!projectLabels.includes(from)) problems.push(`--map renames ${from}, which is not a label of this project (${projectLabels.join(', ')}).`)
  }
  const mapped = projectLabels.map((l) => mapLabel(l, labels?.map))
  for (const k of labels?.keep ?? []) {
    if (!mapped.includes(k)) problems.push(`--labels keeps ${k}, which no label is called after --map (${[...new Set(mapped)].join(', ')}).`)
  }
  return problems
}

/** Whether a format writes tokens (aligns spans, resolves overlaps). */
export function isTokenFormat(format: DatasetFormat): boolean {
  return format === 'prodigy' || format === 'hf' || format === 'klue' || format === 'spacy'
}
