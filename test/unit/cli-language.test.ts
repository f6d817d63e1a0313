import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { cliLocale } from '../../src/main/cli/render-message'
import { tempDir } from './helpers/temp-project'

/**
 * The CLI prints the core's messages in the person's language: Korean when the POSIX locale
 * (LC_ALL, LC_MESSAGES, LANG) is ko*, English otherwise and by default.
 */
const ROOT = resolve(__dirname, '..', '..')
const HANGUL = /[\uac00-\ud7a3]/

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

describe('cliLocale', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; ko* is Korean, anything else English', () => {
    expect(cliLocale({ LANG: 'ko_KR.UTF-8' })).toBe('ko')
    expect(cliLocale({ LANG: 'ko' })).toBe('ko')
    expect(cliLocale({ LANG: 'C' })).toBe('en')
    expect(cliLocale({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(cliLocale({})).toBe('en')
    expect(cliLocale({ LANG: 'kok_IN' })).toBe('en') // Konkani is not Korean
    expect(cliLocale({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' })).toBe('en')
    expect(cliLocale({ LANG: 'C', LC_MESSAGES: 'ko_KR.UTF-8' })).toBe('ko')
  })
})

/** Runs the CLI in this process with an environment, restoring it after. */
async function run(args: string[], env: Record<string, string | undefined>): Promise<{ status: number; err: string }> {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES }
  Object.assign(process.env, { LC_ALL: '', LC_MESSAGES: '' }, env)
  const err: string[] = []
  try {
    const status = await runCli(args, { out: () => {}, err: (l) => err.push(l) })
    return { status, err: err.join('\n') }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

describe('the CLI speaks the person’s language', () => {
  it('a refused import: Korean under LANG=ko_KR.UTF-8, English under LANG=C, file and line kept in both', async () => {
    const bad = join(t.dir, 'bad.jsonl')
    writeFileSync(bad, '{"id":"a","text":"가나다"}\n[1, 2]\n')
    const project = join(t.dir, 'P.sqlite')
    const ko = await run(['import', '--project', project, '--annotator', 'alice', bad], { LANG: 'ko_KR.UTF-8' })
    expect(ko.status).toBe(1)
    expect(ko.err).toContain('아무것도 가져오지 않았습니다')
    expect(ko.err).toContain(`${bad}:2: 각 줄은 JSON 객체`)
    expect(ko.err).not.toMatch(/Nothing was imported|each line must be/)

    const en = await run(['import', '--project', project, '--annotator', 'alice', bad], { LANG: 'C' })
    expect(en.status).toBe(1)
    expect(en.err).toContain('Nothing was imported')
    expect(en.err).toContain(`${bad}:2: each line must be one JSON object`)
    expect(en.err).not.toMatch(HANGUL)
  })

  it('the built bin/spanmark.js: a reserved annotator name is refused in the locale’s language', () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build the app first (npx electron-vite build): this test runs bin/spanmark.js.')
    const file = join(t.dir, 'a.txt')
    writeFileSync(file, '본문')
    const spawn = (LANG: string): string => {
      try {
        execFileSync(process.execPath, [join(ROOT, 'bin', 'spanmark.js'), 'import', '--project', join(t.dir, 'Q.sqlite'), '--annotator', '', file], {
          env: { ...process.env, LANG, LC_ALL: '', LC_MESSAGES: '' },
          stdio: 'pipe'
        })
      } catch (err) {
        return String((err as { stderr: Buffer }).stderr)
      }
      throw new Error('the CLI accepted an empty annotator name')
    }
    expect(spawn('ko_KR.UTF-8')).toContain('작업자 이름이 비어 있습니다')
    expect(spawn('C')).toContain('The annotator name is empty')
  })
})
