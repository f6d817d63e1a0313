import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, bench, describe } from 'vitest'
import { openOrCreateProject } from '../src/main/default-project'
import { AnnotationService } from '../src/main/services/annotation-service'
import { exportLayer } from '../src/main/services/export-service'
import { importFiles } from '../src/main/services/import-service'
import { Project } from '../src/main/store/project'

// Real project files on disk (WAL, synchronous=FULL), as the app uses them.
// SPANMARK_BENCH_QUICK=1 (set by `npm run bench -- --quick`) shortens every bench: same benches, fewer samples.
const quick = process.env['SPANMARK_BENCH_QUICK'] === '1'
const short = quick ? { time: 100, warmupTime: 20 } : {}
const dir = mkdtempSync(join(tmpdir(), 'spanmark-bench-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const seedsDir = join(__dirname, '..', 'seeds')
const seeds = readdirSync(seedsDir).map((name) => ({ name, bytes: readFileSync(join(seedsDir, name)) }))
const largest = seeds.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a)).name.replace(/\.txt$/, '')

const project = openOrCreateProject(join(dir, 'seeded.sqlite'), seedsDir)
const svc = new AnnotationService(project)
let n = 0

describe('write path', () => {
  bench('create one span (committed, WAL, synchronous=FULL)', () => {
    const start = n++ % 5000
    svc.createSpan({ docId: largest, annotator: 'bench', start, end: start + 1 + (n % 3), label: 'PERSON' })
  }, short)
  bench('undo + redo (two commits)', () => {
    svc.undo({ annotator: 'bench' })
    svc.redo({ annotator: 'bench' })
  }, short)
})

describe('read path', () => {
  bench(`open the largest seed in the core (${largest}: document + spans)`, () => {
    project.documents.get(largest)
    project.spans.layer(largest, 'bench')
  }, short)
  bench('list documents with span counts', () => {
    project.documents.summaries('bench')
  }, short)
})

describe('import and export', () => {
  let k = 0
  bench('import the five seeds into a new project file', () => {
    const p = Project.open(join(dir, `import-${k++}.sqlite`))
    importFiles(p, seeds)
    p.close()
  }, { iterations: 10, ...short })

  const lines = Array.from({ length: 2000 }, (_, i) =>
    JSON.stringify({
      id: `doc-${i}`,
      text: '최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자(CEO)가 4일 회동했다. '.repeat(20),
      spans: Array.from({ length: 25 }, (_, s) => ({ start: s * 35, end: s * 35 + 3, label: 'PERSON' }))
    })
  )
  const corpus = [{ name: 'corpus.jsonl', bytes: Buffer.from(lines.join('\n')) }]
  bench('import 2,000 documents with 50,000 spans (.jsonl, one transaction)', () => {
    const p = Project.open(join(dir, `corpus-${k++}.sqlite`))
    importFiles(p, corpus, { annotator: 'bench' })
    p.close()
  }, { iterations: quick ? 1 : 3, ...short })

  const exported = Project.open(join(dir, 'export.sqlite'))
  importFiles(exported, corpus, { annotator: 'bench' })
  bench('export 2,000 documents with 50,000 spans as canonical JSONL (in memory)', () => {
    let bytes = 0
    exportLayer(exported, 'bench', (line) => (bytes += line.length))
  }, { iterations: quick ? 2 : 5, ...short })
})
