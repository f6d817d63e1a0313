import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { decode } from '@msgpack/msgpack'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/main/dataset/build'
import { decodeDocBin } from '../../src/main/dataset/docbin'
import { splitWriter } from '../../src/main/dataset/split-writer'
import { openOrCreateProject } from '../../src/main/default-project'
import { importFiles } from '../../src/main/services/import-service'
import type { Project } from '../../src/main/store/project'
import { DatasetEncoder, SPACY_SYMBOLS, spacyHash, type DatasetSpan } from '../../src/shared/dataset'
import { tempDir } from './helpers/temp-project'

const ROOT = join(__dirname, '..', '..')
const cp = (text: string, needle: string, label: string, nth = 0): DatasetSpan => {
  let u = -1
  for (let k = 0; k <= nth; k++) u = text.indexOf(needle, u + 1)
  if (u < 0) throw new Error(`${needle} not in ${text}`)
  const start = [...text.slice(0, u)].length
  return { start, end: start + [...needle].length, label }
}

describe('spaCy strings', () => {
  it('hashes as spaCy 3 does (the documented vocab.strings["coffee"]) and keeps symbols at their ids', () => {
    expect(spacyHash('coffee')).toBe(3197928453018144401n)
    expect(SPACY_SYMBOLS.get('PERSON')).toBe(380)
    expect(SPACY_SYMBOLS.get('ORTH')).toBe(65)
    expect(SPACY_SYMBOLS.get('ENT_IOB')).toBe(77)
    expect(SPACY_SYMBOLS.get('ENT_TYPE')).toBe(78)
  })
})

describe('spacy format (DocBin)', () => {
  it('keeps hard texts and every span exactly: overlapping and nested spans in doc.spans["sc"], disjoint ones in doc.ents', () => {
    const docs = [
      { id: 'a', text: '😀 샘 올트먼의 오픈AI와\r\n\r\n𠀀 최태원 SK그룹 회장과 👨‍👩‍👧 면담!  끝 ', meta: {} },
      { id: 'empty', text: '', meta: {} },
      { id: 'b', text: ' 마이크로소프트(MS)·DATE·PERSON 회동', meta: {} }
    ]
    const spans: DatasetSpan[][] = [
      [cp(docs[0]!.text, '샘 올트먼', 'PERSON'), cp(docs[0]!.text, '오픈AI', 'ORGANISATION'), cp(docs[0]!.text, '최태원 SK그룹 회장', 'PERSON'), cp(docs[0]!.text, 'SK그룹', 'ORGANISATION'), cp(docs[0]!.text, 'SK', 'ORGANISATION'), cp(docs[0]!.text, '𠀀', 'X')],
      [],
      [cp(docs[2]!.text, '마이크로소프트(MS)', 'ORGANISATION'), cp(docs[2]!.text, 'MS', 'ORGANISATION'), cp(docs[2]!.text, 'DATE', 'DATE'), cp(docs[2]!.text, '회', 'MEETING')]
    ]
    const enc = new DatasetEncoder({ format: 'spacy' }, ['PERSON', 'ORGANISATION', 'DATE', 'MEETING', 'X'])
    const writer = splitWriter('spacy')
    docs.forEach((d, i) => writer.add(enc.encode(d, spans[i]!)))
    const bytes = writer.finish() as Buffer
    expect(enc.report().counts.kept).toBe(10)
    // The layout spaCy's DocBin.from_bytes reads.
    const msg = decode(inflateSync(bytes)) as Record<string, unknown>
    expect(Object.keys(msg).sort()).toEqual(['attrs', 'cats', 'flags', 'lengths', 'spaces', 'span_groups', 'strings', 'tokens', 'version'])
    expect(msg['attrs']).toEqual([65, 77, 78])
    expect(msg['version']).toBe('0.1')
    const back = decodeDocBin(bytes)
    back.forEach((b, i) => {
      const text = docs[i]!.text
      const cps = [...text]
      expect(b.text).toBe(text)
      const sc = (b.spans['sc'] ?? []).map((s) => ({ start: s.start, end: s.end, label: s.label }))
      expect(sc.sort((x, y) => x.start - y.start || x.end - y.end)).toEqual([...spans[i]!].sort((x, y) => x.start - y.start || x.end - y.end))
      for (const s of b.spans['sc'] ?? []) expect(b.words.slice(s.wordStart, s.wordEnd).map((w, k, ws) => w + (b.spaces[s.wordStart + k] && k < ws.length - 1 ? ' ' : '')).join('')).toBe(cps.slice(s.start, s.end).join(''))
      for (let k = 1; k < b.ents.length; k++) expect(b.ents[k]!.wordStart).toBeGreaterThanOrEqual(b.ents[k - 1]!.wordEnd)
    })
    // Nested: the longest wins doc.ents, the rest stay in the span group.
    expect(back[0]!.ents.map((e) => e.label)).toEqual(['PERSON', 'ORGANISATION', 'X', 'PERSON'])
    expect(back[2]!.ents.map((e) => e.label)).toEqual(['ORGANISATION', 'DATE', 'MEETING'])
    expect(back[0]!.words).toContain('\r\n\r\n')
  })

  describe('built from the seeds', () => {
    let dir: string
    let cleanup: () => void
    let project: Project
    beforeEach(() => {
      ;({ dir, cleanup } = tempDir())
      project = openOrCreateProject(join(dir, 'p.sqlite'), join(ROOT, 'seeds'))
      importFiles(project, ['junho.jsonl'].map((n) => ({ name: n, bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'review', n)) })))
    })
    afterEach(() => {
      project.close()
      cleanup()
    })

    it('writes one .spacy file per split that gives back every text and every span (lossless)', () => {
      const out = join(dir, 'sp')
      const r = buildDataset(project, { layer: 'junho', format: 'spacy', outDir: out, splits: null, seed: 0, status: 'any', includeRestricted: true, align: 'expand', offsets: 'utf16' }, '1')
      expect(r.manifest.losses.lostSpans).toBe(0)
      const back = decodeDocBin(readFileSync(join(out, 'train.spacy')))
      const ids = [...project.documents.iterateIds()]
      expect(back).toHaveLength(ids.length)
      back.forEach((b, i) => {
        const id = ids[i] as string
        const text = project.documents.get(id)?.text as string
        expect(b.text).toBe(text)
        const want = project.spans.layer(id, 'junho').map((s) => `${s.start}:${s.end}:${s.label}`).sort()
        expect((b.spans['sc'] ?? []).map((s) => `${s.start}:${s.end}:${s.label}`).sort()).toEqual(want)
      })
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('DocBin().from_disk("train.spacy")')
    })
  })
})
