import { describeZodError } from '../../shared/errors'
import { docId } from '../../shared/schemas'
import { formatExactSize, formatSize, MAX_DOCUMENT_BYTES, utf8ByteLength } from '../../shared/limits'

/**
 * Checks an import file's bytes and documents must pass whatever their format,
 * so that what is stored is exactly what was read: no NUL bytes (a UTF-16 or
 * binary file passes as UTF-8 otherwise), no lone surrogates (SQLite would store
 * U+FFFD instead), ids the API can address, and documents under the size limit.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

/** True when the bytes start with a UTF-8 byte order mark. */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]
}

/** A problem when the bytes start with a UTF-16 byte order mark (FF FE or FE FF): a file saved as UTF-16, not UTF-8. */
export function utf16Problem(name: string, bytes: Uint8Array): string | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe
  const be = bytes[0] === 0xfe && bytes[1] === 0xff
  if (!le && !be) return null
  return `${name}:1: the file is saved as UTF-16 (${le ? 'little' : 'big'}-endian; it starts with a UTF-16 byte order mark), not UTF-8. Save it as UTF-8 and import it again.`
}

/** 1-based line of the first NUL byte, or null. */
export function lineOfNul(bytes: Uint8Array): number | null {
  const at = bytes.indexOf(0)
  if (at < 0) return null
  let line = 1
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
  return line
}

export function nulProblem(name: string, line: number): string {
  return `${name}:${line}: the file has NUL bytes, so it is not a UTF-8 text file (a UTF-16 or binary file?). Save it as UTF-8 and import it again.`
}

/**
 * A BOM at the start of a later line: files were joined together (cat a.jsonl
 * b.jsonl) and the second one's encoding mark is now inside the text. A BOM is
 * an encoding marker only at the very start of a file.
 */
export function bomLineProblem(where: string): string {
  return `${where}: the line starts with a byte order mark (U+FEFF), as when files are joined together; a BOM may only begin a file. Remove it and import again.`
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

export interface CheckedDoc {
  id: string
  text: string
  annotator: string | undefined
  labels: readonly string[]
}

/** The problems of one document, each prefixed with `where` ("file:line" or the .txt file's name). */
export function documentProblems(doc: CheckedDoc, where: string): string[] {
  const problems: string[] = []
  const id = docId.safeParse(doc.id)
  if (!id.success) problems.push(`${where}: ${describeZodError(id.error).join('; ')}.`)
  const bytes = utf8ByteLength(doc.text)
  if (bytes > MAX_DOCUMENT_BYTES) {
    problems.push(
      `${where}: document "${doc.id.slice(0, 80)}" has ${formatExactSize(bytes)} of text (UTF-8); the limit is ${formatSize(MAX_DOCUMENT_BYTES)}. Split it into smaller documents.`
    )
  }
  if (doc.text.includes('\u0000')) problems.push(`${where}: the text contains a NUL character (U+0000). Remove it and import again.`)
  const broken = [
    hasLoneSurrogate(doc.id) && 'id',
    hasLoneSurrogate(doc.text) && 'text',
    doc.annotator !== undefined && hasLoneSurrogate(doc.annotator) && 'annotator',
    doc.labels.some(hasLoneSurrogate) && 'a label'
  ].filter((x): x is string => typeof x === 'string')
  if (broken.length > 0) {
    problems.push(`${where}: the ${broken.join(', ')} contain${broken.length === 1 ? 's' : ''} a lone UTF-16 surrogate (a broken \\uD800–\\uDFFF escape), which is not a character. Fix the escape and import again.`)
  }
  return problems
}
