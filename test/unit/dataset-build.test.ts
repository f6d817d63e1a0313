import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { buildDataset } from '../../src/main/dataset/build'
import type { Manifest } from '../../src/main/dataset/manifest'
import type { BuildOptions } from '../../src/main/dataset/options'
import { parseSplits } from '../../src/main/dataset/splits'
import { openOrCreateProject } from '../../src/main/default-project'
import { importFiles } from '../../src/main/services/import-service'
import type { Project } from '../../src/main/store/project'
import { DATASET_FORMATS, type DatasetFormat } from '../../src/shared/dataset'
import { tempDir } from './helpers/temp-project'
import { seedGoldProject } from './helpers/seed-gold'

let dir: string
let cleanup: () => void
let project: Project

beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  project = seedGoldProject(dir)
})
afterEach(() => {
  project.close()
  cleanup()
})

const options = (o: Partial<BuildOptions>): BuildOptions => ({
  layer: 'gold',
  format: 'spanmark',
  outDir: join(dir, 'out'),
  splits: parseSplits('train=0.6,dev=0.2,test=0.2'),
  seed: 1,
  status: 'reviewed',
  includeRestricted: false,
  align: 'expand',
  tokens: 'eojeol',
  offsets: 'utf16',
  ...o
})
const readManifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest

describe('dataset builder', () => {
  it.each(DATASET_FORMATS.map((f) => [f]))('builds %s: splits by document, every span accounted for, hashes of files and sources', (format) => {
    const out = join(dir, `out-${format}`)
    const r = buildDataset(project, options({ format: format as DatasetFormat, outDir: out }), '9.9.9')
    const m = readManifest(out)
    expect(m).toMatchObject({ tool: { name: 'spanmark', version: '9.9.9' }, layer: 'gold', format })
    // Reviewed only: 003 is restricted and 004 is not reviewed; both are excluded with reasons.
    expect(m.excluded.map((e) => e.id)).toEqual(['003_b69184515e3eb931', '004_2546148ec63b8380'])
    expect(m.excluded[0]?.reason).toMatch(/^restricted: the text forbids AI training \(“AI학습 이용 금지”\)/)
    expect(m.excluded[1]?.reason).toMatch(/^not reviewed/)
    expect(m.totals.documents).toBe(3)
    const docsInSplits = Object.values(m.splits).reduce((a, s) => a + s.documents, 0)
    expect(docsInSplits).toBe(3)
    // The manifest accounts for every span of the layer in the included documents.
    const goldSpans = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512'].reduce((a, id) => a + project.spans.layer(id, 'gold').length, 0)
    expect(m.losses.inputSpans).toBe(goldSpans)
    expect(m.losses.writtenSpans + m.losses.lostSpans).toBe(goldSpans)
    expect(m.totals.spans).toBe(m.losses.writtenSpans)
    for (const [file, hash] of Object.entries(m.files)) expect(createHash('sha256').update(readFileSync(join(out, file))).digest('hex'), file).toBe(hash)
    expect(Object.keys(m.sources).sort()).toEqual(['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512'])
    expect(m.agreement?.annotators).toEqual(['junho', 'minji'])
    // Every split written has documents; an empty one has no file (issue 16, defect 2).
    const ext = format === 'klue' ? 'tsv' : format === 'spacy' ? 'spacy' : 'jsonl'
    expect([...Object.keys(m.splits), ...m.emptySplits].sort()).toEqual(['dev', 'test', 'train'])
    expect(readdirSync(out).sort()).toEqual(['README.md', 'manifest.json', ...Object.keys(m.splits).map((n) => `${n}.${ext}`)].sort())
    for (const s of Object.values(m.splits)) expect(s.documents).toBeGreaterThan(0)
    expect(r.summary[0]).toMatch(new RegExp(`^Built a ${format} dataset of 3 document\\(s\\)`))
  })

  it('writes a Hugging Face card header and sections', () => {
    buildDataset(project, options({ format: 'hf' }), '1.0.0')
    const card = readFileSync(join(dir, 'out', 'README.md'), 'utf8')
    expect(card).toMatch(/^---\nlanguage:\n- ko\ntask_categories:\n- token-classification\ntask_ids:\n- named-entity-recognition\n/)
    expect(card).toMatch(/ {2}- name: tokens\n {4}sequence: string\n {2}- name: ner_tags\n {4}sequence:\n {6}class_label:\n {8}names:\n {10}'0': "O"\n {10}'1': "B-PERSON"/)
    expect(card).toMatch(/ {2}- name: train\n {4}num_examples: \d+/)
    for (const section of ['## Annotation process', '## Licensing', '## Personal information']) expect(card).toContain(section)
    expect(readManifest(join(dir, 'out')).labels.classLabels?.slice(0, 3)).toEqual(['O', 'B-PERSON', 'I-PERSON'])
  })

  it('includes restricted and unreviewed documents only when asked, and says so', () => {
    buildDataset(project, options({ status: 'any', includeRestricted: true, splits: null }), '1')
    const m = readManifest(join(dir, 'out'))
    expect(m.excluded).toEqual([])
    expect(m.splits['train']?.documents).toBe(5)
    expect(m.warnings.join('\n')).toMatch(/2 document\(s\) in this gold dataset are not reviewed yet: 003_b69184515e3eb931, 004_2546148ec63b8380/)
    expect(m.warnings.join('\n')).toMatch(/1 restricted document\(s\) included on request/)
  })

  it('keeps a document in the same split as the corpus grows', () => {
    buildDataset(project, options({ status: 'any', outDir: join(dir, 'a') }), '1')
    importFiles(project, [{ name: 'zz-new.txt', bytes: Buffer.from('새 기사 본문') }])
    buildDataset(project, options({ status: 'any', outDir: join(dir, 'b') }), '1')
    const where = (m: Manifest) => Object.fromEntries(Object.entries(m.splits).flatMap(([name]) => readFileSync(join(dir, m === a ? 'a' : 'b', `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => [(JSON.parse(l) as { id: string }).id, name])))
    const a = readManifest(join(dir, 'a'))
    const b = readManifest(join(dir, 'b'))
    const before = where(a)
    const after = where(b)
    for (const [id, split] of Object.entries(before)) expect(after[id]).toBe(split)
  })

  it('refuses a folder that is not empty and unknown labels, writing nothing', () => {
    mkdirSync(join(dir, 'full'))
    writeFileSync(join(dir, 'full', 'x'), 'old')
    expect(() => buildDataset(project, options({ outDir: join(dir, 'full') }), '1')).toThrow(/exists and is not empty/)
    expect(() => buildDataset(project, options({ labels: { map: { NOPE: 'X' } } }), '1')).toThrow(/NOPE/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([])
  })

  it('runs from the CLI with label map and filter, and rejects bad options', async () => {
    project.close()
    const lines: string[] = []
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
    const p = join(dir, 'p.sqlite')
    const args = ['dataset', '--project', p, '--annotator', 'minji', '--format', 'klue', '--out', join(dir, 'k'), '--map', 'MEETING=EVENT', '--labels', 'PERSON,EVENT']
    expect(await runCli(args, io)).toBe(0)
    const m = readManifest(join(dir, 'k'))
    expect(m.labels.output).toEqual(['PS', 'EVENT']) // KLUE tags: PERSON→PS; EVENT has no KLUE tag and keeps its name
    expect(m.losses.counts['removed-label']).toBeGreaterThan(0)
    expect(lines[0]).toMatch(/^Built a klue dataset of 4 document\(s\)/) // an annotator's layer: status any by default; 003 is restricted
    expect(await runCli(['dataset', '--project', p, '--annotator', 'minji', '--format', 'csv', '--out', join(dir, 'z')], io)).toBe(2)
    expect(lines.at(-1)).toMatch(/--format must be one of spanmark, doccano, prodigy, hf, klue/)
    expect(await runCli(['dataset', '--project', p, '--annotator', 'minji', '--format', 'hf', '--split', 'train=0.5', '--out', join(dir, 'z')], io)).toBe(2)
    project = openOrCreateProject(p, null)
  })
})
