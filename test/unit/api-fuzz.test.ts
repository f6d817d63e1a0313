import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/http-server'
import { apiContract, apiMethods, type ApiMethod } from '../../src/shared/api'
import { readMethods } from '../../src/shared/api-effects'
import { API_ERROR_CODES, envelopeSchema, type Envelope } from '../../src/shared/errors'
import { tempCore } from './helpers/core'
import { dumpProject } from './helpers/dump'
import { english } from './helpers/english'

/**
 * Random and near-valid payloads for every API method, at the real dispatcher
 * over a real project and over real HTTP: never a throw, always an envelope; a
 * refusal carries a message the UI can show and leaves every table as it was.
 */

const SEED = '000_2f535eeb48f059c6'
/** Methods that only read (their effect in the registry, src/shared/api-effects.ts): whatever the payload, the project must not change. */
const READ_ONLY = new Set<string>(readMethods)
const RUNS_PER_METHOD = 40
const HUGE = 'x'.repeat(1_000_000)

let core: ReturnType<typeof tempCore>
let server: WebServer
const TOKEN = 'fuzz-token-0123456789abcdef'

beforeAll(async () => {
  core = tempCore({ annotator: 'alice' })
  for (let i = 0; i < 6; i++) {
    const r = await core.dispatch('createSpan', { docId: SEED, annotator: i % 2 ? 'bob' : 'alice', start: i * 3, end: i * 3 + 2, label: 'PERSON' })
    expect(r.ok).toBe(true)
  }
  const staticDir = join(core.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spanmark</title>')
  server = await startWebServer({ dispatch: core.dispatch, staticDir, port: 0, token: TOKEN })
})
afterAll(async () => {
  await server.close()
  core.cleanup()
})

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(HUGE, '', ' ', '\u0000', '\ud800', '__proto__', 'constructor', '../../../etc/passwd', 'PERSON', 'alice', 'gold', SEED, 'a.txt', 'b.jsonl'),
  fc.integer(),
  fc.constantFrom(-1, -0, 0, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity, 1.5, -1e308),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.anything({ maxDepth: 3 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 6 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 5 })
)
const notString = junk.filter((v) => typeof v !== 'string')

/** Mostly valid values, sometimes not: `often` four times in five. */
const mostly = <T>(often: readonly T[], rarely: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...often) }, { weight: 1, arbitrary: fc.constantFrom(...rarely) })

/** A plausible value for an argument, by its name, so many payloads get past validation and reach the handlers. */
function plausible(method: ApiMethod, key: string): fc.Arbitrary<unknown> {
  const names = mostly(['alice', 'bob', ' carol '], ['gold', 'gold:x', '', 'a\u0001b'])
  switch (key) {
    case 'docId':
    case 'id':
      return mostly([SEED, '001_2d6efb4355ea70ef'], ['missing', ''])
    case 'annotator':
    case 'reviewer':
    case 'layer':
      return names
    case 'name':
      return method === 'setAnnotator' ? names : fc.constantFrom('a.sqlite', 'x.txt', '2026-01-01T00-00-00Z-manual.sqlite')
    case 'annotators':
    case 'sources':
      return fc.oneof(fc.constant(['alice', 'bob']), fc.array(names, { maxLength: 3 }))
    case 'start':
      return fc.integer({ min: -1, max: 40 })
    case 'end':
      return fc.integer({ min: 0, max: 60 })
    case 'spanId':
      return fc.integer({ min: -1, max: 12 })
    case 'label':
      return mostly(['PERSON', 'DATE'], ['person', 'NOPE'])
    case 'status':
      return method === 'buildDataset' ? mostly(['reviewed', 'any'], ['x']) : mostly(['unreviewed', 'in_review', 'reviewed'], ['done'])
    case 'format':
      return method === 'buildDataset' ? mostly(['spanmark', 'doccano', 'prodigy', 'hf', 'klue'], ['csv']) : mostly(['spanmark', 'doccano', 'prodigy'], ['hf'])
    case 'restricted':
    case 'includeRestricted':
      return fc.boolean()
    case 'seed':
      return fc.integer()
    case 'split':
      return mostly(['', '80/20', '8/1/1'], ['abc', '50/60'])
    case 'map':
    case 'labels':
      return mostly(['', 'PERSON'], ['=', 'PERSON=PERSON=X'])
    case 'align':
      return mostly(['expand', 'contract', 'drop'], ['x'])
    case 'tokens':
      return mostly(['char', 'eojeol'], ['x'])
    case 'offsets':
      return mostly(['utf16', 'codepoint'], ['x'])
    case 'files':
      return fc.array(fc.record({ name: fc.constantFrom('a.txt', 'b.jsonl', 'c.csv'), base64: fc.base64String({ maxLength: 200 }) }), { maxLength: 3 })
    case 'base64':
      return fc.base64String({ maxLength: 400 })
    case 'outDir':
      // A real path would make the dataset builder write there: only the project's own folder ('') or invalid values.
      return fc.oneof(fc.constant(''), notString)
    case 'layout':
      return fc.record({ panes: fc.array(fc.record({ docId: fc.constantFrom(SEED, 'nope') }), { maxLength: 5 }), sizes: fc.array(fc.double(), { maxLength: 5 }), active: fc.integer({ min: -1, max: 5 }) })
    default:
      return junk
  }
}

/**
 * Payloads shaped like the method's arguments: all plausible (many reach the
 * handler), one field replaced by junk or dropped, every field a coin toss, an
 * extra key, or the whole thing wrapped in an array.
 */
function nearValid(method: ApiMethod): fc.Arbitrary<unknown> {
  const keys = Object.keys((apiContract[method].args as unknown as { shape: Record<string, unknown> }).shape)
  const good = fc.record(Object.fromEntries(keys.map((k) => [k, plausible(method, k)])))
  const mixed = Object.fromEntries(keys.map((k) => [k, k === 'outDir' ? plausible(method, k) : fc.oneof(plausible(method, k), junk)]))
  if (keys.length === 0) return fc.oneof(good, fc.constant({ sneaky: 1 }), fc.constant([{}]))
  const someKey = fc.constantFrom(...keys)
  return fc.oneof(
    { weight: 3, arbitrary: good },
    {
      weight: 3,
      arbitrary: fc.tuple(good, someKey, junk).map(([r, k, v]) => (k === 'outDir' ? r : { ...r, [k]: v }))
    },
    { weight: 1, arbitrary: fc.tuple(good, someKey).map(([r, k]) => Object.fromEntries(Object.entries(r).filter(([x]) => x !== k))) },
    { weight: 2, arbitrary: fc.record(mixed, { requiredKeys: [] }) },
    { weight: 1, arbitrary: good.map((r) => ({ ...r, sneaky: 1 })) },
    { weight: 1, arbitrary: good.map((r) => [r]) }
  )
}

/** A refusal the UI can show: a known code, a non-empty message for people, string details. */
function expectShowable(r: Envelope, what: string): void {
  if (r.ok) return
  expect(API_ERROR_CODES, what).toContain(r.error.code)
  const e = english(r.error)
  expect(e.message.trim().length, what).toBeGreaterThan(0)
  expect(e.message, what).not.toMatch(/\[object |^undefined|^null$/)
  expect(e.message, `${what}: a catalogue key with no text`).not.toBe(r.error.message.key)
  expect(e.code, `${what}: ${e.message}`).not.toBe('internal')
  // Every placeholder the catalogue wrote was filled: a {{name}} left in the text came from the payload itself.
  for (const [m, text] of [[r.error.message, e.message], ...r.error.details.map((d, i) => [d, e.details[i] ?? ''] as const)] as const) {
    const given = Object.values(m.params ?? {}).join('\n')
    for (const left of text.match(/\{\{\w+\}\}/g) ?? []) expect(given, `${what}: ${text}`).toContain(left)
  }
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 20)}…(${x.length})` : x)) ?? String(v)
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}

describe('API property test: random payloads at the real dispatcher', () => {
  for (const method of apiMethods) {
    it(`${method}: never throws, refusals are showable and change nothing`, async () => {
      let refusals = 0
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) }, { weight: 3, arbitrary: nearValid(method) }), async (payload) => {
          const before = dumpProject(core.project)
          const r = await core.dispatch(method, payload)
          const what = `${method}(${show(payload)})`
          expect(envelopeSchema.safeParse(r).success, what).toBe(true)
          expectShowable(r, what)
          if (!r.ok) refusals++
          if (!r.ok || READ_ONLY.has(method)) expect(dumpProject(core.project), what).toEqual(before)
        }),
        { numRuns: RUNS_PER_METHOD, seed: 4242 + apiMethods.indexOf(method) }
      )
      // Most payloads are refused; if none were, the generator would be testing nothing.
      expect(refusals).toBeGreaterThan(RUNS_PER_METHOD / 4)
    })
  }

  it('unknown methods and junk names are refused as unknown_method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 2 }).filter((m) => !apiMethods.includes(m as ApiMethod)), fc.anything({ maxDepth: 2 }), async (method, payload) => {
        const r = await core.dispatch(method, payload)
        expect(r.ok).toBe(false)
        expect(!r.ok && r.error.code).toBe('unknown_method')
        expectShowable(r, show(method))
      }),
      { numRuns: 100, seed: 7 }
    )
  })
})

describe('API property test: random bodies over real HTTP', () => {
  const methodName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...apiMethods) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) })
  const body = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '{', '}', 'null', '[]', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '\ufeff{}', '{"a":1}{"b":2}'),
    fc.constantFrom(...apiMethods).chain((m) => nearValid(m)).map((v) => JSON.stringify(v) ?? 'null')
  )

  it('a few hundred requests: every answer is a JSON envelope whose status matches it, and refusals change nothing', async () => {
    let count = 0
    await fc.assert(
      fc.asyncProperty(methodName, body, async (method, text) => {
        const before = dumpProject(core.project)
        const res = await fetch(new URL(`api/${encodeURIComponent(method)}`, `http://127.0.0.1:${server.port}/`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
          body: text
        })
        const raw = await res.text()
        const what = `POST /api/${method} ${show(text)} → ${res.status} ${raw.slice(0, 200)}`
        let parsed: unknown
        expect(() => (parsed = JSON.parse(raw)), what).not.toThrow()
        const envelope = envelopeSchema.safeParse(parsed)
        expect(envelope.success, what).toBe(true)
        if (!envelope.success) return
        expect(res.status === 200, what).toBe(envelope.data.ok)
        expectShowable(envelope.data, what)
        if (!envelope.data.ok || READ_ONLY.has(method)) expect(dumpProject(core.project), what).toEqual(before)
        expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').toBeUndefined()
        count++
      }),
      { numRuns: 300, seed: 99 }
    )
    expect(count).toBe(300)
  })
})
