import { describe, expect, it } from 'vitest'
import { OffsetMap, codePointLength, codePointSlice } from '../../src/shared/offsets'

describe('OffsetMap', () => {
  it('is the identity on BMP text (Hangul, CRLF)', () => {
    const text = '최태원 SK그룹\r\n회장'
    const map = OffsetMap.of(text)
    expect(map.isBmp).toBe(true)
    expect(map.cpLength).toBe(text.length)
    for (let i = 0; i <= text.length; i++) {
      expect(map.toUtf16(i)).toBe(i)
      expect(map.toCodePoint(i)).toBe(i)
    }
  })

  it('counts an emoji, a ZWJ family and astral Hanja as Python does', () => {
    // a, 😀, 👩, ZWJ, 👩, ZWJ, 👧, 𠀀, b: Python's len() is 9
    const text = 'a😀👩‍👩‍👧𠀀b'
    const cps = [...text]
    const map = OffsetMap.of(text)
    expect(map.cpLength).toBe(cps.length)
    expect(map.cpLength).toBe(9)
    expect(map.utf16Length).toBe(text.length)
    // 'b' is the last code point
    expect(codePointSlice(text, 8, 9)).toBe('b')
    expect(codePointSlice(text, 7, 8)).toBe('𠀀')
    expect(codePointSlice(text, 2, 7)).toBe('👩‍👩‍👧')
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = map.toUtf16(cp)
      expect(text.slice(0, u)).toBe(cps.slice(0, cp).join(''))
      expect(map.toCodePoint(u)).toBe(cp)
    }
  })

  it('maps an offset inside a surrogate pair to the start of that character', () => {
    const map = OffsetMap.of('x𠀀y')
    expect(map.toUtf16(1)).toBe(1)
    expect(map.toUtf16(2)).toBe(3)
    expect(map.toCodePoint(2)).toBe(1)
  })

  it('counts a lone surrogate as one code point', () => {
    const text = 'a\ud800b\udc00c'
    expect(codePointLength(text)).toBe([...text].length)
    expect(codePointSlice(text, 3, 4)).toBe('\udc00')
  })

  it('rejects offsets outside the text', () => {
    const map = OffsetMap.of('abc')
    expect(() => map.toUtf16(4)).toThrow(RangeError)
    expect(() => map.toCodePoint(-1)).toThrow(RangeError)
  })

  it('handles the empty text', () => {
    const map = OffsetMap.of('')
    expect(map.cpLength).toBe(0)
    expect(map.toUtf16(0)).toBe(0)
  })
})
