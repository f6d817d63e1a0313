import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeAtomically, writeWholeFile } from '../../src/main/cli/write-atomically'

describe('files the CLI writes', () => {
  it('replace the target only once complete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-atomic-'))
    const target = join(dir, 'out.jsonl')
    writeFileSync(target, 'old\n')
    const n = writeAtomically(target, (sink) => {
      sink('a\n')
      sink('b\n')
      return 2
    })
    expect(n).toBe(2)
    expect(readFileSync(target, 'utf8')).toBe('a\nb\n')
    writeWholeFile(target, '{"x":1}\n')
    expect(readFileSync(target, 'utf8')).toBe('{"x":1}\n')
    expect(readdirSync(dir)).toEqual(['out.jsonl'])
  })

  it('a write that fails half-way leaves the old file and no partial file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-atomic-'))
    const target = join(dir, 'out.jsonl')
    writeFileSync(target, 'old\n')
    expect(() =>
      writeAtomically(target, (sink) => {
        sink('half\n')
        throw new Error('disk full')
      })
    ).toThrow('disk full')
    expect(readFileSync(target, 'utf8')).toBe('old\n')
    expect(readdirSync(dir)).toEqual(['out.jsonl'])
    expect(existsSync(join(dir, 'new.jsonl'))).toBe(false)
  })
})
