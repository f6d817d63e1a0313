/**
 * MurmurHash3 x86_32 (Austin Appleby's public-domain algorithm) in pure
 * TypeScript, over the UTF-8 bytes of a string. Returns a signed 32-bit
 * integer, as Python's murmurhash.hash() and mmh3.hash() do
 * (murmurhash3_32('foo') === -156908512).
 */

/** UTF-8 bytes; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r))
}

/** MurmurHash3_x86_32 of the bytes (or of a string's UTF-8), signed. */
export function murmurhash3_32(input: string | Uint8Array, seed = 0): number {
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input
  const len = bytes.length
  const blocks = len & ~3
  let h = seed | 0
  for (let i = 0; i < blocks; i += 4) {
    let k = (bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24)
    k = Math.imul(k, C1)
    k = rotl(k, 15)
    k = Math.imul(k, C2)
    h ^= k
    h = rotl(h, 13)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  let k = 0
  const tail = len & 3
  if (tail === 3) k ^= (bytes[blocks + 2] as number) << 16
  if (tail >= 2) k ^= (bytes[blocks + 1] as number) << 8
  if (tail >= 1) {
    k ^= bytes[blocks] as number
    k = Math.imul(k, C1)
    k = rotl(k, 15)
    k = Math.imul(k, C2)
    h ^= k
  }
  h ^= len
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}

const M64 = 0xc6a4a7935bd1e995n
const MASK64 = 0xffffffffffffffffn

/**
 * MurmurHash64A (Austin Appleby's public-domain 64-bit hash for 64-bit platforms) of
 * the bytes, unsigned. spaCy's StringStore keys a string by MurmurHash64A of its UTF-8
 * with seed 1 (spacy/strings.pyx hash_utf8 → murmurhash.mrmr hash64): see spacyHash.
 */
export function murmurhash64a(bytes: Uint8Array, seed: bigint): bigint {
  const len = bytes.length
  let h = (seed ^ ((BigInt(len) * M64) & MASK64)) & MASK64
  const blocks = len - (len & 7)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i < blocks; i += 8) {
    let k = view.getBigUint64(i, true)
    k = (k * M64) & MASK64
    k ^= k >> 47n
    k = (k * M64) & MASK64
    h ^= k
    h = (h * M64) & MASK64
  }
  const tail = len & 7
  if (tail > 0) {
    for (let t = tail - 1; t >= 0; t--) h ^= BigInt(bytes[blocks + t] as number) << BigInt(8 * t)
    h = (h * M64) & MASK64
  }
  h ^= h >> 47n
  h = (h * M64) & MASK64
  h ^= h >> 47n
  return h
}

/** spaCy's hash_string: MurmurHash64A of the UTF-8 bytes, seed 1 (StringStore keys; "coffee" → 3197928453018144401n). */
export function spacyHash(text: string): bigint {
  return murmurhash64a(utf8Bytes(text), 1n)
}
