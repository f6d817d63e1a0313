import { readFileSync } from 'node:fs'
import { english } from './helpers/english'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { createDispatcher } from '../../src/main/dispatch'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { asClient, ChangeFeed } from '../../src/main/services/change-feed'
import type { Project } from '../../src/main/store/project'
import type { Envelope } from '../../src/shared/errors'
import { liveEventSchema, type LiveEvent } from '../../src/shared/live-events'
import { tempDir } from './helpers/temp-project'

/** An import that brings only links or entities (documents and spans already there) is still announced to other tabs. */
const DOC = '000_2f535eeb48f059c6'
const SEEDS = join(__dirname, '..', '..', 'seeds')
const TEXT = readFileSync(join(SEEDS, `${DOC}.txt`), 'utf8').replace(/^\uFEFF/, '')
const range = (needle: string): { start: number; end: number } => {
  const at = TEXT.indexOf(needle)
  const start = [...TEXT.slice(0, at)].length
  return { start, end: start + [...needle].length }
}
const b64 = (lines: unknown[]): string => Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join(''), 'utf8').toString('base64')

let t: ReturnType<typeof tempDir>
let project: Project
let events: LiveEvent[]
let call: (method: string, args: unknown) => Promise<Envelope>

beforeEach(() => {
  t = tempDir()
  project = openOrCreateProject(join(t.dir, 'p.sqlite'), SEEDS)
  const feed = new ChangeFeed()
  const dispatch = createDispatcher(createApiHandlers({ project, prefs: new PrefsStore(join(t.dir, 'prefs.json')), annotator: 'alice', feed }), () => {})
  call = (method, args) => asClient('tab-a', () => dispatch(method, args))
  events = []
  feed.subscribe((e) => events.push(liveEventSchema.parse(e)))
})
afterEach(() => {
  project.close()
  t.cleanup()
})

const ok = async (p: Promise<Envelope>): Promise<Record<string, unknown>> => {
  const e = await p
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`)
  return e.result as Record<string, unknown>
}

describe('announcing imports', () => {
  it('announces an import of only a link and an entity, counting them; a repeat that adds nothing is silent', async () => {
    const spans = [
      { id: 1, ...range('회동'), label: 'MEETING' },
      { id: 2, ...range('최태원'), label: 'PERSON', entity_id: 7 }
    ]
    // First the spans alone: an ordinary import.
    await ok(call('importFiles', { files: [{ name: 'a.jsonl', base64: b64([{ id: DOC, text: TEXT, annotator: 'alice', spans: spans.map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label })) }]) }] }))
    events = []
    const files = [
      { name: 'b.jsonl', base64: b64([{ id: DOC, text: TEXT, annotator: 'alice', spans, relations: [{ from: 1, to: 2, type: 'participant' }] }]) },
      { name: 'b.entities.jsonl', base64: b64([{ id: 7, name: '최태원', type: 'PERSON', mentions: 1 }]) }
    ]
    const r = await ok(call('importFiles', { files }))
    expect(r).toMatchObject({ newDocuments: 0, newSpans: 0, newRelations: 1, newEntities: 1, newEntityLinks: 1 })
    expect(events.map((e) => [e.kind, e.kind === 'documents' ? english(e.description) : '', e.origin])).toEqual([
      ['documents', 'Import 1 new link(s), 1 new entit(ies) and 1 span(s) linked to entities', 'tab-a']
    ])
    events = []
    expect(await ok(call('importFiles', { files }))).toMatchObject({ newRelations: 0, newEntities: 0, newEntityLinks: 0 })
    expect(events).toEqual([])
  })
})
