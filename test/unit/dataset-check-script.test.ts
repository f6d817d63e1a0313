import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/main/dataset/build'
import { openOrCreateProject } from '../../src/main/default-project'
import { importFiles } from '../../src/main/services/import-service'
import type { Project } from '../../src/main/store/project'
import { DATASET_FORMATS } from '../../src/shared/dataset'
import { tempDir } from './helpers/temp-project'

/**
 * scripts/check-datasets.py on every format built from the seeds. Where the Python
 * libraries are missing it must say so and mark their checks skipped (never passed);
 * its standard-library checks (card, tokens, KLUE blocks) run everywhere python3 does.
 */
const ROOT = join(__dirname, '..', '..')
const HAVE_PYTHON = spawnSync('python3', ['--version']).status === 0

describe.runIf(HAVE_PYTHON)('scripts/check-datasets.py (needs python3)', () => {
  let dir: string
  let cleanup: () => void
  let project: Project
  beforeEach(() => {
    ;({ dir, cleanup } = tempDir())
    project = openOrCreateProject(join(dir, 'p.sqlite'), join(ROOT, 'seeds'))
    importFiles(project, [{ name: 'minji.jsonl', bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'review', 'minji.jsonl')) }])
  })
  afterEach(() => {
    project.close()
    cleanup()
  })

  it('passes every format built with default options and names the libraries it could not import', () => {
    const folders = DATASET_FORMATS.map((format) => {
      const outDir = join(dir, format)
      buildDataset(project, { layer: 'minji', format, outDir, splits: null, seed: 0, status: 'any', includeRestricted: false, align: 'expand', offsets: 'utf16' }, '1')
      return outDir
    })
    const r = spawnSync('python3', [join(ROOT, 'scripts', 'check-datasets.py'), ...folders], { encoding: 'utf8' })
    expect(r.stdout).not.toContain('FAILED')
    expect(r.status, r.stdout + r.stderr).toBe(0)
    for (const format of DATASET_FORMATS) expect(r.stdout).toMatch(new RegExp(`^${format} +card \\(YAML header\\) +ok`, 'm'))
    expect(r.stdout).toMatch(/^prodigy +stdlib: tokens rebuild the text +ok/m)
    expect(r.stdout).toMatch(/^klue +stdlib: KLUE TSV blocks +ok/m)
    for (const lib of ['datasets', 'spacy', 'seqeval']) {
      const missing = new RegExp(`could not import ${lib} `).test(r.stdout)
      // Either the real library ran (no "skipped" for it) or the script says it could not import it.
      if (missing) expect(r.stdout).toMatch(new RegExp(`skipped +could not import ${lib}`))
    }
  })
})
