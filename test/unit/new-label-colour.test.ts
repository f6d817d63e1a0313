import { describe, expect, it } from 'vitest'
import { colourDistance, nextLabelColour } from '../../src/renderer/components/labels/next-colour'
import { checkColor } from '../../src/shared/labels/rules'
import { DEFAULT_LABELS } from '../../src/shared/labels'

// Issue 15: a new label's default colour was Organisation's blue (#1c7ed6 beside #1971c2).
// It must differ visibly from every existing label's colour and pass the colour rule.
const VISIBLY_DIFFERENT = 100

describe('the colour a new label starts with', () => {
  it('differs visibly from each default label and passes the contrast rule', () => {
    const colours = DEFAULT_LABELS.map((l) => l.color)
    const picked = nextLabelColour(colours)
    expect(checkColor(picked)).toBeNull()
    for (const c of colours) expect(colourDistance(picked, c), `${picked} vs ${c}`).toBeGreaterThanOrEqual(VISIBLY_DIFFERENT)
  })

  it('keeps differing as labels are added with the colour it offers each time', () => {
    const colours = DEFAULT_LABELS.map((l) => l.color)
    for (let i = 0; i < 8; i++) {
      const picked = nextLabelColour(colours)
      expect(colours.map((c) => c.toLowerCase())).not.toContain(picked.toLowerCase())
      expect(checkColor(picked)).toBeNull()
      colours.push(picked)
    }
  })

  it('the old default was Organisation’s blue (the distance this test asks for tells them apart)', () => {
    expect(colourDistance('#1c7ed6', '#1971c2')).toBeLessThan(VISIBLY_DIFFERENT)
  })

  it('with no labels yet, any valid colour', () => {
    expect(checkColor(nextLabelColour([]))).toBeNull()
  })
})
