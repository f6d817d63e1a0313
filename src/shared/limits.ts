/**
 * Size limits on what comes in. Both are checked before anything is written,
 * so a file over a limit is refused whole with a message naming it.
 */

/**
 * Largest document text, in UTF-8 bytes: 20 MB is about ten thousand pages of
 * Korean news text, far beyond any article, and small enough that the editor,
 * the offset maps and a full-text export stay responsive.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

/**
 * Largest import file, in bytes. An import file is read whole, decoded into one
 * string and split into lines, all before the first write (imports are all or
 * nothing), so it must fit in memory several times over and under V8's longest
 * string (about 512 million characters). 256 MB keeps the peak near 1 GB and
 * still holds a dozen maximum-size documents or a hundred thousand articles; it
 * is also the web transport's request limit. Split larger corpora into several files.
 */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024

/** "20 MB", "20.5 MB", "812 bytes": a size for messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes.toLocaleString('en-US')} bytes`
  const mb = bytes / (1024 * 1024)
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
}

/** "20,971,521 bytes (20.0 MB)": exact, so a size just over a limit does not read as equal to it. */
export function formatExactSize(bytes: number): string {
  return bytes < 1024 * 1024 ? formatSize(bytes) : `${bytes.toLocaleString('en-US')} bytes (${formatSize(bytes)})`
}

/** Length of a string in UTF-8 bytes, without encoding it (a lone surrogate counts 3, as U+FFFD). */
export function utf8ByteLength(s: string): number {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
