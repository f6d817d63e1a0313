import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { PrefsStore } from '../../src/main/prefs'
import { createApiHandlers } from '../../src/main/services/api-handlers'
import { ChangeFeed } from '../../src/main/services/change-feed'
import { createDispatcher } from '../../src/main/dispatch'
import { liveEventSchema, type LiveEvent } from '../../src/shared/live-events'
import type { LabelInfo } from '../../src/shared/labels-schema'
import { checkColor, checkHotkey, checkKey, contrast, problemText, type LabelProblem } from '../../src/shared/labels/rules'

const text = (p: LabelProblem | null): string | null => (p ? problemText(p) : null)
import { DEFAULT_LABELS } from '../../src/shared/labels'
import { tempCore } from './helpers/core'
import { dumpProject } from './helpers/dump'
import { english } from './helpers/english'

let core: ReturnType<typeof tempCore>
beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
})
afterEach(() => core.cleanup())

type Changed = { labels: LabelInfo[]; description: string }

async function refused(method: string, args: unknown): Promise<{ code: string; message: string; details: string[] }> {
  const r = await core.dispatch(method, args)
  if (r.ok) throw new Error(`${method} was accepted`)
  return english(r.error)
}

/** Two spans (PERSON and MEETING) in the first seed document, and a participant link between them. */
async function someSpans() {
  const docs = await core.call<{ id: string }[]>('listDocuments', { annotator: 'alice' })
  const docId = docs[0]!.id
  const a = await core.call<{ changes: { spanId: number }[] }>('createSpan', { docId, annotator: 'alice', start: 0, end: 3, label: 'PERSON' })
  const m = await core.call<{ changes: { spanId: number }[] }>('createSpan', { docId, annotator: 'alice', start: 5, end: 8, label: 'MEETING' })
  const link = { annotator: 'alice', docId, from: m.changes[0]!.spanId, to: a.changes[0]!.spanId, type: 'participant' }
  await core.call('createRelation', link)
  return { docId, person: a.changes[0]!.spanId }
}

describe('label rules (pure)', () => {
  it('accepts upper-case keys and refuses others, saying what a key looks like', () => {
    expect(checkKey('PLACE_2')).toBeNull()
    expect(text(checkKey('place'))).toMatch(/upper-case letters, digits and _/)
    expect(text(checkKey('2PLACE'))).not.toBeNull()
    expect(text(checkKey('A'.repeat(33)))).not.toBeNull()
  })

  it('refuses a hotkey that is not one printable character, reserved, a role key, or another label’s', () => {
    const labels = [{ key: 'PERSON', hotkey: '1' }, { key: 'OLD', hotkey: '9', retired: true }]
    expect(checkHotkey('5', null, labels, ['p'])).toBeNull()
    expect(text(checkHotkey('ab', null, labels, ['p']))).toMatch(/single printable character/)
    expect(text(checkHotkey(' ', null, labels, ['p']))).toMatch(/single printable character/)
    expect(text(checkHotkey('e', null, labels, ['p']))).toMatch(/already an app shortcut/)
    expect(text(checkHotkey('p', null, labels, ['p']))).toMatch(/relation role/)
    expect(text(checkHotkey('1', null, labels, ['p']))).toMatch(/already used by PERSON/)
    expect(checkHotkey('1', 'PERSON', labels, ['p'])).toBeNull()
    // A retired label's hotkey is free.
    expect(checkHotkey('9', null, labels, ['p'])).toBeNull()
  })

  it('checks contrast against both theme backgrounds (WCAG ratio)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#777777')).toBeCloseTo(1, 5)
    expect(text(checkColor('#ffd43b'))).toMatch(/too light to see on the light theme/)
    expect(text(checkColor('#1a1a40'))).toMatch(/too dark to see on the dark theme/)
    expect(text(checkColor('red'))).toMatch(/#rrggbb/)
    for (const l of DEFAULT_LABELS) expect(text(checkColor(l.color)), l.key).toBeNull()
  })
})

describe('label schema service', () => {
  it('adds a label after the others, usable for spans, and refuses a duplicate key or colliding hotkey', async () => {
    const r = await core.call<Changed>('addLabel', { key: 'PLACE', name: ' Place ', hotkey: '5', color: '#1C7ED6', guideline: '서울, 판교' })
    expect(r.labels.map((l) => l.key)).toEqual(['PERSON', 'ORGANISATION', 'DATE', 'MEETING', 'PLACE'])
    expect(r.labels[4]).toMatchObject({ name: 'Place', color: '#1c7ed6', retired: false, spans: 0, guideline: '서울, 판교' })
    const again = await refused('addLabel', { key: 'PLACE', name: 'Place', hotkey: '6', color: '#1c7ed6' })
    expect(again.code).toBe('conflict')
    const clash = await refused('addLabel', { key: 'CITY', name: 'City', hotkey: '1', color: '#1c7ed6' })
    expect(clash.message).toMatch(/"1" is already used by PERSON/)
    const role = await refused('editLabel', { key: 'PLACE', hotkey: 'd' })
    expect(role.message).toMatch(/relation role/)
    const pale = await refused('editLabel', { key: 'PLACE', color: '#fff3bf' })
    expect(pale.message).toMatch(/too light/)
    const session = await core.call<{ labels: { key: string }[] }>('getSession', {})
    expect(session.labels.map((l) => l.key)).toContain('PLACE')
    expect((await core.call<LabelInfo[]>('listLabels', {})).find((l) => l.key === 'CITY')).toBeUndefined()
  })

  it('edits name, colour, hotkey and guideline but keeps the key', async () => {
    const r = await core.call<Changed>('editLabel', { key: 'DATE', name: '날짜', hotkey: '7', color: '#087f5b', guideline: '4일, 지난해' })
    expect(r.labels.find((l) => l.key === 'DATE')).toMatchObject({ name: '날짜', hotkey: '7', color: '#087f5b', guideline: '4일, 지난해' })
    expect((await refused('editLabel', { key: 'NOPE', name: 'x' })).code).toBe('not_found')
    expect((await refused('editLabel', { key: 'DATE', name: '   ' })).message).toMatch(/display name is empty/)
  })

  it('renames a key and moves its spans, relation roles and entity types in one transaction', async () => {
    const { person } = await someSpans()
    await core.call('createEntity', { annotator: 'alice', name: '최태원', type: 'PERSON' })
    const r = await core.call<Changed & { spans: number }>('renameLabelKey', { key: 'PERSON', newKey: 'PER' })
    expect(r.spans).toBe(1)
    expect(r.labels.map((l) => l.key)).toEqual(['PER', 'ORGANISATION', 'DATE', 'MEETING'])
    expect(r.labels[0]).toMatchObject({ spans: 1, hotkey: '1', position: 0 })
    const span = core.project.db.prepare('SELECT label FROM spans WHERE id = ?').get(person) as { label: string }
    expect(span.label).toBe('PER')
    const roles = await core.call<{ type: string; toLabels: string[] }[]>('listRelationRoles', {})
    expect(roles.find((x) => x.type === 'participant')?.toLabels).toEqual(['PER', 'ORGANISATION'])
    expect(core.project.db.prepare("SELECT type FROM entities WHERE name = '최태원'").get()).toEqual({ type: 'PER' })
    expect(core.project.db.prepare("SELECT COUNT(*) AS n FROM spans WHERE label = 'PERSON'").get()).toEqual({ n: 0 })
  })

  it('refuses a rename onto an existing key, a bad key, or MEETING, and a failing rename leaves everything unchanged', async () => {
    await someSpans()
    const before = dumpProject(core.project)
    expect((await refused('renameLabelKey', { key: 'PERSON', newKey: 'DATE' })).code).toBe('conflict')
    expect((await refused('renameLabelKey', { key: 'PERSON', newKey: 'per' })).message).toMatch(/not a valid label key/)
    expect((await refused('renameLabelKey', { key: 'MEETING', newKey: 'EVENT' })).message).toMatch(/Meetings view/)
    // A failure in the middle (after the labels row and spans moved): a trigger makes the role update fail.
    core.project.db.exec(
      "CREATE TEMP TRIGGER labels_test_fail BEFORE UPDATE ON relation_roles BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    const mid = await core.dispatch('renameLabelKey', { key: 'PERSON', newKey: 'PER' })
    expect(mid.ok === false && english(mid.error).message).toMatch(/disk on fire/)
    core.project.db.exec('DROP TRIGGER labels_test_fail')
    expect(dumpProject(core.project)).toEqual(before)
  })

  it('reorders labels and refuses an order that leaves one out', async () => {
    const r = await core.call<Changed>('reorderLabels', { keys: ['MEETING', 'PERSON', 'ORGANISATION', 'DATE'] })
    expect(r.labels.map((l) => l.key)).toEqual(['MEETING', 'PERSON', 'ORGANISATION', 'DATE'])
    const bad = await refused('reorderLabels', { keys: ['MEETING', 'PERSON'] })
    expect(bad.details).toEqual(['missing: ORGANISATION', 'missing: DATE'])
  })

  it('retires a label: its spans are kept, it is marked, its hotkey is free; unretire refuses when the hotkey was taken', async () => {
    const { docId } = await someSpans()
    const r = await core.call<Changed>('setLabelRetired', { key: 'PERSON', retired: true })
    expect(r.labels.find((l) => l.key === 'PERSON')).toMatchObject({ retired: true, spans: 1 })
    // The core refuses new spans with a retired label, whoever asks (UI, occurrences, another program).
    const fresh = await refused('createSpan', { docId, annotator: 'alice', start: 10, end: 12, label: 'PERSON' })
    expect(fresh.message).toMatch(/retired/)
    expect(english(r.description)).toMatch(/its span is kept/)
    const session = await core.call<{ labels: { key: string; retired?: boolean }[] }>('getSession', {})
    expect(session.labels.find((l) => l.key === 'PERSON')?.retired).toBe(true)
    await core.call('addLabel', { key: 'PER', name: 'Person', hotkey: '1', color: '#d9480f' })
    const back = await refused('setLabelRetired', { key: 'PERSON', retired: false })
    expect(back.message).toMatch(/cannot come back with its hotkey/)
    // A retired label can still be edited while its old hotkey is taken.
    await core.call('editLabel', { key: 'PERSON', guideline: 'Old person label' })
    await core.call('editLabel', { key: 'PERSON', hotkey: '8' })
    expect((await core.call<Changed>('setLabelRetired', { key: 'PERSON', retired: false })).labels[0]!.retired).toBe(false)
  })

  it('exports the schema and imports it into a fresh project (round trip), adding and updating by key', async () => {
    await core.call('addLabel', { key: 'PLACE', name: 'Place', hotkey: '5', color: '#1c7ed6', guideline: '판교' })
    await core.call('setLabelRetired', { key: 'DATE', retired: true })
    const exported = await core.call<{ fileName: string; content: string }>('exportLabelSchema', {})
    expect(exported.fileName).toBe('p.schema.json')
    const file = JSON.parse(exported.content) as { spanmark_schema: number; labels: unknown[]; roles: unknown[] }
    expect(file.spanmark_schema).toBe(1)
    expect(file.labels).toHaveLength(5)
    expect(file.roles).toHaveLength(3)

    const other = tempCore({ annotator: 'bob', seeds: false })
    try {
      await other.call('editLabel', { key: 'PERSON', name: '인물' })
      const r = await other.call<Changed & { added: string[]; updated: string[] }>('importLabelSchema', { name: exported.fileName, content: exported.content })
      expect(r.added).toEqual(['PLACE'])
      expect(r.updated).toEqual(['PERSON', 'DATE'])
      const strip = (ls: LabelInfo[]) => ls.map(({ spans: _s, ...l }) => l)
      expect(strip(r.labels)).toEqual(strip(await core.call<LabelInfo[]>('listLabels', {})))
      expect(await other.call('listRelationRoles', {})).toEqual(await core.call('listRelationRoles', {}))
      const again = await other.call<{ content: string }>('exportLabelSchema', {})
      expect(again.content).toBe(exported.content)
    } finally {
      other.cleanup()
    }
  })

  it('refuses a malformed schema file with a message naming the file, and changes nothing', async () => {
    const before = dumpProject(core.project)
    const notJson = await refused('importLabelSchema', { name: 'team.schema.json', content: '{"spanmark_schema": 1,' })
    expect(notJson.message).toMatch(/^team\.schema\.json is not a Spanmark schema file: it is not valid JSON/)
    const noMarker = await refused('importLabelSchema', { name: 'labels.json', content: '{"labels": []}' })
    expect(noMarker.message).toMatch(/labels\.json .*no "spanmark_schema" field/)
    const future = await refused('importLabelSchema', { name: 'new.json', content: '{"spanmark_schema": 2, "labels": []}' })
    expect(future.message).toMatch(/version 2/)
    const shape = await refused('importLabelSchema', { name: 's.json', content: '{"spanmark_schema": 1, "labels": [{"key": "X"}]}' })
    expect(shape.message).toMatch(/^s\.json is not a valid Spanmark schema file/)
    expect(shape.details.join('\n')).toMatch(/labels\.0\.name/)
    // One good label and one bad: all or nothing.
    const content = JSON.stringify({
      spanmark_schema: 1,
      labels: [
        { key: 'PLACE', name: 'Place', hotkey: '5', color: '#1c7ed6' },
        { key: 'CITY', name: 'City', hotkey: '5', color: '#1c7ed6' },
        { key: 'pale', name: 'Pale', hotkey: '6', color: '#fff3bf' }
      ]
    })
    const mixed = await refused('importLabelSchema', { name: 'team.schema.json', content })
    expect(mixed.message).toMatch(/^team\.schema\.json was not imported \(nothing changed\): 3 problems/)
    expect(mixed.details).toEqual([
      expect.stringMatching(/^labels\[2\] \(pale\): .*not a valid label key/),
      expect.stringMatching(/^PLACE: .*"5" is already used by CITY/),
      expect.stringMatching(/^CITY: .*"5" is already used by PLACE/)
    ])
    expect(dumpProject(core.project)).toEqual(before)
  })
})

describe('label changes reach other tabs', () => {
  it('announces each committed change as a labels event, and nothing for a refusal or a read', async () => {
    const feed = new ChangeFeed()
    const events: LiveEvent[] = []
    feed.subscribe((e) => events.push(liveEventSchema.parse(e)))
    const dispatch = createDispatcher(createApiHandlers({ project: core.project, prefs: new PrefsStore(join(core.dir, 'p2.json')), feed }), () => {})
    await dispatch('listLabels', {})
    await dispatch('exportLabelSchema', {})
    await dispatch('addLabel', { key: 'PLACE', name: 'Place', hotkey: '1', color: '#1c7ed6' })
    expect(events).toEqual([])
    await dispatch('addLabel', { key: 'PLACE', name: 'Place', hotkey: '5', color: '#1c7ed6' })
    await dispatch('setLabelRetired', { key: 'PLACE', retired: true })
    await dispatch('renameLabelKey', { key: 'PLACE', newKey: 'LOCATION' })
    expect(events.map((e) => [e.kind, english(e.description)])).toEqual([
      ['labels', 'Add label Place (PLACE)'],
      ['labels', 'Retire label Place (PLACE); its 0 spans are kept and marked'],
      ['labels', 'Rename label key PLACE to LOCATION (0 spans moved)']
    ])
  })
})

describe('spanmark labels', () => {
  async function cli(...args: string[]) {
    const out: string[] = []
    const err: string[] = []
    const status = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
    return { status, out, err }
  }

  it('lists, adds, edits, moves, retires, renames, exports and imports', async () => {
    await someSpans()
    core.project.close()
    const p = join(core.dir, 'p.sqlite')
    const add = await cli('labels', 'add', '--project', p, 'PLACE', '--name', 'Place', '--hotkey', '5', '--color', '#1c7ed6')
    expect(add).toMatchObject({ status: 0, out: ['Add label Place (PLACE)'] })
    expect((await cli('labels', 'edit', '--project', p, 'PLACE', '--guideline', '판교', '--position', '1')).status).toBe(0)
    expect((await cli('labels', 'retire', '--project', p, 'DATE')).status).toBe(0)
    const rename = await cli('labels', 'rename', '--project', p, 'PERSON', 'PER')
    expect(rename.out).toEqual(['Rename label key PERSON to PER (1 span moved)'])
    const list = await cli('labels', 'list', '--project', p)
    expect(list.out.map((l) => l.split(/\s{2,}/))).toEqual([
      ['key', 'hotkey', 'colour', 'name', 'spans'],
      ['PLACE', '5', '#1c7ed6', 'Place', '0'],
      ['PER', '1', '#d9480f', 'Person', '1'],
      ['ORGANISATION', '2', '#1971c2', 'Organisation', '0'],
      ['DATE', '3', '#2b8a3e', 'Date', '0', 'retired'],
      ['MEETING', '4', '#ae3ec9', 'Meeting', '1']
    ])
    const out = join(core.dir, 'team.schema.json')
    expect((await cli('labels', 'export', '--project', p, '--out', out)).status).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).labels[0].guideline).toBe('판교')
    const fresh = join(core.dir, 'fresh.sqlite')
    expect((await cli('labels', 'list', '--project', fresh)).err[0]).toMatch(/There is no project at/)
    // A fresh project: create it through the core, then import.
    tempCoreAt(fresh)
    // The fresh project's PERSON holds hotkey 1, which the file gives PER: refused, with the reason.
    const clash = await cli('labels', 'import', '--project', fresh, out)
    expect(clash.status).toBe(2)
    expect(clash.err.join('\n')).toMatch(/PER: The hotkey "1" is already used by PERSON/)
    expect((await cli('labels', 'retire', '--project', fresh, 'PERSON')).status).toBe(0)
    const imported = await cli('labels', 'import', '--project', fresh, out)
    expect(imported.status).toBe(0)
    expect(imported.out[0]).toMatch(/^Import schema team\.schema\.json: 2 label\(s\) added, 1 updated$/)
  })

  it('says what is wrong: a colliding hotkey, a missing option, an unknown subcommand, a bad file', async () => {
    core.project.close()
    const p = join(core.dir, 'p.sqlite')
    const clash = await cli('labels', 'add', '--project', p, 'CITY', '--name', 'City', '--hotkey', '2', '--color', '#1c7ed6')
    expect(clash.status).toBe(2)
    expect(clash.err[0]).toMatch(/"2" is already used by ORGANISATION/)
    expect((await cli('labels', 'add', '--project', p, 'CITY')).err[0]).toMatch(/needs --name, --hotkey and --color/)
    expect((await cli('labels', 'frobnicate', '--project', p)).err[0]).toMatch(/Unknown labels command "frobnicate"/)
    expect((await cli('labels', 'list')).err[0]).toMatch(/Missing --project/)
    const bad = join(core.dir, 'bad.json')
    writeFileSync(bad, 'not json')
    const r = await cli('labels', 'import', '--project', p, bad)
    expect(r.status).toBe(2)
    expect(r.err[0]).toMatch(/bad\.json is not a Spanmark schema file/)
  })
})

function tempCoreAt(path: string): void {
  // Project.open creates and seeds the file: a fresh project with the default labels.
  Project.open(path).close()
}
