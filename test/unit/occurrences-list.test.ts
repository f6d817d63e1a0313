import { describe, expect, it } from 'vitest'
import type { OccurrenceHit } from '../../src/shared/api'
import { initiallyChecked, moveCursor, toggle } from '../../src/renderer/state/occurrences'

const hit = (start: number, existing: OccurrenceHit['existing'] = null): OccurrenceHit => ({
  docId: 'd',
  title: 't',
  start,
  end: start + 3,
  left: '',
  match: '올트먼',
  right: '',
  existing
})

describe('the All occurrences list', () => {
  it('starts with every hit checked except those inside a span already', () => {
    const hits = [hit(0), hit(10, { start: 8, end: 13, label: 'ORGANISATION' }), hit(20)]
    expect([...initiallyChecked(hits)]).toEqual([0, 2])
  })

  it('moves the cursor within the list and toggles one hit', () => {
    expect(moveCursor(0, 'ArrowUp', 3)).toBe(0)
    expect(moveCursor(0, 'ArrowDown', 3)).toBe(1)
    expect(moveCursor(2, 'ArrowDown', 3)).toBe(2)
    expect(moveCursor(1, 'End', 3)).toBe(2)
    expect(moveCursor(2, 'Home', 3)).toBe(0)
    expect(moveCursor(5, 'ArrowDown', 0)).toBe(0)
    expect([...toggle(new Set([1, 2]), 1)]).toEqual([2])
    expect([...toggle(new Set([2]), 0)].sort()).toEqual([0, 2])
  })
})
