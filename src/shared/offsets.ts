import { countBelow } from './sorted'

/**
 * Conversion between Unicode code point offsets (used everywhere outside the
 * renderer) and UTF-16 code unit offsets (JavaScript string indices, the DOM).
 *
 * A lone surrogate counts as one code point, as in Python and in [...text].
 */
export class OffsetMap {
  /** UTF-16 index of the first unit of every astral character, ascending. */
  private readonly astralUtf16: Uint32Array
  /** Code point index of every astral character, ascending. */
  private readonly astralCp: Uint32Array
  readonly utf16Length: number
  readonly cpLength: number

  private constructor(astral: number[], utf16Length: number) {
    this.astralUtf16 = Uint32Array.from(astral)
    this.astralCp = Uint32Array.from(astral, (u, k) => u - k)
    this.utf16Length = utf16Length
    this.cpLength = utf16Length - astral.length
  }

  static of(text: string): OffsetMap {
    const astral: number[] = []
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i)
          i++
        }
      }
    }
    return new OffsetMap(astral, text.length)
  }

  /** True when code point and UTF-16 offsets coincide everywhere. */
  get isBmp(): boolean {
    return this.astralUtf16.length === 0
  }

  /** Code point offset to UTF-16 offset. */
  toUtf16(cp: number): number {
    if (cp < 0 || cp > this.cpLength) throw new RangeError(`code point offset ${cp} outside 0..${this.cpLength}`)
    return cp + countBelow(this.astralCp, cp)
  }

  /** UTF-16 offset to code point offset; an offset inside a surrogate pair maps to that character's start. */
  toCodePoint(u16: number): number {
    if (u16 < 0 || u16 > this.utf16Length) throw new RangeError(`UTF-16 offset ${u16} outside 0..${this.utf16Length}`)
    return u16 - countBelow(this.astralUtf16, u16)
  }
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  return OffsetMap.of(text).cpLength
}

/** text[start:end] in code points, as Python slices. */
export function codePointSlice(text: string, start: number, end: number, map: OffsetMap = OffsetMap.of(text)): string {
  return text.slice(map.toUtf16(start), map.toUtf16(end))
}
