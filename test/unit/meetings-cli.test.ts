import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { tempCore } from './helpers/core'
import { D0, D4, meetingsFixture } from './helpers/meetings-fixture'

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

describe('spanmark meetings', () => {
  it('prints the timeline as a table, in date order, unknown dates last', async () => {
    const ids = meetingsFixture(core).linkSeeds()
    await core.call('mergeMeetings', { annotator: 'alice', spanIds: [ids.m0, ids.m4b], name: '서울 회동' })
    const project = join(core.dir, 'p.sqlite')
    const r = await cli('meetings', '--project', project, '--annotator', 'alice')
    expect(r.status).toBe(0)
    expect(r.out[0]).toMatch(/^date\s+as written\s+participants\s+articles\s+event$/)
    expect(r.out.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['2025-02-04', '이날', '최태원, 샘 올트먼', '2', '서울 회동'],
      ['2025-07-14 (week)', '지난주', '최태원, 샘 올트먼', '1'],
      ['?', '26일', '경계현, 경 사장', '1']
    ])
    const none = await cli('meetings', '--project', project, '--annotator', 'carol')
    expect(none.out.join('\n')).toContain('carol has no meetings with links yet')
  })

  it('writes meetings.jsonl with --out and says so; refuses a missing annotator or project', async () => {
    const ids = meetingsFixture(core).linkSeeds()
    const project = join(core.dir, 'p.sqlite')
    const out = join(core.dir, 'meetings.jsonl')
    const r = await cli('meetings', '--project', project, '--annotator', 'alice', '--out', out)
    expect(r).toMatchObject({ status: 0, err: [] })
    expect(r.out).toEqual([`Exported 4 meeting(s) of alice to ${out}.`])
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; mentions: { doc_id: string }[] })
    expect(lines.map((l) => [l.id, l.mentions[0]!.doc_id])).toEqual([
      [`span:${ids.m4b}`, D4],
      [`span:${ids.m0}`, D0],
      [`span:${ids.m4}`, D4],
      [`span:${ids.m3}`, '003_b69184515e3eb931']
    ])
    expect(readdirSync(core.dir).filter((f) => f.endsWith('.partial'))).toEqual([])

    expect((await cli('meetings', '--project', project)).status).toBe(2)
    const missing = await cli('meetings', '--project', join(core.dir, 'nope.sqlite'), '--annotator', 'alice')
    expect(missing.status).toBe(1)
    expect(missing.err.join('\n')).toContain('There is no project at')
    expect(existsSync(join(core.dir, 'nope.sqlite'))).toBe(false)
    const badDir = await cli('meetings', '--project', project, '--annotator', 'alice', '--out', join(core.dir, 'no', 'm.jsonl'))
    expect(badDir.status).toBe(1)
    expect(badDir.err.join('\n')).toContain('does not exist')
  })
})
