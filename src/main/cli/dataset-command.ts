import { ALIGN_MODES, DATASET_FORMATS, TOKEN_MODES, parseLabelList, parseLabelMap, type AlignMode, type DatasetFormat, type TokenMode } from '../../shared/dataset'
import { ApiError } from '../../shared/errors'
import { annotatorName } from '../../shared/schemas'
import { buildDataset } from '../dataset/build'
import { defaultStatus, type BuildOptions } from '../dataset/options'
import { parseSplits } from '../dataset/splits'
import { toolVersion } from '../version'
import { CliError, type Output } from './commands'
import { openExisting } from './review-commands'

export interface DatasetArgs {
  project?: string | undefined
  annotator?: string | undefined
  format?: string | undefined
  out?: string | undefined
  split?: string | undefined
  seed?: string | undefined
  status?: string | undefined
  'include-restricted'?: boolean | undefined
  map?: string | undefined
  labels?: string | undefined
  align?: string | undefined
  tokens?: string | undefined
  offsets?: string | undefined
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`, 2)
  return value as T
}

/** Turns command-line values into build options, with a clear message for each mistake. */
export function datasetOptions(a: DatasetArgs): BuildOptions {
  if (!a.annotator || !annotatorName.safeParse(a.annotator).success) throw new CliError('Missing or invalid --annotator NAME|gold.', 2)
  if (!a.out) throw new CliError('Missing --out DIR.', 2)
  const format = oneOf<DatasetFormat>('format', a.format, DATASET_FORMATS, 'spanmark')
  if (a.format === undefined) throw new CliError(`Missing --format (${DATASET_FORMATS.join('|')}).`, 2)
  const seed = a.seed === undefined ? 0 : Number(a.seed)
  if (!Number.isSafeInteger(seed)) throw new CliError(`--seed must be a whole number, not "${a.seed}".`, 2)
  try {
    return {
      layer: a.annotator,
      format,
      outDir: a.out,
      splits: a.split ? parseSplits(a.split) : null,
      seed,
      status: oneOf('status', a.status, ['reviewed', 'any'] as const, defaultStatus(a.annotator)),
      includeRestricted: a['include-restricted'] === true,
      labels: { map: a.map ? parseLabelMap(a.map) : undefined, keep: a.labels ? parseLabelList(a.labels) : undefined },
      align: oneOf<AlignMode>('align', a.align, ALIGN_MODES, 'expand'),
      tokens: oneOf<TokenMode>('tokens', a.tokens, TOKEN_MODES, 'morph'),
      offsets: oneOf('offsets', a.offsets, ['utf16', 'codepoint'] as const, 'utf16')
    }
  } catch (err) {
    if (err instanceof CliError) throw err
    throw new CliError((err as Error).message, 2)
  }
}

export function datasetCommand(a: DatasetArgs, io: Output): void {
  if (!a.project) throw new CliError('Missing --project FILE.sqlite.', 2)
  const options = datasetOptions(a)
  const project = openExisting(a.project)
  try {
    const result = buildDataset(project, options, toolVersion())
    for (const line of result.summary) io.out(line)
    io.out(`Wrote ${Object.keys(result.manifest.files).join(', ')} and manifest.json to ${result.outDir}.`)
  } catch (err) {
    if (err instanceof ApiError) throw CliError.from(err)
    throw err
  } finally {
    project.close()
  }
}
