import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { tempDir } from './helpers/temp-project'

const FIXTURES = join(__dirname, '..', 'fixtures', 'review')
let dir: string
let cleanup: () => void
let lines: string[]
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
const p = (n: string) => join(dir, n)

beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  lines = []
  expect(await runCli(['import', '--project', p('a.sqlite'), join(FIXTURES, 'minji.jsonl')], io)).toBe(0)
})
afterEach(() => cleanup())

const layer = (file: string, who: string) => {
  const project = Project.open(file)
  try {
    return [...project.documents.iterateIds()].flatMap((id) => project.spans.layer(id, who).map((s) => `${id} ${s.start}:${s.end}:${s.label}`))
  } finally {
    project.close()
  }
}

describe('export and import in doccano and Prodigy formats', () => {
  it('doccano round-trips every span, with UTF-16 offsets by default and code points on request', async () => {
    for (const offsets of ['utf16', 'codepoint']) {
      const out = p(`d-${offsets}.jsonl`)
      expect(await runCli(['export', '--project', p('a.sqlite'), '--annotator', 'minji', '--format', 'doccano', '--offsets', offsets, '--out', out], io)).toBe(0)
      const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0] as string) as Record<string, unknown>
      expect(Object.keys(first)).toEqual(['id', 'text', 'label'])
      const target = p(`b-${offsets}.sqlite`)
      expect(await runCli(['import', '--project', target, '--annotator', 'minji', '--offsets', offsets, out], io)).toBe(0) // format detected
      expect(layer(target, 'minji')).toEqual(layer(p('a.sqlite'), 'minji'))
    }
  })

  it('doccano UTF-16 offsets differ from code points after an emoji, and both decode to the same span', async () => {
    const text = '😀 최태원'
    writeFileSync(p('u.jsonl'), JSON.stringify({ id: 'e', text, label: [[3, 6, 'PERSON']] }) + '\n')
    expect(await runCli(['import', '--project', p('e.sqlite'), '--annotator', 'x', '--format', 'doccano', p('u.jsonl')], io)).toBe(0)
    expect(layer(p('e.sqlite'), 'x')).toEqual(['e 2:5:PERSON'])
    // read as code points, 3..6 would run past the text: refused whole with file and line
    expect(await runCli(['import', '--project', p('f.sqlite'), '--annotator', 'x', '--format', 'doccano', '--offsets', 'codepoint', p('u.jsonl')], io)).toBe(1)
    expect(lines.join('\n')).toMatch(/u\.jsonl:1: /)
  })

  it('Prodigy export aligns spans to tokens and says what moved; its import gives back what was written', async () => {
    const out = p('prodigy.jsonl')
    expect(await runCli(['export', '--project', p('a.sqlite'), '--annotator', 'minji', '--format', 'prodigy', '--out', out], io)).toBe(0)
    expect(lines.join('\n')).toMatch(/\d+ spans in, \d+ written/) // morph tokens (the default): nothing of minji's layer moves
    const task = JSON.parse(readFileSync(out, 'utf8').split('\n')[0] as string) as { tokens: unknown[]; spans: { token_start: number; token_end: number }[]; answer: string; _input_hash: number }
    expect(task.answer).toBe('accept')
    expect(Number.isInteger(task._input_hash)).toBe(true)
    expect(task.spans.every((s) => s.token_end >= s.token_start)).toBe(true)
    expect(await runCli(['import', '--project', p('c.sqlite'), '--annotator', 'minji', out], io)).toBe(0)
    const written = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        const t = JSON.parse(l) as { meta: { id: string }; spans: { start: number; end: number; label: string }[] }
        return t.spans.map((s) => `${t.meta.id} ${s.start}:${s.end}:${s.label}`)
      })
    expect(layer(p('c.sqlite'), 'minji').sort()).toEqual([...new Set(written)].sort())
  })

  it('refuses an unknown format name', async () => {
    expect(await runCli(['export', '--project', p('a.sqlite'), '--annotator', 'minji', '--format', 'conll', '--out', p('x')], io)).toBe(2)
    expect(lines.at(-1)).toMatch(/--format must be one of spanmark, doccano, prodigy/)
  })
})
