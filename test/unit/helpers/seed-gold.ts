import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openOrCreateProject } from '../../../src/main/default-project'
import { importFiles } from '../../../src/main/services/import-service'
import { ReviewService } from '../../../src/main/services/review-service'
import type { Project } from '../../../src/main/store/project'

const ROOT = join(__dirname, '..', '..', '..')

/** The seed documents the gold projects below mark reviewed (003 is restricted by its notice). */
export const REVIEWED = ['000_2f535eeb48f059c6', '001_2d6efb4355ea70ef', '002_350a00930be01512']

/**
 * The seeded default project in `dir` with both test annotators (test/fixtures/review) and gold by
 * adjudication (two must agree), its first three documents marked reviewed.
 */
export function seedGoldProject(dir: string): Project {
  const project = openOrCreateProject(join(dir, 'p.sqlite'), join(ROOT, 'seeds'))
  importFiles(project, ['minji.jsonl', 'junho.jsonl'].map((n) => ({ name: n, bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'review', n)) })))
  const review = new ReviewService(project)
  review.adjudicate({ reviewer: 'lead', annotators: ['minji', 'junho'], minAgree: 2 })
  for (const id of REVIEWED) review.setStatus({ reviewer: 'lead', docId: id, status: 'reviewed', force: true })
  return project
}
