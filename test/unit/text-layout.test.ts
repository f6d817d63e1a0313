import { describe, expect, it } from 'vitest'
import { applyChanges, loadDoc } from '../../src/renderer/state/doc-state'
import { blockAt, splitBlocks } from '../../src/renderer/text/blocks'
import { nestSpans, type MarkNode, type RenderSpan } from '../../src/renderer/text/nest'
import { deriveTitle } from '../../src/shared/titles'

const join = (text: string, blocks: { start: number; end: number }[]) => blocks.map((b) => text.slice(b.start, b.end)).join('')

describe('splitBlocks', () => {
  it('cuts after each line break, keeping CRLF, so blocks rejoin to the text', () => {
    const text = 'a\r\nb\n\nc'
    const blocks = splitBlocks(text)
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['a\r\n', 'b\n', '\n', 'c'])
  })

  it('cuts long lines near the limit, at a space, never inside a surrogate pair', () => {
    const text = ('𠀀'.repeat(7) + ' ').repeat(40) + '😀'.repeat(50)
    const blocks = splitBlocks(text, 32)
    expect(join(text, blocks)).toBe(text)
    for (const b of blocks) {
      expect(b.end - b.start).toBeLessThanOrEqual(32)
      const c = text.charCodeAt(b.start)
      expect(c >= 0xdc00 && c <= 0xdfff).toBe(false)
    }
  })

  it('finds the block of an offset', () => {
    const blocks = splitBlocks('ab\ncd\nef')
    expect([0, 2, 3, 5, 6, 8].map((p) => blockAt(blocks, p))).toEqual([0, 0, 1, 1, 2, 2])
    expect(splitBlocks('')).toEqual([])
  })
})

function shape(nodes: MarkNode[]): unknown[] {
  return nodes.map((n) => [n.span.id, n.start, n.end, n.depth, ...(n.children.length ? [shape(n.children)] : [])])
}

describe('nestSpans', () => {
  const s = (id: number, start: number, end: number): RenderSpan => ({ id, start, end, label: 'X' })

  it('nests contained spans and orders siblings', () => {
    expect(shape(nestSpans([s(2, 2, 4), s(1, 0, 10), s(3, 6, 8)], 0, 10))).toEqual([[1, 0, 10, 0, [[2, 2, 4, 1], [3, 6, 8, 1]]]])
  })

  it('cuts a crossing span at the end of the span it crosses', () => {
    expect(shape(nestSpans([s(1, 0, 5), s(2, 3, 8)], 0, 10))).toEqual([[1, 0, 5, 0, [[2, 3, 5, 1]]], [2, 5, 8, 0]])
  })

  it('keeps identical ranges as parent and child and clips to the block', () => {
    expect(shape(nestSpans([s(1, 0, 5), s(2, 0, 5), s(3, 4, 12)], 2, 10))).toEqual([[1, 2, 5, 0, [[2, 2, 5, 1, [[3, 4, 5, 2]]]]], [3, 5, 10, 0]])
  })

  it('covers every character of every span exactly once per span', () => {
    const spans = Array.from({ length: 40 }, (_, i) => s(i + 1, (i * 7) % 50, ((i * 7) % 50) + 1 + ((i * 13) % 20)))
    const covered = new Map<number, number[]>()
    const walk = (nodes: MarkNode[]) => {
      for (const n of nodes) {
        for (let p = n.start; p < n.end; p++) covered.set(n.span.id, [...(covered.get(n.span.id) ?? []), p])
        for (const c of n.children) expect(c.start >= n.start && c.end <= n.end).toBe(true)
        walk(n.children)
      }
    }
    walk(nestSpans(spans, 0, 100))
    for (const sp of spans) expect(covered.get(sp.id)).toEqual(Array.from({ length: sp.end - sp.start }, (_, k) => sp.start + k))
  })
})

describe('loaded document state', () => {
  const text = '😀 a\nb 최태원\nc'
  const doc = { id: 'd', title: 't', text, meta: {}, length: [...text].length }

  it('indexes spans by block in UTF-16 and updates only touched blocks', () => {
    const loaded = loadDoc(doc, [{ id: 1, docId: 'd', annotator: 'a', start: 6, end: 9, label: 'PERSON' }])
    expect(loaded.blockSpans.map((b) => b.map((r) => [r.id, r.start, r.end]))).toEqual([[], [[1, 7, 10]], []])
    expect(text.slice(7, 10)).toBe('최태원')
    const next = applyChanges(loaded, [{ spanId: 2, docId: 'd', annotator: 'a', before: null, after: { start: 0, end: 6, label: 'DATE' } }])
    expect(next.blockSpans[2]).toBe(loaded.blockSpans[2])
    expect(next.blockSpans[0]!.map((r) => r.id)).toEqual([2])
    expect(next.blockSpans[1]!.map((r) => r.id)).toEqual([1, 2])
    const removed = applyChanges(next, [{ spanId: 1, docId: 'd', annotator: 'a', before: { start: 6, end: 9, label: 'PERSON' }, after: null }])
    expect(removed.blockSpans[1]!.map((r) => r.id)).toEqual([2])
    expect(removed.spans.has(1)).toBe(false)
    expect(loaded.spans.has(1)).toBe(true)
  })
})

describe('deriveTitle', () => {
  it('prefers meta.title, then a headline-like line over menu boilerplate', () => {
    expect(deriveTitle('x', { title: ' 제목 ' })).toBe('제목')
    expect(deriveTitle('메뉴 건너뛰기\n\n최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자\n', {})).toBe('최태원 SK그룹 회장과 샘 올트먼 오픈AI 최고경영자')
    expect(deriveTitle('\n\n짧은줄\n', {})).toBe('짧은줄')
    expect(deriveTitle('', {})).toBe('(empty document)')
    expect([...deriveTitle('가 '.repeat(200), {})]).toHaveLength(120)
  })
})
