import { dirname, join } from 'node:path'
import type { ApiArgs, ApiResult } from '../../shared/api'
import { parseLabelList, parseLabelMap } from '../../shared/dataset'
import { ApiError, asWritten } from '../../shared/errors'
import { buildDataset } from '../dataset/build'
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
  const r = buildDataset(
    project,
    { layer: f.layer, format: f.format, outDir, splits, seed: f.seed, status: f.status, includeRestricted: f.includeRestricted, labels: { map, keep }, align: f.align, tokens: f.tokens, offsets: f.offsets },
    toolVersion()
  )
  return { outDir: r.outDir, files: [...Object.keys(r.manifest.files), 'manifest.json'], documents: r.manifest.totals.documents, spans: r.manifest.totals.spans, summary: r.summary }
}
