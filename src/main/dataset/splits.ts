import { createHash } from 'node:crypto'

export interface SplitSpec {
  name: string
  ratio: number
}

/** Parses "train=0.8,dev=0.1,test=0.1"; ratios must be positive and add up to 1. */
export function parseSplits(spec: string): SplitSpec[] {
  const parts = spec.split(',').map((p) => p.trim()).filter((p) => p !== '')
  const splits = parts.map((p) => {
    const m = /^([A-Za-z][\w-]*)=(\d*\.?\d+)$/.exec(p)
    if (!m) throw new Error(`--split: "${p}" is not NAME=RATIO (e.g. train=0.8).`)
    return { name: m[1] as string, ratio: Number(m[2]) }
  })
  if (splits.length === 0) throw new Error('--split needs at least one NAME=RATIO.')
  if (new Set(splits.map((s) => s.name)).size !== splits.length) throw new Error('--split names a split twice.')
  if (splits.some((s) => s.ratio <= 0)) throw new Error('--split ratios must be greater than 0.')
  const total = splits.reduce((a, s) => a + s.ratio, 0)
  if (Math.abs(total - 1) > 1e-9) throw new Error(`--split ratios add up to ${total}, not 1.`)
  return splits
}

/**
 * A document's split depends only on its id and the seed: sha256(seed:id) read
 * as a number in [0, 1) picks the split by the cumulative ratios. Adding
 * documents never moves existing ones, and no sentence of a document can land
 * in another split than the rest of it.
 */
export function splitOf(docId: string, seed: number, splits: readonly SplitSpec[]): string {
  const digest = createHash('sha256').update(`${seed}:${docId}`).digest()
  const u = digest.readUIntBE(0, 6) / 2 ** 48
  let acc = 0
  for (const s of splits) {
    acc += s.ratio
    if (u < acc) return s.name
  }
  return (splits[splits.length - 1] as SplitSpec).name
}
