import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * TypeScript stand-ins for the libraries that load Spanmark's datasets, for tests that
 * must run without Python packages (scripts/check-datasets.py makes the same calls with
 * the real datasets, spaCy and seqeval where they can be installed).
 *
 * The card's YAML is parsed with js-yaml (already installed with electron-builder), not
 * with a pattern, so a header datasets cannot read fails here too.
 */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

export interface Card {
  configs: { config_name: string; data_files: { split: string; path: string }[] }[]
  dataset_info: {
    features?: { name: string; dtype?: string; sequence?: string | { class_label: { names: Record<string, string> } } }[]
    splits: { name: string; num_examples: number }[]
  }
  [key: string]: unknown
}

/** The YAML header of a dataset folder's README.md, as huggingface_hub's DatasetCard reads it. */
export function readCard(folder: string): Card {
  const text = readFileSync(join(folder, 'README.md'), 'utf8')
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!m) throw new Error(`${folder}/README.md has no YAML header`)
  return yaml.load(m[1] as string) as Card
}

export interface LoadedHf {
  /** The files read as data. */
  files: string[]
  splits: Record<string, Record<string, unknown>[]>
  /** ner_tags ClassLabel names when the card declares them. */
  classLabels: string[] | null
}

/**
 * What datasets.load_dataset(folder) does with a folder of JSON lines and a card:
 * with `configs`, exactly the data files listed per split; without, every data file of
 * the folder (manifest.json included: the CastError the issue reported). Declared
 * features must match each row's columns; class_label names must hold every tag.
 */
export function loadHfFolder(folder: string): LoadedHf {
  const card = readCard(folder)
  const config = card.configs?.find((c) => c.config_name === 'default')
  if (!config) {
    const data = readdirSync(folder).filter((f) => /\.(jsonl?|csv|tsv|parquet)$/.test(f))
    throw new Error(`no configs in the card: datasets would read ${data.join(', ')} as one train split (CastError on manifest.json)`)
  }
  const features = card.dataset_info.features
  const ner = features?.find((f) => f.name === 'ner_tags')?.sequence
  const classLabels = ner && typeof ner === 'object' ? Object.entries(ner.class_label.names).sort(([a], [b]) => Number(a) - Number(b)).map(([, n]) => n) : null
  const splits: Record<string, Record<string, unknown>[]> = {}
  for (const f of config.data_files) {
    const rows = readFileSync(join(folder, f.path), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const r of rows) {
      if (features && JSON.stringify(Object.keys(r).sort()) !== JSON.stringify(features.map((x) => x.name).sort())) {
        throw new Error(`CastError: ${f.path} has columns ${Object.keys(r).join(', ')} but the card declares ${features.map((x) => x.name).join(', ')}`)
      }
      if (classLabels) for (const t of r['ner_tags'] as string[]) if (!classLabels.includes(t)) throw new Error(`ClassLabel: ${t} is not one of ${classLabels.join(', ')}`)
    }
    splits[f.split] = [...(splits[f.split] ?? []), ...rows]
  }
  return { files: config.data_files.map((f) => f.path), splits, classLabels }
}
