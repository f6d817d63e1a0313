import { zodMessages } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
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
export function utf16Problem(name: string, bytes: Uint8Array): Message | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe
  const be = bytes[0] === 0xfe && bytes[1] === 0xff
  if (!le && !be) return null
  return msg(le ? 'errors:import.utf16le' : 'errors:import.utf16be', { where: `${name}:1` })
}

/** 1-based line of the first NUL byte, or null. */
export function lineOfNul(bytes: Uint8Array): number | null {
  const at = bytes.indexOf(0)
  if (at < 0) return null
  let line = 1
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
  return line
}

export function nulProblem(name: string, line: number): Message {
  return msg('errors:import.nulBytes', { where: `${name}:${line}` })
}

/**
 * A BOM at the start of a later line: files were joined together (cat a.jsonl
 * b.jsonl) and the second one's encoding mark is now inside the text. A BOM is
 * an encoding marker only at the very start of a file.
 */
export function bomLineProblem(where: string): Message {
  return msg('errors:import.bomLine', { where })
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

/** zod messages about a line, their field prefixed with where the line is ("a.jsonl:3: spans.0.start"). */
export function atWhere(where: string, messages: Message[], field?: string): Message[] {
  return messages.map((m) => ({ key: m.key.replace(ANNOTATOR_REASON, 'errors:fieldAt.'), params: { ...m.params, field: `${where}: ${field ?? m.params?.field ?? ''}` } }))
}

/** The annotator-name reasons say nothing of where; errors:fieldAt has them with the place. */
const ANNOTATOR_REASON = /^errors:field\.(?=annotator)/

/** The problems of one document, each prefixed with `where` ("file:line" or the .txt file's name). */
export function documentProblems(doc: CheckedDoc, where: string): Message[] {
  const problems: Message[] = []
  const id = docId.safeParse(doc.id)
  if (!id.success) problems.push(...atWhere(where, zodMessages(id.error), 'id'))
  const bytes = utf8ByteLength(doc.text)
  if (bytes > MAX_DOCUMENT_BYTES) {
    problems.push(msg('errors:import.docTooBig', { where, docId: doc.id.slice(0, 80), size: formatExactSize(bytes), limit: formatSize(MAX_DOCUMENT_BYTES) }))
  }
  if (doc.text.includes('\u0000')) problems.push(msg('errors:import.nulInText', { where }))
  const broken = [
    hasLoneSurrogate(doc.id) && 'id',
    hasLoneSurrogate(doc.text) && 'text',
    doc.annotator !== undefined && hasLoneSurrogate(doc.annotator) && 'annotator',
    doc.labels.some(hasLoneSurrogate) && 'label'
  ].filter((x): x is string => typeof x === 'string')
  if (broken.length > 0) {
    problems.push(msg('errors:import.loneSurrogate', { where, fields: broken.join(', ') }))
  }
  return problems
}
