import type { LabelDef } from '../../shared/domain'
import type { Manifest } from './manifest'

const yamlString = (s: string): string => JSON.stringify(s)

/**
 * The dataset card (README.md): a Hugging Face card YAML header, then what a
 * person training on the data needs to know.
 */
export function datasetCard(m: Manifest, labels: readonly LabelDef[]): string {
  const splits = Object.entries(m.splits)
  const total = splits.reduce((a, [, s]) => a + s.examples, 0)
  const size = total < 1000 ? 'n<1K' : total < 10000 ? '1K<n<10K' : total < 100000 ? '10K<n<100K' : '100K<n<1M'
  const lines = [
    '---',
    'language:',
    '- ko',
    'task_categories:',
    '- token-classification',
    'task_ids:',
    '- named-entity-recognition',
    `pretty_name: ${yamlString(`Spanmark ${m.layer} (${m.format})`)}`,
    'size_categories:',
    `- ${size}`,
    ...configs(m),
    'dataset_info:',
    ...features(m),
    '  splits:',
    ...splits.flatMap(([name, s]) => [`  - name: ${name}`, `    num_examples: ${s.examples}`]),
    '---',
    '',
    `# Spanmark dataset: ${m.layer} layer, ${m.format} format`,
    '',
    `Built by Spanmark ${m.tool.version} on ${m.created} from \`${m.project.path}\`. Offsets are ${m.offsets === 'utf16' ? 'UTF-16 code units (doccano)' : 'Unicode code points, end exclusive'}. \`manifest.json\` lists every option, count, exclusion and loss, and the sha256 of every file and source text.`,
    '',
    '## Data',
    '',
    '| split | documents | examples | spans | file |',
    '| --- | --- | --- | --- | --- |',
    ...splits.map(([name, s]) => `| ${name} | ${s.documents} | ${s.examples} | ${s.spans} | \`${s.file}\` |`),
    '',
    loadLine(m),
    ...(m.emptySplits.length > 0 ? ['', `Empty splits, not written: ${m.emptySplits.join(', ')} (no document fell into them with seed ${m.options.seed}).`] : []),
    '',
    'Splits are by document (a document\'s split depends only on its id and the seed), so no article contributes sentences to two splits.',
    '',
    '## Labels',
    '',
    ...m.labels.output.map((l) => {
      const source = Object.entries(m.labels.map).find(([, to]) => to === l)?.[0] ?? l
      const def = labels.find((d) => d.key === source)
      return `- \`${l}\`${def ? `: ${def.guideline}` : ''}`
    }),
    '',
    '## Annotation process',
    '',
    m.layer === 'gold'
      ? `Spans come from the reviewed gold layer: a reviewer compared annotators' layers and accepted, rejected or corrected each span. ${m.agreement ? `Agreement between the annotators it came from (${m.agreement.annotators.join(', ')}): exact F1 ${fmt(m.agreement.overall.exact_f1)}, overlap F1 ${fmt(m.agreement.overall.overlap_f1)}, Cohen's κ ${fmt(m.agreement.overall.kappa)}, Krippendorff's α_u ${fmt(m.agreement.overall.alpha_u)}.` : ''}`
      : `Spans come from one annotator's layer (${m.layer}), not adjudicated.`,
    m.warnings.length > 0 ? `\nWarnings:\n${m.warnings.map((w) => `- ${w}`).join('\n')}` : '',
    '',
    `Losses when writing this format: ${m.losses.inputSpans} spans in, ${m.losses.writtenSpans} written${m.losses.lostSpans ? `, ${m.losses.lostSpans} not written (see manifest.json → losses)` : ''}.`,
    '',
    '## Licensing',
    '',
    'The texts are news articles scraped from the web; their copyright stays with the publishers. Use them only as the publishers and your jurisdiction allow.',
    `${m.excluded.filter((e) => e.reason.startsWith('restricted')).length} document(s) whose text forbids AI training were left out${m.options.includeRestricted ? ' — except that this build was asked to include them (--include-restricted)' : ''}.`,
    '',
    '## Personal information',
    '',
    'The texts name real people (mostly public figures: executives, officials) and the PERSON spans mark them. Do not use the data to profile individuals.',
    ''
  ]
  return lines.join('\n')
}

/**
 * datasets reads the folder through `configs`: exactly these files, under these split
 * names (so dev stays dev, and manifest.json is never read as data). JSON lines only:
 * KLUE TSV and .spacy files are read with their own libraries.
 */
function configs(m: Manifest): string[] {
  if (m.format === 'klue' || m.format === 'spacy') return []
  return [
    'configs:',
    '- config_name: default',
    '  data_files:',
    ...Object.entries(m.splits).flatMap(([name, s]) => [`  - split: ${name}`, `    path: ${s.file}`])
  ]
}

/** How to load the folder in one line, in its target library. */
function loadLine(m: Manifest): string {
  const first = Object.values(m.splits)[0]?.file ?? 'train'
  if (m.format === 'spacy') return `Load a split with spaCy: \`spacy.tokens.DocBin().from_disk("${first}").get_docs(nlp.vocab)\` (entities in \`doc.ents\`, every span, overlapping ones too, in \`doc.spans["sc"]\`).`
  if (m.format === 'klue') return `Each \`.tsv\` file is KLUE-NER TSV: a \`## id\\tsentence\` line, one character and its BIO tag per line, a blank line after each sentence. \`spanmark import --format klue ${first}\` reads it back.`
  return 'Load it with `datasets.load_dataset("path/to/this/folder")`: the card lists the files of every split.'
}

/** The columns as `datasets` features: for hf, ner_tags is a sequence of ClassLabel (string tags encode to it). */
function features(m: Manifest): string[] {
  if (m.format !== 'hf') return []
  return [
    '  features:',
    '  - name: id',
    '    dtype: string',
    '  - name: tokens',
    '    sequence: string',
    '  - name: ner_tags',
    '    sequence:',
    '      class_label:',
    '        names:',
    ...(m.labels.classLabels ?? []).map((l, i) => `          '${i}': ${yamlString(l)}`)
  ]
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(3)
}
