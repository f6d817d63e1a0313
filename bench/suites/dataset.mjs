// Datasets on the real KLUE-NER sample (issue 16): import time of its sentences, an exact
// round trip (import --format klue, then dataset --format klue), and for each token mode the
// share of entities a token format writes exactly (hf with --align drop: a span off token
// boundaries is dropped, never moved, so written / input is the exact share).
// The sample is ../shared/data/klue-ner-v1.1-dev-first4000.tsv beside the repository root
// (never copied into the repository); without it the suite says so and records nothing.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { spanmark } from '../lib/cli.mjs'
import { ROOT } from '../lib/servers.mjs'
import { median } from '../lib/stats.mjs'

const SAMPLE = 'klue-ner-v1.1-dev-first4000.tsv'

/** The main checkout's folder, also from a linked worktree (whose .git is a file). */
function repositoryRoot() {
  const dotGit = join(ROOT, '.git')
  if (!existsSync(dotGit) || statSync(dotGit).isDirectory()) return ROOT
  const gitdir = resolve(ROOT, readFileSync(dotGit, 'utf8').replace(/^gitdir:\s*/, '').trim())
  const common = existsSync(join(gitdir, 'commondir')) ? resolve(gitdir, readFileSync(join(gitdir, 'commondir'), 'utf8').trim()) : gitdir
  return dirname(common)
}

/** KLUE blocks without the file's comment lines, sorted: what must come back. */
function blocks(tsv) {
  return tsv
    .split('\n\n')
    .map((b) => {
      // The file's comment lines (## 토큰, …) sit above the first sentence's "## id" line: keep from the last "##" line on.
      const lines = b.split('\n').filter((l) => l !== '')
      const header = lines.findLastIndex((l) => l.startsWith('##'))
      return lines.slice(Math.max(0, header)).join('\n')
    })
    .filter((b) => b !== '')
    .sort()
}

export async function datasetSuite({ cfg, tmp, home, results, log }) {
  const c = cfg.dataset
  const path = resolve(repositoryRoot(), '..', 'shared', 'data', SAMPLE)
  if (!existsSync(path)) {
    log(`  skipped: ${path} is absent (the KLUE sample lives in ../shared/data beside the repository)`)
    return
  }
  const all = readFileSync(path, 'utf8')
  const sentences = all.split('\n\n').filter((b) => /^## [^\t]+\t/m.test(b))
  const input = join(tmp, 'klue.tsv')
  writeFileSync(input, sentences.slice(0, c.sentences).join('\n\n') + '\n\n')
  const n = Math.min(c.sentences, sentences.length)
  log(`KLUE-NER: ${n.toLocaleString('en')} sentences`)

  const imports = []
  let project
  for (let i = 0; i < c.importRuns; i++) {
    project = join(tmp, `klue-${i}.sqlite`)
    imports.push((await spanmark(['import', '--project', project, '--format', 'klue', input], home)).ms)
  }
  results.add({ name: `dataset: KLUE import, ${n.toLocaleString('en')} sentences (CLI wall time) (median)`, system: 'spanmark', value: median(imports), unit: 'ms', n: imports.length, note: '`import --format klue` into a new project file, labels added for the tags' })
  log(`  import: ${median(imports).toFixed(0)} ms`)

  const out = join(tmp, 'klue-out')
  await spanmark(['dataset', '--project', project, '--annotator', 'klue', '--format', 'klue', '--out', out], home)
  const want = blocks(readFileSync(input, 'utf8'))
  const got = new Set(blocks(readFileSync(join(out, 'train.tsv'), 'utf8')))
  const exact = want.filter((b) => got.has(b)).length
  results.add({ name: 'dataset: KLUE round trip, sentences given back exactly', system: 'spanmark', value: (100 * exact) / want.length, unit: '%', n: want.length, note: `${exact} of ${want.length}: same id, characters and tags` })
  log(`  round trip: ${exact} / ${want.length} sentences exact`)

  for (const mode of ['char', 'eojeol', 'morph']) {
    const dir = join(tmp, `klue-hf-${mode}`)
    await spanmark(['dataset', '--project', project, '--annotator', 'klue', '--format', 'hf', '--tokens', mode, '--align', 'drop', '--out', dir], home)
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    const share = (100 * m.losses.writtenSpans) / m.losses.inputSpans
    results.add({ name: `dataset: KLUE entities written exactly, ${mode} tokens`, system: 'spanmark', value: share, unit: '%', n: m.losses.inputSpans, note: `${m.losses.writtenSpans} of ${m.losses.inputSpans} entities start and end on token boundaries` })
    log(`  ${mode}: ${share.toFixed(2)} % exact (${m.losses.writtenSpans} / ${m.losses.inputSpans})`)
  }
}
