import { describe, expect, it } from 'vitest'
import { showChange } from '../../src/renderer/state/undo-actions'
import type { Pane } from '../../src/renderer/state/slots'

const pane = (docId: string, extra: Partial<Pane> = {}): Pane => ({ key: docId, docId, layer: null, review: null, ...extra })

describe('undo/redo shows the document of the change (issue 15)', () => {
  it('does nothing when the active pane shows it', () => {
    expect(showChange([pane('a'), pane('b')], 1, ['b'])).toEqual({ kind: 'none' })
    expect(showChange([pane('a')], 0, undefined)).toEqual({ kind: 'none' })
  })

  it('activates another pane that shows it, one in the person’s own layer first', () => {
    expect(showChange([pane('a'), pane('b')], 0, ['b'])).toEqual({ kind: 'activate', index: 1 })
    expect(showChange([pane('a'), pane('b', { layer: 'junho' }), pane('b')], 0, ['b'])).toEqual({ kind: 'activate', index: 2 })
    expect(showChange([pane('a'), pane('b', { review: ['x', 'y'] })], 0, ['b'])).toEqual({ kind: 'activate', index: 1 })
    // A review pane on the document (review decisions change gold) already shows it.
    expect(showChange([pane('b', { review: ['x', 'y'] })], 0, ['b'])).toEqual({ kind: 'none' })
  })

  it('opens the document beside the others, or in the active pane when four are open', () => {
    expect(showChange([pane('a')], 0, ['c', 'd'])).toEqual({ kind: 'open', docId: 'c', newPane: true })
    expect(showChange([], 0, ['c'])).toEqual({ kind: 'open', docId: 'c', newPane: false })
    expect(showChange([pane('a'), pane('b'), pane('e'), pane('f')], 2, ['c'])).toEqual({ kind: 'open', docId: 'c', newPane: false })
  })
})
