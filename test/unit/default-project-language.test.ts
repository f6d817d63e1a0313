import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOrCreateProject } from '../../src/main/default-project'
import { runCli } from '../../src/main/cli/main'
import { Project } from '../../src/main/store/project'
import { tempDir } from './helpers/temp-project'

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

const names = (p: Project): string[] => p.labels.list().map((l) => l.name)
const roles = (p: Project): string[] => p.relations.roles().map((r) => r.name)

describe('a new project’s default labels come in the UI language it is created in', () => {
  it('Korean: label names, guidelines and the built-in link roles in Korean; keys and hotkeys unchanged', () => {
    const p = openOrCreateProject(join(t.dir, 'ko.sqlite'), null, {}, 'ko')
    try {
      expect(names(p)).toEqual(['인물', '조직', '날짜', '회의'])
      expect(p.labels.list().map((l) => [l.key, l.hotkey])).toEqual([['PERSON', '1'], ['ORGANISATION', '2'], ['DATE', '3'], ['MEETING', '4']])
      expect(p.labels.get('PERSON')?.guideline).toMatch(/^이름으로 가리킨 사람/)
      expect(roles(p)).toEqual(['참석자', '날짜', '장소'])
    } finally {
      p.close()
    }
  })

  it('English (the default): as seeded', () => {
    const p = openOrCreateProject(join(t.dir, 'en.sqlite'), null)
    try {
      expect(names(p)).toEqual(['Person', 'Organisation', 'Date', 'Meeting'])
      expect(roles(p)).toEqual(['Participant', 'Date', 'Place'])
    } finally {
      p.close()
    }
  })

  it('after that they are project data: opening it in another language changes nothing', () => {
    const file = join(t.dir, 'p.sqlite')
    openOrCreateProject(file, null, {}, 'en').close()
    const again = openOrCreateProject(file, null, {}, 'ko')
    try {
      expect(names(again)).toEqual(['Person', 'Organisation', 'Date', 'Meeting'])
    } finally {
      again.close()
    }
  })

  it('the CLI creates a project in the language of LANG', async () => {
    const saved = process.env.LANG
    process.env.LANG = 'ko_KR.UTF-8'
    try {
      const file = join(t.dir, 'cli.sqlite')
      const txt = join(t.dir, 'a.txt')
      writeFileSync(txt, '본문')
      expect(await runCli(['import', '--project', file, txt], { out: () => {}, err: () => {} })).toBe(0)
      const p = Project.open(file)
      try {
        expect(names(p)).toEqual(['인물', '조직', '날짜', '회의'])
      } finally {
        p.close()
      }
    } finally {
      if (saved === undefined) delete process.env.LANG
      else process.env.LANG = saved
    }
  })
})
