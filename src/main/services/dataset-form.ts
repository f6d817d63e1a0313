import { dirname, join } from 'node:path'
import type { ApiArgs, ApiResult } from '../../shared/api'
import { parseLabelList, parseLabelMap } from '../../shared/dataset'
import { ApiError, asWritten } from '../../shared/errors'
import { EmptyDatasetError, buildDataset } from '../dataset/build'
import { parseSplits } from '../dataset/splits'
import type { Project } from '../store/project'
import { toolVersion } from '../version'

/** File → Build dataset…: the same builder as `spanmark dataset`, from the dialog's fields. */
export function buildDatasetFromForm(project: Project, f: ApiArgs<'buildDataset'>): ApiResult<'buildDataset'> {
  let splits, map, keep
  try {
    splits = f.split.trim() ? parseSplits(f.split) : null
    map = f.map.trim() ? parseLabelMap(f.map) : undefined
    keep = f.labels.trim() ? parseLabelList(f.labels) : undefined
  } catch (err) {
    throw new ApiError('invalid_args', asWritten((err as Error).message))
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const outDir = f.outDir.trim() || join(dirname(project.path), 'datasets', `${f.layer.replace(/[^\p{L}\p{N}_-]+/gu, '_')}-${f.format}-${stamp}`)
  const options = { layer: f.layer, format: f.format, outDir, splits, seed: f.seed, status: f.status, includeRestricted: f.includeRestricted, labels: { map, keep }, align: f.align, tokens: f.tokens, offsets: f.offsets, allowEmpty: f.allowEmpty === true }
  let r
  try {
    r = buildDataset(project, options, toolVersion())
  } catch (err) {
    if (!(err instanceof EmptyDatasetError)) throw err
    // Nothing written: the dialog explains why in its own words and offers the fix.
    const excluded = whyExcluded(err.selection.excluded)
    const empty = { documents: excluded.length, notReviewed: excluded.filter((e) => e.why === 'notReviewed').length, restricted: excluded.filter((e) => e.why === 'restricted').length }
    return { outDir: '', files: [], documents: 0, spans: 0, summary: [], empty, excluded, emptySplits: [], seed: f.seed, inputSpans: 0, writtenSpans: 0 }
  }
  const m = r.manifest
  return {
    outDir: r.outDir,
    files: [...Object.keys(m.files), 'manifest.json'],
    documents: m.totals.documents,
    spans: m.totals.spans,
    summary: r.summary,
    empty: null,
    excluded: whyExcluded(m.excluded),
    emptySplits: m.emptySplits,
    seed: f.seed,
    inputSpans: m.losses.inputSpans,
    writtenSpans: m.losses.writtenSpans
  }
}

/** The reason of each document left out, as a code the dialog words itself (select.ts writes restricted… or not reviewed…). */
function whyExcluded(excluded: readonly { id: string; reason: string }[]): { id: string; why: 'restricted' | 'notReviewed' }[] {
  return excluded.map((e) => ({ id: e.id, why: e.reason.startsWith('restricted') ? 'restricted' : 'notReviewed' }))
}
