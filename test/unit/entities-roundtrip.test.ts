import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { importFiles } from '../../src/main/services/import-service'
import { MeetingsService } from '../../src/main/services/meetings-service'
import { Project } from '../../src/main/store/project'
import { ApiError } from '../../src/shared/errors'
import { tempCore } from './helpers/core'
import { D0, meetingsFixture } from './helpers/meetings-fixture'
import { utf8 } from './helpers/temp-project'
import { detailText } from './helpers/english'
import { english1 } from './helpers/english'
import type { Message } from '../../src/shared/message'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const status = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { status, out, err }
}

/** A project's entities, mentions and links of one layer, by text and offsets (never by id). */
function content(project: Project, annotator = 'alice') {
  const names = new Map(project.entities.all().map((e) => [e.id, `${e.name}/${e.type}`]))
  return {
    entities: [...names.values()].sort(),
    mentions: project.entities
      .allMentions()
      .filter((m) => m.annotator === annotator)
      .map((m) => `${names.get(m.entityId)} ← ${m.docId}:${m.start}-${m.end}:${m.label}`)
      .sort(),
    links: [...project.relations.iterateEnds()]
      .filter((r) => r.annotator === annotator)
      .map((r) => `${r.docId} ${r.from.start}-${r.from.end}:${r.from.label} -${r.type}-> ${r.to.start}-${r.to.end}:${r.to.label}`)
      .sort()
  }
}

/** The seeds' linked meetings, with two meeting mentions merged into one MEETING entity (an event). */
async function annotate() {
  const ids = meetingsFixture(core).linkSeeds()
  await core.call('mergeMeetings', { annotator: 'alice', spanIds: [ids.m0, ids.m4b], name: '서울 회동' })
  return ids
}

describe('entities round trip: export → import into a fresh project', () => {
  it('through the CLI: the entities file beside the export is picked up; same entities, mentions and links', async () => {
    await annotate()
    const before = content(core.project)
    expect(before.entities).toEqual(['샘 올트먼/PERSON', '서울 회동/MEETING', '최태원/PERSON'])
    expect(before.mentions).toHaveLength(7)
    expect(before.links.length).toBeGreaterThan(8)
    const out = join(core.dir, 'out.jsonl')
    expect((await cli('export', '--project', join(core.dir, 'p.sqlite'), '--annotator', 'alice', '--out', out)).status).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('"entity_id"')

    const fresh = join(core.dir, 'fresh.sqlite')
    const r = await cli('import', '--project', fresh, out)
    expect(r.err).toEqual([])
    expect(r.status).toBe(0)
    expect(r.out[0]).toBe(`Reading entities from ${join(core.dir, 'out.entities.jsonl')} (beside the file it belongs to).`)
    expect(r.out).toContain(`Note: ${join(core.dir, 'out.entities.jsonl')}: 3 entities, 3 new (matched by name and type).`)
    expect(r.out).toContain('Note: 7 spans linked to their entities.')
    const project = Project.open(fresh)
    try {
      expect(content(project)).toEqual(before)
      // The meetings view is built from spans, links and MEETING entities: the imported project shows the
      // same events (dates, participants, mentions by document and offsets), and meetings.jsonl matches
      // the original apart from span ids (and the ids of events named after a span), which are the writing project's own.
      const meetings = (p: Project) => new MeetingsService(p).exportJsonl('alice').content.replace(/"span_id":\d+,?|"id":"span:\d+",?/g, '')
      expect(new MeetingsService(project).exportJsonl('alice').events).toBeGreaterThan(1)
      expect(meetings(project)).toEqual(meetings(core.project))
    } finally {
      project.close()
    }

    // Importing it again adds nothing: entities are matched by name and type, links are already there.
    const again = await cli('import', '--project', fresh, out)
    expect(again.out).toContain(`Note: ${join(core.dir, 'out.entities.jsonl')}: 3 entities, 0 new (matched by name and type).`)
    expect(again.out.some((l) => l.includes('linked to their entities'))).toBe(false)
    const reopened = Project.open(fresh)
    try {
      expect(content(reopened)).toEqual(before)
    } finally {
      reopened.close()
    }
  })

  it("through the app's API: the .entities.jsonl chosen together with the .jsonl works the same", async () => {
    await annotate()
    const before = content(core.project)
    const exported = await core.call<{ fileName: string; content: string; entities?: { fileName: string; content: string } }>('exportJsonl', { annotator: 'alice' })
    expect(exported.entities).toBeDefined()
    const other = tempCore({ annotator: 'alice', seeds: false })
    try {
      const files = [
        { name: exported.entities!.fileName, base64: Buffer.from(exported.entities!.content).toString('base64') },
        { name: exported.fileName, base64: Buffer.from(exported.content).toString('base64') }
      ]
      const result = await other.call<{ notes: Message[]; files: { name: string }[] }>('importFiles', { files })
      expect(result.files.map((f) => f.name)).toEqual([exported.fileName])
      expect(result.notes.map(english1)).toContain('7 spans linked to their entities.')
      expect(content(other.project)).toEqual(before)
    } finally {
      other.cleanup()
    }
  })

  it('an existing entity of the same name and type is reused, not duplicated', async () => {
    await annotate()
    const exported = await core.call<{ fileName: string; content: string; entities?: { fileName: string; content: string } }>('exportJsonl', { annotator: 'alice' })
    const other = tempCore({ annotator: 'alice', seeds: false })
    try {
      const mine = await other.call<{ entity: { id: number } }>('createEntity', { annotator: 'alice', name: '최태원', type: 'PERSON' })
      importFiles(other.project, [
        { name: 'out.jsonl', bytes: utf8(exported.content) },
        { name: 'out.entities.jsonl', bytes: utf8(exported.entities!.content) }
      ])
      expect(other.project.entities.all().filter((e) => e.name === '최태원')).toHaveLength(1)
      expect(other.project.entities.mentions(mine.entity.id).map((m) => m.docId)).toEqual(['000_2f535eeb48f059c6', '004_2546148ec63b8380', '004_2546148ec63b8380'])
    } finally {
      other.cleanup()
    }
  })
})

describe('entity_id problems refuse the whole import, with file:line', () => {
  const line = (spans: unknown[]) => JSON.stringify({ id: 'd1', text: '샘 올트먼을 만났다', annotator: 'alice', spans }) + '\n'
  const person = { start: 0, end: 5, label: 'PERSON', entity_id: 7 }
  const entities = (...lines: unknown[]) => utf8(lines.map((l) => JSON.stringify(l) + '\n').join(''))

  function refused(files: { name: string; bytes: Uint8Array }[]): ApiError {
    const fresh = tempCore({ annotator: 'alice', seeds: false })
    try {
      let error: unknown
      try {
        importFiles(fresh.project, files)
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(ApiError)
      expect(fresh.project.documents.text('d1')).toBeUndefined()
      expect(fresh.project.entities.all()).toEqual([])
      return error as ApiError
    } finally {
      fresh.cleanup()
    }
  }

  it('an entity_id without an entities file', () => {
    const e = refused([{ name: 'a.jsonl', bytes: utf8(line([person])) }])
    expect(detailText(e)[0]).toBe('a.jsonl:1: span 1: its "entity_id" 7 refers to an entities file, but none was given; import a.entities.jsonl together with it.')
  })

  it('an entity_id that is not in the entities file', () => {
    const e = refused([
      { name: 'a.jsonl', bytes: utf8(line([person])) },
      { name: 'a.entities.jsonl', bytes: entities({ id: 8, name: 'Sam Altman', type: 'PERSON' }) }
    ])
    expect(detailText(e)).toEqual(['a.jsonl:1: span 1: its "entity_id" 7 is not an id in a.entities.jsonl.'])
    expect(e.message).toMatch(/^Nothing was imported: there is a problem in a\.jsonl /)
  })

  it("an entity of another type than the span's label", () => {
    const e = refused([
      { name: 'a.jsonl', bytes: utf8(line([person])) },
      { name: 'a.entities.jsonl', bytes: entities({ id: 7, name: 'OpenAI', type: 'ORGANISATION' }) }
    ])
    expect(detailText(e)).toEqual(['a.jsonl:1: span 1: it is labelled PERSON but its "entity_id" 7 is OpenAI, an entity of type ORGANISATION.'])
  })

  it('bad lines of the entities file: bad JSON, unknown type, a repeated id', () => {
    const bytes = utf8(
      ['{"id":7,"name":"Sam Altman","type":"PERSON"}', '{not json', '{"id":9,"name":"X","type":"ANIMAL"}', '{"id":7,"name":"Y","type":"PERSON"}'].join('\n') + '\n'
    )
    const e = refused([
      { name: 'a.jsonl', bytes: utf8(line([person])) },
      { name: 'a.entities.jsonl', bytes }
    ])
    expect(detailText(e)).toHaveLength(3)
    expect(detailText(e)[0]).toMatch(/^a\.entities\.jsonl:2: not valid JSON/)
    expect(detailText(e)[1]).toMatch(/^a\.entities\.jsonl:3: unknown entity type "ANIMAL"/)
    expect(detailText(e)[2]).toBe('a.entities.jsonl:4: the entity id 7 is also used at a.entities.jsonl:1; ids must be unique in the file.')
  })
})

describe('meetings.jsonl', () => {
  it("its mentions carry the meeting span's start, end and text, and importing it is skipped with a note", async () => {
    const ids = await annotate()
    const exported = new MeetingsService(core.project).exportJsonl('alice')
    const events = exported.content.trim().split('\n').map((l) => JSON.parse(l) as { mentions: { doc_id: string; span_id: number; start: number; end: number; text: string }[] })
    const all = events.flatMap((e) => e.mentions)
    expect(all.length).toBeGreaterThan(0)
    for (const m of all) {
      const text = Array.from(core.project.documents.text(m.doc_id)!.text).slice(m.start, m.end).join('')
      expect(m.text).toBe(text)
      expect(core.project.spans.get(m.span_id)).toMatchObject({ docId: m.doc_id, start: m.start, end: m.end, label: 'MEETING' })
    }
    expect(all.find((m) => m.span_id === ids.m0)).toMatchObject({ doc_id: D0, text: '회동' })

    const file = join(core.dir, 'alice-meetings.jsonl')
    writeFileSync(file, exported.content)
    const documents = [...core.project.documents.iterateIds()].length
    const r = await cli('import', '--project', join(core.dir, 'p.sqlite'), file)
    expect(r.status).toBe(0)
    expect(r.out).toContain(
      `Note: ${file}: skipped: it is a meetings export, whose mentions name span ids of the project that wrote it. Import the canonical export (and its .entities.jsonl) instead; its MEETING entities are the events.`
    )
    expect(r.out.at(-1)).toBe(`Imported 0 new document(s) and 0 new span(s) into ${join(core.dir, 'p.sqlite')}.`)
    expect([...core.project.documents.iterateIds()].length).toBe(documents)
  })
})
