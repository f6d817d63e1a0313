import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

const MAGIC = 'SQLite format 3\u0000'

/**
 * Reads an SQLite file's 100-byte header and checks what can be checked
 * without reading the rest: the magic string, a valid page size, and that the
 * file holds at least the pages the header says it has (a truncated copy does
 * not). Cheap at any size: the open path uses it where a full quick_check
 * would take too long. Returns a problem in words, or null.
 */
export function sqliteHeaderProblem(file: string): string | null {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const header = Buffer.alloc(100)
    const read = readSync(fd, header, 0, 100, 0)
    if (read < 100 || header.toString('latin1', 0, 16) !== MAGIC) return 'it is not an SQLite database (no SQLite header)'
    const raw = header.readUInt16BE(16)
    const pageSize = raw === 1 ? 65536 : raw
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return `its header is damaged (page size ${raw})`
    // The in-header page count is valid when "version-valid-for" matches the change counter.
    const pages = header.readUInt32BE(28)
    const valid = header.readUInt32BE(92) === header.readUInt32BE(24)
    if (valid && pages > 0 && size < pages * pageSize) {
      return `it is truncated (${size} bytes; its header says ${pages} pages of ${pageSize} bytes, ${pages * pageSize} bytes)`
    }
    return null
  } finally {
    closeSync(fd)
  }
}
