/** A run of the document rendered as one block element. Offsets are UTF-16. */
export interface Block {
  start: number
  end: number
}

/** Longest block, in UTF-16 units; longer lines are cut at a space near this length. */
export const MAX_BLOCK = 2000

/**
 * Cuts text into blocks after each line break (a block keeps its own "\n", so
 * the blocks' text joined is the document text) and cuts long lines, never
 * inside a surrogate pair. Blocks are the unit of windowed rendering and of
 * incremental re-rendering when spans change.
 */
export function splitBlocks(text: string, max = MAX_BLOCK): Block[] {
  const blocks: Block[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    const lineEnd = nl === -1 ? text.length : nl + 1
    let s = start
    while (lineEnd - s > max) {
      let cut = text.lastIndexOf(' ', s + max)
      if (cut <= s + max / 2) cut = s + max
      else cut += 1
      if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1
      blocks.push({ start: s, end: cut })
      s = cut
    }
    blocks.push({ start: s, end: lineEnd })
    start = lineEnd
  }
  return blocks
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** Index of the block containing UTF-16 offset `pos` (the last block for the end of text). */
export function blockAt(blocks: readonly Block[], pos: number): number {
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if ((blocks[mid] as Block).start <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}
