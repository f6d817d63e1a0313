import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { projectAgreement } from '../../src/main/services/agreement-service'
import { importFiles } from '../../src/main/services/import-service'
import { ReviewService } from '../../src/main/services/review-service'
import type { AgreementReport } from '../../src/shared/agreement'
import { tempProject } from './helpers/temp-project'

// The two test annotators of test/fixtures/review (see its README): 271 and 267 spans, 241 exact matches.
const FIXTURES = join(__dirname, '..', 'fixtures', 'review')
let t: ReturnType<typeof tempProject>

beforeEach(() => {
  t = tempProject()
  importFiles(t.project, ['minji.jsonl', 'junho.jsonl'].map((name) => ({ name, bytes: readFileSync(join(FIXTURES, name)) })))
})
afterEach(() => t.cleanup())

describe('agreement over the project', () => {
  it('matches the fixture counts: exact F1 = 2·241 / (271 + 267), 001 agrees completely, 002 is worst', () => {
    const r = projectAgreement(t.project, ['minji', 'junho'])
    expect(r.overall.spans).toEqual({ minji: 271, junho: 267 })
    expect(r.pairs[0]).toMatchObject({ exact_matches: 241, spans_a: 271, spans_b: 267 })
    expect(r.overall.exact_f1).toBeCloseTo((2 * 241) / (271 + 267), 10)
    const byDoc = Object.fromEntries(r.documents.map((d) => [d.id, d]))
    expect(byDoc['001_2d6efb4355ea70ef']).toMatchObject({ exact_f1: 1, overlap_f1: 1, kappa: 1, alpha_u: 1 })
    expect(byDoc['000_2f535eeb48f059c6']?.exact_f1).toBeCloseTo((2 * 51) / 114, 10)
    expect(r.documents[0]?.id).toBe('002_350a00930be01512')
    // The label conflicts: 오픈AI ORGANISATION vs PERSON (000); 빌드 랩 / 빌더 랩 MEETING vs ORGANISATION (002, 004).
    expect(r.confusion.counts['ORGANISATION']?.['PERSON']).toBe(1)
    expect(r.confusion.counts['MEETING']?.['ORGANISATION']).toBe(2)
  })

  it('measures a reviewer’s gold against an annotator, and one document alone', () => {
    new ReviewService(t.project).adjudicate({ reviewer: 'lead', annotators: ['minji', 'junho'], minAgree: 2 })
    const r = projectAgreement(t.project, ['gold', 'minji'], '000_2f535eeb48f059c6')
    expect(r.overall.spans).toEqual({ gold: 51, minji: 57 })
    expect(r.overall.exact_f1).toBeCloseTo((2 * 51) / (51 + 57), 10)
    expect(() => projectAgreement(t.project, ['minji', 'junho'], 'nope')).toThrow(/no document "nope"/)
  })

  it('prints a table or JSON from the CLI', async () => {
    t.project.close()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
    expect(await runCli(['agreement', '--project', t.file, '--annotators', 'minji,junho'], io)).toBe(0)
    expect(out[0]).toMatch(/^Inter-annotator agreement: 2 annotators \(minji, junho\), 5 documents/)
    expect(out[0]).toMatch(/\(all labels\)\s+0\.896\s+0\.941/)
    out.length = 0
    expect(await runCli(['agreement', '--project', t.file, '--annotators', 'minji,junho', '--json'], io)).toBe(0)
    const json = JSON.parse(out.join('\n')) as AgreementReport
    expect(Object.keys(json.overall)).toEqual(expect.arrayContaining(['exact_f1', 'overlap_f1', 'kappa', 'alpha_u']))
    expect(Object.keys(json.labels)).toEqual(['PERSON', 'ORGANISATION', 'DATE', 'MEETING'])
    expect(await runCli(['agreement', '--project', t.file, '--annotators', 'minji'], io)).toBe(2)
  })
})
