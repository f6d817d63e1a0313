import { describe, expect, it } from 'vitest'
import type { Span } from '../../src/shared/domain'
import { addPending, applyChanges, loadDoc, removeSpans } from '../../src/renderer/state/doc-state'
import { SpanTable } from '../../src/renderer/state/span-table'

const span = (id: number, start = 0, end = 1): Span => ({ id, docId: 'd', annotator: 'a', start, end, label: 'PERSON' })

describe('SpanTable', () => {
  it('finds spans by id across buckets, negative ids included, and never changes an earlier table', () => {
    const ids = [1, 2, 256, 257, 513, -1, -256, -257, 100_000]
    const t0 = SpanTable.of(ids.map((id) => span(id)))
    expect(t0.size).toBe(ids.length)
    for (const id of ids) expect(t0.get(id)?.id).toBe(id)
    expect(t0.has(3)).toBe(false)
    expect(t0.has(-2)).toBe(false)

    const t1 = t0.without(256).with(span(3)).with({ ...span(1), label: 'DATE' })
    expect(t1.size).toBe(ids.length)
    expect(t1.has(256)).toBe(false)
    expect(t1.get(1)?.label).toBe('DATE')
    expect(t1.get(512 + 1)?.id).toBe(513)
    // the first table is untouched
    expect(t0.has(256)).toBe(true)
    expect(t0.has(3)).toBe(false)
    expect(t0.get(1)?.label).toBe('PERSON')
    expect(t1.without(999)).toBe(t1)
  })
})

describe('provisional spans in a loaded document', () => {
  const text = '최태원 회장\n올트먼'
  const doc = { id: 'd', title: 't', text, meta: {}, length: [...text].length }

  it('are drawn pending, then removed by id, sharing untouched blocks', () => {
    const loaded = loadDoc(doc, [span(7, 4, 6)])
    const shown = addPending(loaded, { ...span(-1, 0, 3) })
    expect(shown.blockSpans[0]?.map((r) => [r.id, r.pending === true])).toEqual([
      [7, false],
      [-1, true]
    ])
    expect(shown.blockSpans[1]).toBe(loaded.blockSpans[1])
    const confirmed = applyChanges(removeSpans(shown, [-1]), [{ spanId: 8, docId: 'd', annotator: 'a', before: null, after: { start: 0, end: 3, label: 'PERSON' } }])
    expect(confirmed.blockSpans[0]?.map((r) => [r.id, r.pending === true])).toEqual([
      [7, false],
      [8, false]
    ])
    expect(confirmed.spans.has(-1)).toBe(false)
    expect(shown.spans.has(-1)).toBe(true)
    expect(removeSpans(loaded, [-5])).toBe(loaded)
  })
})
