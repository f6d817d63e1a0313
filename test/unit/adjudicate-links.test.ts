import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { AnnotationService } from '../../src/main/services/annotation-service'
import { RelationsService } from '../../src/main/services/relations-service'
import { ReviewService } from '../../src/main/services/review-service'
import { GOLD } from '../../src/shared/layers'
import { Project } from '../../src/main/store/project'
import { tempProject } from './helpers/temp-project'

/** `spanmark adjudicate` accepts agreed links (once both ends are gold) along with agreed spans, on a real project file. */
const TEXT = '최태원 SK그룹 회장과 샘 올트먼이 4일 회동했다.'
const CHEY = { start: 0, end: 3, label: 'PERSON' }
const ALTMAN = { start: 13, end: 18, label: 'PERSON' }
const ALTMAN_SHORT = { start: 15, end: 18, label: 'PERSON' }
const DAY = { start: 20, end: 22, label: 'DATE' }
const MEETING = { start: 23, end: 25, label: 'MEETING' }

let t: ReturnType<typeof tempProject>

function span(who: string, s: { start: number; end: number; label: string }): number {
  const r = new AnnotationService(t.project).createSpan({ docId: 'd', annotator: who, ...s })
  return r.changes[0]?.spanId as number
}
function link(who: string, from: number, to: number, type: string): void {
  new RelationsService(t.project).createRelation({ annotator: who, docId: 'd', from, to, type })
}
function goldLinks(project: Project): string[] {
  return project.relations
    .layer('d', GOLD)
    .map((r) => `${project.spans.get(r.from)?.label}>${r.type}>${project.spans.get(r.to)?.start}:${project.spans.get(r.to)?.end}`)
    .sort()
}

async function adjudicate(args: string[]): Promise<{ status: number; out: string[] }> {
  t.project.close()
  const out: string[] = []
  const status = await runCli(['adjudicate', '--project', t.file, '--annotators', 'minji,junho,sora', '--reviewer', 'lead', ...args], {
    out: (l) => out.push(l),
    err: (l) => out.push(l)
  })
  t.project = Project.open(t.file)
  return { status, out }
}

beforeEach(() => {
  t = tempProject()
  t.project.write(() => t.project.documents.insert({ id: 'd', title: 't', text: TEXT, meta: {}, length: [...TEXT].length }, 'now'))
  // All three: the meeting with 최태원 as participant and 4일 as date.
  for (const who of ['minji', 'junho', 'sora']) {
    const m = span(who, MEETING)
    link(who, m, span(who, CHEY), 'participant')
    link(who, m, span(who, DAY), 'date')
  }
  // minji and junho: 샘 올트먼 as participant; sora: only 올트먼 (shorter), which nobody else has.
  for (const who of ['minji', 'junho']) link(who, t.project.spans.findIdentical('d', who, MEETING)?.id as number, span(who, ALTMAN), 'participant')
  link('sora', t.project.spans.findIdentical('d', 'sora', MEETING)?.id as number, span('sora', ALTMAN_SHORT), 'participant')
})
afterEach(() => t.cleanup())

describe('spanmark adjudicate with links', () => {
  it('with everyone required, accepts the links all three share, and counts the rest as remaining', async () => {
    const { status, out } = await adjudicate([])
    expect(status).toBe(0)
    expect(out[0]).toMatch(/^Accepted 3 span\(s\) into gold on which at least 3 of minji, junho, sora agree, in 1 document\(s\).*2 difference\(s\) remain/)
    expect(out[1]).toBe(
      'Accepted 2 link(s) (meeting participants, dates, places) that at least 3 agree on and whose ends are in gold. 2 link(s) remain for review.'
    )
    expect(goldLinks(t.project)).toEqual(['MEETING>date>20:22', 'MEETING>participant>0:3'])
  })

  it('with two of three, also accepts 샘 올트먼 (span and link); one undo takes spans and links back together', async () => {
    const { out } = await adjudicate(['--min-agree', '2'])
    expect(out[0]).toMatch(/^Accepted 4 span\(s\).*1 difference\(s\) remain/)
    expect(out[1]).toMatch(/^Accepted 3 link\(s\) .* 1 link\(s\) remain for review\.$/)
    expect(goldLinks(t.project)).toEqual(['MEETING>date>20:22', 'MEETING>participant>0:3', 'MEETING>participant>13:18'])
    // Running it again accepts nothing new and counts only the link still open.
    const again = await adjudicate(['--min-agree', '2'])
    expect(again.out[0]).toMatch(/^Accepted 0 span\(s\)/)
    expect(again.out[1]).toMatch(/^Accepted 0 link\(s\) .* 1 link\(s\) remain for review\.$/)
    // The adjudication is one undoable step for the reviewer: spans and links leave gold together.
    new AnnotationService(t.project).undo({ annotator: 'lead' })
    expect(t.project.spans.layer('d', GOLD)).toEqual([])
    expect(goldLinks(t.project)).toEqual([])
  })

  it('a link whose end a reviewer rejected stays out of gold and is counted as remaining', async () => {
    new ReviewService(t.project).reject({ reviewer: 'lead', docId: 'd', state: DAY })
    const { out } = await adjudicate([])
    expect(out[1]).toMatch(/^Accepted 1 link\(s\) .* 3 link\(s\) remain for review\.$/)
    expect(goldLinks(t.project)).toEqual(['MEETING>participant>0:3'])
  })

  it('says nothing about links when there are none', async () => {
    t.project.write(() => {
      for (const who of ['minji', 'junho', 'sora']) for (const r of t.project.relations.layer('d', who)) t.project.relations.delete(r.id)
    })
    const { out } = await adjudicate([])
    expect(out).toHaveLength(1)
  })
})
