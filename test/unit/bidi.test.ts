import { describe, expect, it } from 'vitest'
import { BIDI_CONTROLS, hasBidiControl, showBidiControls, splitBidi } from '../../src/renderer/text/bidi'

describe('splitBidi', () => {
  it('gives plain text as one piece and nothing for empty text', () => {
    expect(splitBidi('최태원 회장 <b>x</b> 👩‍👩‍👧')).toEqual([{ text: '최태원 회장 <b>x</b> 👩‍👩‍👧' }])
    expect(splitBidi('')).toEqual([])
    expect(hasBidiControl('a\u200Db')).toBe(false) // a zero-width joiner is not a direction control (emoji need it)
  })

  it('cuts out every bidi control with its name, and the pieces join to the text', () => {
    const text = 'invoice\u202Efdp.exe\u202C \u2066a\u2069\u2067b\u2069\u2068c\u2069 \u200F\u200E\u061C\u202A\u202B\u202D𠀀'
    const pieces = splitBidi(text)
    expect(pieces.map((p) => p.text).join('')).toBe(text)
    expect(pieces.filter((p) => p.control).map((p) => p.control)).toEqual([
      'RLO', 'PDF', 'LRI', 'PDI', 'RLI', 'PDI', 'FSI', 'PDI', 'RLM', 'LRM', 'ALM', 'LRE', 'RLE', 'LRO'
    ])
    expect(pieces[0]).toEqual({ text: 'invoice' })
    expect(pieces[1]).toEqual({ text: '\u202E', control: 'RLO' })
    expect(pieces.at(-1)).toEqual({ text: '𠀀' })
    for (const ch of Object.keys(BIDI_CONTROLS)) expect(hasBidiControl(`x${ch}y`), ch.codePointAt(0)?.toString(16)).toBe(true)
  })

  it('names the controls in text that is only shown', () => {
    expect(showBidiControls('invoice\u202Efdp.exe 👩\u200D👧')).toBe('invoice⟨RLO⟩fdp.exe 👩\u200D👧')
    expect(showBidiControls('plain')).toBe('plain')
  })
})
