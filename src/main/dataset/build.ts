import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { computeAgreement } from '../../shared/agreement'
import { DatasetEncoder, checkLabelOptions, formatLossReport } from '../../shared/dataset'
import { ApiError, asWritten } from '../../shared/errors'
import { msg } from '../../shared/message'
import type { Project } from '../store/project'
import { datasetCard } from './card'
import { mergeLossReports } from './losses'
import { optionsForManifest, type Manifest, type SplitSummary } from './manifest'
import { fileExtension, type BuildOptions } from './options'
import { selectDocuments, type SelectedDoc, type Selection } from './select'
import { splitOf } from './splits'
import { splitWriter } from './split-writer'

/**
 * No document would go into the dataset and the caller asked not to write an empty one
 * (the dialog): nothing is written; `selection.excluded` says why each was left out.
 */
export class EmptyDatasetError extends Error {
  constructor(readonly selection: Selection) {
    super(`No document would go into the dataset: ${selection.excluded.length} left out, ${selection.excluded.map((e) => `${e.id} (${e.reason})`).join('; ')}.`)
  }
}

export interface BuildResult {
  outDir: string
  manifest: Manifest
  /** What to print: counts, exclusions, warnings and losses, one line each. */
  summary: string[]
}

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex')

/**
 * Builds a training dataset from one layer. Everything is written into a fresh
 * folder beside DIR and renamed to DIR only after every file was encoded and
 * validated, so a failure never leaves a half-written dataset.
 */
export function buildDataset(project: Project, o: BuildOptions, toolVersion: string): BuildResult {
  const outDir = resolve(o.outDir)
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new ApiError('rejected', msg('errors:datasetOutNotEmpty', { dir: outDir }))
  }
  const projectLabels = project.labels.list()
  const labelProblems = checkLabelOptions(projectLabels.map((l) => l.key), o.labels)
  if (labelProblems.length > 0) throw new ApiError('invalid_args', asWritten(labelProblems.join(' ')), labelProblems.map(asWritten))

  const selection = selectDocuments(project, o)
  if (selection.docs.length === 0 && o.allowEmpty === false) throw new EmptyDatasetError(selection)
  const groups = new Map<string, SelectedDoc[]>()
  for (const d of selection.docs) {
    // One split without --split is "train", the name datasets gives a folder's only split.
    const split = o.splits ? splitOf(d.doc.id, o.seed, o.splits) : 'train'
    groups.set(split, [...(groups.get(split) ?? []), d])
  }
  const splitNames = o.splits ? o.splits.map((s) => s.name) : ['train']
  const exportOptions = { format: o.format, labels: o.labels, align: o.align, tokens: o.tokens, offsets: o.offsets, annotator: o.layer }
  const tmp = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  try {
    const splits: Record<string, SplitSummary> = {}
    const emptySplits: string[] = []
    const files: Record<string, string> = {}
    const reports = []
    let ignoredCharacters = 0
    let encoder: DatasetEncoder | null = null
    for (const name of splitNames) {
      encoder = new DatasetEncoder(exportOptions, projectLabels.map((l) => l.key))
      const docs = groups.get(name) ?? []
      if (docs.length === 0) {
        // No empty file: datasets and spaCy refuse them, and the card must not declare the split.
        emptySplits.push(name)
        continue
      }
      const file = `${name}.${fileExtension(o.format)}`
      const summary: SplitSummary = { file, documents: 0, examples: 0, spans: 0, labels: {} }
      const writer = splitWriter(o.format)
      for (const d of docs) {
        let encoded
        try {
          encoded = encoder.encode(d.doc, d.spans)
          writer.add(encoded)
        } catch (err) {
          throw new ApiError('internal', msg('errors:datasetValidation', { reason: (err as Error).message }))
        }
        summary.documents++
        summary.examples += encoded.examples
        summary.spans += encoded.spans.length
        for (const s of encoded.spans) summary.labels[s.label] = (summary.labels[s.label] ?? 0) + 1
      }
      const content = writer.finish()
      writeFileSync(join(tmp, file), content)
      files[file] = sha256(content)
      splits[name] = summary
      reports.push(encoder.report())
      ignoredCharacters += encoder.ignoredCharacters
    }
    const losses = mergeLossReports(reports)
    const totals = { documents: 0, spans: 0, labels: {} as Record<string, number> }
    for (const s of Object.values(splits)) {
      totals.documents += s.documents
      totals.spans += s.spans
      for (const [l, n] of Object.entries(s.labels)) totals.labels[l] = (totals.labels[l] ?? 0) + n
    }
    const warnings: string[] = []
    if (selection.docs.length === 0) {
      warnings.push(`the dataset is empty: none of the project's documents was selected (${selection.excluded.length} left out; see why above)`)
    }
    warnings.push(...emptySplits.map(
      (name) =>
        `split ${name} is empty: none of the ${selection.docs.length} document(s) fell into it with seed ${o.seed}, so no ${name} file was written and the card does not declare it. A document's split depends only on its id and the seed (it never moves as the corpus grows): try another seed or other ratios, or add documents.`
    ))
    if (selection.unreviewedIncluded.length > 0) {
      warnings.push(`${selection.unreviewedIncluded.length} document(s) in this gold dataset are not reviewed yet: ${selection.unreviewedIncluded.join(', ')}`)
    }
    if (o.includeRestricted) {
      const restricted = selection.docs.filter((d) => project.documents.restricted(d.doc.id))
      if (restricted.length > 0) warnings.push(`${restricted.length} restricted document(s) included on request (--include-restricted): ${restricted.map((d) => d.doc.id).join(', ')}`)
    }
    const manifest: Manifest = {
      tool: { name: 'spanmark', version: toolVersion },
      created: new Date().toISOString(),
      project: { path: project.path, id: project.id },
      layer: o.layer,
      format: o.format,
      options: optionsForManifest(o),
      offsets: o.format === 'doccano' && o.offsets === 'utf16' ? 'utf16' : 'codepoint',
      labels: { map: { ...(o.labels?.map ?? {}) }, output: encoder ? encoder.labels : [], classLabels: o.format === 'hf' && encoder ? encoder.classLabels : null },
      splits,
      emptySplits,
      totals,
      excluded: selection.excluded,
      warnings,
      losses,
      ignored: {
        regions: selection.docs.reduce((n, d) => n + (d.doc.ignored?.length ?? 0), 0),
        documents: selection.docs.filter((d) => (d.doc.ignored?.length ?? 0) > 0).length,
        characters: ignoredCharacters
      },
      agreement: sourceAgreement(project, o.layer, selection.docs),
      files,
      sources: Object.fromEntries(selection.docs.map((d) => [d.doc.id, sha256(d.doc.text)]))
    }
    const card = datasetCard(manifest, projectLabels)
    writeFileSync(join(tmp, 'README.md'), card)
    files['README.md'] = sha256(card)
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    if (existsSync(outDir)) rmSync(outDir, { recursive: true })
    mkdirSync(dirname(outDir), { recursive: true })
    renameSync(tmp, outDir)
    return { outDir, manifest, summary: summarise(manifest) }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true })
    throw err
  }
}

/** For a gold layer made from several annotators' spans: their agreement over the documents in the dataset. */
function sourceAgreement(project: Project, layer: string, docs: readonly SelectedDoc[]): Manifest['agreement'] {
  if (layer !== 'gold') return null
  const sources = new Set<string>()
  for (const d of docs) for (const s of project.spans.layer(d.doc.id, 'gold')) for (const a of project.review.provenance(s.id)?.sources ?? []) sources.add(a)
  const annotators = [...sources].sort()
  if (annotators.length < 2) return null
  const report = computeAgreement({
    annotators,
    labels: project.labels.list().map((l) => l.key),
    documents: docs.map((d) => ({
      id: d.doc.id,
      text: d.doc.text,
      layers: Object.fromEntries(annotators.map((a) => [a, project.spans.layer(d.doc.id, a).map((s) => ({ start: s.start, end: s.end, label: s.label }))]))
    }))
  })
  const labels = Object.fromEntries(Object.entries(report.labels).map(([k, v]) => [k, { exact_f1: v.exact_f1, overlap_f1: v.overlap_f1, kappa: v.kappa, alpha_u: v.alpha_u }]))
  return { annotators: report.annotators, overall: report.overall, pairs: report.pairs, labels }
}

function summarise(m: Manifest): string[] {
  const lines = [
    `Built a ${m.format} dataset of ${m.totals.documents} document(s) and ${m.totals.spans} span(s) from the ${m.layer} layer.`,
    ...Object.entries(m.splits).map(([name, s]) => `  ${name}: ${s.documents} document(s), ${s.spans} span(s) → ${s.file}`),
    ...m.excluded.map((e) => `  left out ${e.id}: ${e.reason}`),
    ...m.warnings.map((w) => `  warning: ${w}`),
    ...(m.ignored.regions > 0
      ? [
          m.format === 'spanmark'
            ? `  ${m.ignored.regions} region(s) marked as not article text are listed as "ignored"`
            : `  left out ${m.ignored.characters} character(s) of ${m.ignored.regions} region(s) marked as not article text (${m.ignored.documents} document(s))`
        ]
      : []),
    ...formatLossReport(m.losses).map((l) => `  ${l}`)
  ]
  return lines
}
