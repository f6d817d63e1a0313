import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { tempCore } from './helpers/core'
import { english } from './helpers/english'

/**
 * The CLI goes through the same handlers and dispatcher as IPC and HTTP: what the
 * API refuses, the command refuses in the same words, and what the API exports, the
 * command writes, byte for byte.
 */

let core: ReturnType<typeof tempCore>
let out: string[]
let err: string[]
const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }

beforeEach(() => {
  core = tempCore({ annotator: 'alice' })
  out = []
  err = []
})
afterEach(() => core.cleanup())

/** A copy of the core's project for the CLI (the core keeps its own open). */
function cliProject(): string {
  core.project.db.pragma('wal_checkpoint(TRUNCATE)')
  const file = join(core.dir, 'cli.sqlite')
  copyFileSync(core.project.path, file)
  return file
}

describe('the CLI and the API share their handlers', () => {
  it('a label the API refuses is refused by `spanmark labels add` with the same message, and nothing changes', async () => {
    const args = { key: 'PERSON', name: 'Person again', hotkey: '9', color: '#123456' }
    const api = await core.dispatch('addLabel', args)
    expect(api.ok).toBe(false)
    if (api.ok) return
    const file = cliProject()
    const status = await runCli(['labels', 'add', '--project', file, args.key, '--name', args.name, '--hotkey', args.hotkey, '--color', args.color], io)
    expect(status).toBe(1)
    expect(err[0]).toBe(`spanmark: ${english(api.error).message}`)
    // Invalid arguments: the dispatcher's validation message, exit status 2.
    const invalid = await core.dispatch('addLabel', { ...args, key: 'lower' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    err = []
    expect(await runCli(['labels', 'add', '--project', file, 'lower', '--name', 'x', '--hotkey', '9', '--color', '#123456'], io)).toBe(2)
    expect(err[0]).toBe(`spanmark: ${!invalid.ok && english(invalid.error).message}`)
    out = []
    await runCli(['labels', 'list', '--project', file], io)
    expect(out.join('\n')).not.toMatch(/Person again|lower/)
  })

  it('`spanmark export` writes exactly what exportJsonl returns, in every format', async () => {
    await core.call('createSpan', { docId: '000_2f535eeb48f059c6', annotator: 'alice', start: 9, end: 12, label: 'PERSON' })
    const file = cliProject()
    for (const format of ['spanmark', 'doccano', 'prodigy'] as const) {
      const api = await core.call<{ content: string; notes: string[] }>('exportJsonl', { annotator: 'alice', format, offsets: 'codepoint' })
      const target = join(core.dir, `${format}.jsonl`)
      err = []
      expect(await runCli(['export', '--project', file, '--annotator', 'alice', '--out', target, '--format', format, '--offsets', 'codepoint'], io)).toBe(0)
      expect(readFileSync(target, 'utf8')).toBe(api.content)
      expect(err).toEqual(api.notes)
    }
  })

  it('`spanmark import` refuses a bad file as importFiles does, in the same words', async () => {
    const bad = '{"id":"x","text":"abc","spans":[{"start":0,"end":2,"label":"NOPE"}],"annotator":"alice"}\n'
    const api = await core.dispatch('importFiles', { files: [{ name: join(core.dir, 'bad.jsonl'), base64: Buffer.from(bad).toString('base64') }] })
    expect(api.ok).toBe(false)
    const file = cliProject()
    writeFileSync(join(core.dir, 'bad.jsonl'), bad)
    expect(await runCli(['import', '--project', file, join(core.dir, 'bad.jsonl')], io)).toBe(1)
    expect(err[0]).toBe(`spanmark: ${!api.ok && english(api.error).message}`)
    expect(err.slice(1)).toEqual(!api.ok ? english(api.error).details.map((d) => `  ${d}`) : [])
  })
})
