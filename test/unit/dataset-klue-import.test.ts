import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { KLUE_PREAMBLE } from '../../src/shared/dataset'
import { sharedDataFile } from './helpers/shared-data'
import { tempDir } from './helpers/temp-project'

/** KLUE-NER in (issue 16): `spanmark import --format klue`, and back out with `dataset --format klue`. */
const ROOT = join(__dirname, '..', '..')
// The real sample sits beside the repository (never in it): ../shared/data relative to the repo root.
const KLUE_SAMPLE = sharedDataFile('klue-ner-v1.1-dev-first4000.tsv')
const HAVE_SAMPLE = existsSync(KLUE_SAMPLE)

const row = (sentence: string, tags: string[]): string => [...sentence].map((c, i) => `${c}\t${tags[i]}`).join('\n')
const block = (id: string, inline: string, sentence: string, tags: string[]): string => `## ${id}\t${inline}\n${row(sentence, tags)}\n\n`
const O = (n: number): string[] => new Array<string>(n).fill('O')
const SAMPLE =
  KLUE_PREAMBLE +
  '\n' +
  block('klue-ner-v1_dev_00001-nsmc', '<김:PS>씨는 <3일:DT> <서울:LC>에 갔다.', '김씨는 3일 서울에 갔다.', ['B-PS', ...O(3), 'B-DT', 'I-DT', 'O', 'B-LC', 'I-LC', ...O(5)]) +
  block('klue-ner-v1_dev_00002-wikitree', '<삼성전자:OG> 주가가 <5%:QT> 올랐다 😀', '삼성전자 주가가 5% 올랐다 😀', ['B-OG', 'I-OG', 'I-OG', 'I-OG', ...O(5), 'B-QT', 'I-QT', ...O(6)])

function blocks(tsv: string): string[] {
  return tsv
    .split('\n\n')
    .map((b) => b.split('\n').filter((l) => l !== '' && !(l.startsWith('## ') && !l.includes('\t')) && !/^## (토큰|문장|주석|컬럼명)/.test(l)).join('\n'))
    .filter((b) => b !== '')
    .sort()
}

let dir: string
let cleanup: () => void
let lines: string[]
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  lines = []
})
afterEach(() => cleanup())

async function importAndExport(tsv: string, args: string[] = []): Promise<{ out: string; project: string }> {
  const file = join(dir, 'in.tsv')
  writeFileSync(file, tsv)
  const project = join(dir, 'p.sqlite')
  expect(await runCli(['import', '--project', project, '--format', 'klue', ...args, file], io), lines.join('\n')).toBe(0)
  const out = join(dir, 'out')
  expect(await runCli(['dataset', '--project', project, '--annotator', 'klue', '--format', 'klue', '--out', out], io), lines.join('\n')).toBe(0)
  return { out: readFileSync(join(out, 'train.tsv'), 'utf8'), project }
}

describe('KLUE-NER import', () => {
  it('makes one document per sentence with its id, tags as spans, new labels for unmapped tags, and exports the same sentences and tags', async () => {
    const { out, project } = await importAndExport(SAMPLE, ['--map', 'PS=PERSON,OG=ORGANISATION,DT=DATE'])
    expect(blocks(out)).toEqual(blocks(SAMPLE))
    const p = Project.open(project)
    try {
      expect(p.documents.get('klue-ner-v1_dev_00001-nsmc')?.text).toBe('김씨는 3일 서울에 갔다.')
      expect(p.spans.layer('klue-ner-v1_dev_00001-nsmc', 'klue').map((s) => `${s.start}:${s.end}:${s.label}`)).toEqual(['0:1:PERSON', '4:6:DATE', '7:9:LC'])
      const labels = p.labels.list()
      const added = labels.filter((l) => ['LC', 'QT'].includes(l.key))
      expect(added.map((l) => l.key).sort()).toEqual(['LC', 'QT'])
      expect(new Set(labels.map((l) => l.hotkey)).size).toBe(labels.length)
      expect(new Set(labels.map((l) => l.color)).size).toBe(labels.length)
      for (const l of added) expect(l.hotkey).toMatch(/^.$/u)
    } finally {
      p.close()
    }
    expect(lines.join('\n')).toMatch(/Added label\(s\) LC, QT/)
  })

  it.each([
    ['an I- tag that continues nothing', SAMPLE.replace('김\tB-PS', '김\tI-PS'), /in\.tsv:8: .*I-PS/],
    ['a "## " line that disagrees with its rows', SAMPLE.replace('<김:PS>씨는', '<김씨:PS>는'), /in\.tsv:7: .*does not match the rows/],
    ['a row that is not one character and a tag', SAMPLE.replace('씨\tO', '씨씨\tO'), /in\.tsv:9: .*not <one character>/]
  ])('refuses %s, naming file:line, and imports nothing', async (_what, tsv, message) => {
    const file = join(dir, 'in.tsv')
    writeFileSync(file, tsv)
    const project = join(dir, 'p.sqlite')
    expect(await runCli(['import', '--project', project, '--format', 'klue', file], io)).toBe(1)
    expect(lines.join('\n')).toMatch(message)
    expect(existsSync(project)).toBe(false) // refused before the project was opened
  })

  it.runIf(HAVE_SAMPLE)(`round-trips the real KLUE-NER v1.1 dev sample exactly (needs ${KLUE_SAMPLE})`, async () => {
    const tsv = readFileSync(KLUE_SAMPLE, 'utf8')
    const { out } = await importAndExport(tsv)
    const a = blocks(tsv)
    expect(a).toHaveLength(4000)
    expect(blocks(out)).toEqual(a)
  }, 120_000)

  it.skipIf(HAVE_SAMPLE)('round trip of the real KLUE sample (skipped: ../shared/data/klue-ner-v1.1-dev-first4000.tsv is absent)', () => {
    expect(HAVE_SAMPLE).toBe(false)
  })
})
