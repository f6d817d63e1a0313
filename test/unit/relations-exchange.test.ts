import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { exportLayer, exportLayerAs } from '../../src/main/services/export-service'
import { importFiles } from '../../src/main/services/import-service'
import { RelationsService } from '../../src/main/services/relations-service'
import { ApiError } from '../../src/shared/errors'
import { dumpProject } from './helpers/dump'
import { tempProject, utf8 } from './helpers/temp-project'
import { detailText } from './helpers/english'

const TEXT = '최태원 SK그룹 회장과 샘 올트먼 CEO가 4일 회동했다.'
const cp = (word: string): { start: number; end: number } => {
  const start = [...TEXT.slice(0, TEXT.indexOf(word))].length
  return { start, end: start + [...word].length }
}

let a: ReturnType<typeof tempProject>
let b: ReturnType<typeof tempProject>
beforeEach(() => {
  a = tempProject()
  b = tempProject()
})
afterEach(() => {
  a.cleanup()
  b.cleanup()
})

/** Links of a layer as (from text, type, to text), independent of span ids. */
function links(p: typeof a.project, docId: string, who: string): string[] {
  const text = (id: number) => {
    const s = p.spans.get(id)!
    return [...TEXT].slice(s.start, s.end).join('')
  }
  return p.relations.layer(docId, who).map((r) => `${text(r.from)} -${r.type}-> ${text(r.to)}`)
}

function exported(p: typeof a.project, who: string): string {
  const lines: string[] = []
  exportLayer(p, who, (l) => lines.push(l))
  return lines.join('')
}

const refusal = (fn: () => unknown): ApiError => {
  try {
    fn()
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('relations in the canonical JSONL', () => {
  it('exports span ids and relations, and imports them into another project with new ids (round trip, idempotent)', () => {
    a.project.write(() => a.project.documents.insert({ id: 'd1', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
    a.project.write(() => a.project.documents.insert({ id: 'd2', title: 't', text: 'no links here', meta: {}, length: 13 }, 'now'))
    const spans = new AnnotationService(a.project)
    const rel = new RelationsService(a.project)
    const mk = (word: string, label: string, docId = 'd1') => spans.createSpan({ docId, annotator: 'alice', ...cp(word), label }).changes[0]!.spanId
    const meeting = mk('회동', 'MEETING')
    const chey = mk('최태원', 'PERSON')
    const day = mk('4일', 'DATE')
    spans.createSpan({ docId: 'd2', annotator: 'alice', start: 0, end: 2, label: 'PERSON' })
    rel.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' })
    rel.createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: day, type: 'date' })

    const content = exported(a.project, 'alice')
    const [line1, line2] = content.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(line1!['relations']).toEqual([
      { from: meeting, to: chey, type: 'participant' },
      { from: meeting, to: day, type: 'date' }
    ])
    expect((line1!['spans'] as { id: number; text: string }[]).map((s) => [s.id, s.text])).toEqual([
      [chey, '최태원'],
      [day, '4일'],
      [meeting, '회동']
    ])
    // A document without links is exported as before: no span ids, no "relations".
    expect(line2).toEqual({ id: 'd2', text: 'no links here', annotator: 'alice', meta: {}, spans: [{ start: 0, end: 2, label: 'PERSON', text: 'no' }] })

    // Into another project whose span ids differ (a span made first takes id 1).
    b.project.write(() => b.project.documents.insert({ id: 'other', title: 't', text: 'xyz', meta: {}, length: 3 }, 'now'))
    new AnnotationService(b.project).createSpan({ docId: 'other', annotator: 'alice', start: 0, end: 1, label: 'PERSON' })
    importFiles(b.project, [{ name: 'a.jsonl', bytes: utf8(content) }])
    expect(links(b.project, 'd1', 'alice')).toEqual(['회동 -participant-> 최태원', '회동 -date-> 4일'])
    expect(b.project.relations.layer('d1', 'alice').map((r) => r.from)).not.toContain(meeting)
    // The import is one undo-able group holding its spans and its links.
    const group = b.project.history.recent(1)[0]!
    expect(group.kind).toBe('import')
    expect(b.project.relations.changesOf(group.id)).toHaveLength(2)
    // Importing again adds nothing, and the export of the copy names the same links.
    const before = dumpProject(b.project)
    importFiles(b.project, [{ name: 'a.jsonl', bytes: utf8(content) }])
    expect(dumpProject(b.project)['relations']).toEqual(before['relations'])
    expect(dumpProject(b.project)['spans']).toEqual(before['spans'])
  })

  it('refuses unknown span ids, unknown roles and labels a role does not link, with file:line, writing nothing', () => {
    const spans = [
      { id: 'm', ...cp('회동'), label: 'MEETING' },
      { id: 'p', ...cp('최태원'), label: 'PERSON' },
      { id: 'd', ...cp('4일'), label: 'DATE' }
    ]
    const line = (id: string, relations: unknown[]) => JSON.stringify({ id, text: TEXT, annotator: 'alice', spans, relations })
    const file = [
      line('ok', [{ from: 'm', to: 'p', type: 'participant' }]),
      line('x1', [{ from: 'm', to: 'zz', type: 'participant' }]),
      line('x2', [{ from: 'm', to: 'p', type: 'venue' }]),
      line('x3', [{ from: 'm', to: 'd', type: 'participant' }])
    ].join('\n')
    const before = dumpProject(b.project)
    const err = refusal(() => importFiles(b.project, [{ name: 'bad.jsonl', bytes: utf8(file) }]))
    expect(detailText(err)).toEqual([
      'bad.jsonl:2: relation 1: no span of this line has the id "zz"; "from" and "to" are span "id"s.',
      'bad.jsonl:3: relation 1: unknown link type "venue" (this project has participant, date, place).',
      'bad.jsonl:4: relation 1: Participant links Meeting to Person / Organisation, but the other span is Date.'
    ])
    expect(dumpProject(b.project)).toEqual(before)
  })

  it('doccano: a document with links is a relation extraction line (entities with ids, UTF-16 offsets), and imports back', () => {
    const text = '😀 ' + TEXT
    const at = (word: string) => {
      const start = [...text.slice(0, text.indexOf(word))].length
      return { start, end: start + [...word].length }
    }
    a.project.write(() => a.project.documents.insert({ id: 'd1', title: 't', text, meta: {}, length: [...text].length }, 'now'))
    const spans = new AnnotationService(a.project)
    const mk = (word: string, label: string) => spans.createSpan({ docId: 'd1', annotator: 'alice', ...at(word), label }).changes[0]!.spanId
    const meeting = mk('회동', 'MEETING')
    const chey = mk('최태원', 'PERSON')
    const link = new RelationsService(a.project).createRelation({ annotator: 'alice', docId: 'd1', from: meeting, to: chey, type: 'participant' })
    const lines: string[] = []
    const notes: string[] = []
    exportLayerAs(a.project, 'alice', { format: 'doccano' }, (l) => lines.push(l), { err: (l) => notes.push(l) })
    expect(notes).toEqual([])
    const u16 = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length]
    expect(JSON.parse(lines[0]!)).toEqual({
      id: 'd1',
      text,
      entities: [
        { id: chey, label: 'PERSON', start_offset: u16('최태원')[0], end_offset: u16('최태원')[1] },
        { id: meeting, label: 'MEETING', start_offset: u16('회동')[0], end_offset: u16('회동')[1] }
      ],
      relations: [{ id: link.relationChanges![0]!.relationId, from_id: meeting, to_id: chey, type: 'participant' }]
    })
    const r = importFiles(b.project, [{ name: 'd.jsonl', bytes: utf8(lines.join('')) }], { annotator: 'bob' })
    expect(r.newSpans).toBe(2)
    const got = b.project.relations.layer('d1', 'bob').map((x) => [b.project.spans.get(x.from)!.label, x.type, b.project.spans.get(x.to)!.label])
    expect(got).toEqual([['MEETING', 'participant', 'PERSON']])
    expect(b.project.spans.layer('d1', 'bob').map((x) => [x.start, x.end])).toEqual([at('최태원'), at('회동')].map((x) => [x.start, x.end]))
  })
})
