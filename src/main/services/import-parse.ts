import { z } from 'zod'
import { annotatorName, docId, offset } from '../../shared/schemas'
import { zodMessages } from '../../shared/errors'
import { msg, type Message } from '../../shared/message'
import { OffsetMap } from '../../shared/offsets'
import { decodeRecord, detectFormat, type ImportFormat, type OffsetUnit } from '../../shared/dataset'
import { parseKlueFile } from './import-klue'
import { atWhere, bomLineProblem, documentProblems, lineOfNul, nulProblem, startsWithBom, utf16Problem } from './import-checks'

export interface ParsedSpan {
  start: number
  end: number
  label: string
  /** Where the span came from, for messages: "file.jsonl:3: span 2". */
  where: string
  /** The span's "id" in the file (what its line's "relations" refer to), if it has one. */
  fileId?: number | string | undefined
  /** Canonical JSONL "entity_id": an id in the entities file imported with it. */
  entityId?: number | string | undefined
}

/** A link between two spans of one line, by their ids in the file. */
export interface ParsedRelation {
  from: number | string
  to: number | string
  type: string
  where: string
}

export interface ParsedDoc {
  id: string
  text: string
  meta: Record<string, unknown>
  annotator: string | undefined
  spans: ParsedSpan[]
  /** Regions that are not article text (canonical JSONL "ignored"), code points. */
  ignored?: [number, number][]
  /** Links between its spans (canonical JSONL "relations", doccano "relations"). */
  relations?: ParsedRelation[]
  where: string
}

export interface ParsedFile {
  name: string
  docs: ParsedDoc[]
  problems: Message[]
  /** What was done to the file that the user should hear about (a dropped BOM). */
  notes: Message[]
}

const jsonlSpan = z.looseObject({
  start: offset,
  end: offset,
  label: z.string().min(1),
  text: z.string().optional(),
  id: z.union([z.int(), z.string().min(1).max(200)]).optional(),
  entity_id: z.union([z.int(), z.string().min(1).max(200)]).optional()
})

const fileSpanId = z.union([z.int(), z.string().min(1).max(200)])
const jsonlRelation = z.looseObject({ from: fileSpanId, to: fileSpanId, type: z.string().min(1).max(40) })

const jsonlLine = z.looseObject({
  id: docId,
  text: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
  annotator: annotatorName.optional(),
  spans: z.array(jsonlSpan).optional(),
  ignored: z.array(z.tuple([offset, offset])).optional(),
  relations: z.array(jsonlRelation).optional()
})

/** File name without folders and without its last extension: the id of a .txt document. */
export function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name
  const dot = file.lastIndexOf('.')
  return dot > 0 ? file.slice(0, dot) : file
}

export interface ParseOptions {
  /** JSONL dialect; auto: told by the first line. klue: KLUE-NER TSV (import-klue.ts). */
  format?: ImportFormat | 'klue' | 'auto' | undefined
  /** klue: tag renames, PS → PERSON. */
  map?: Readonly<Record<string, string>> | undefined
  /** doccano offsets: UTF-16 (what doccano writes) unless told otherwise. */
  offsets?: OffsetUnit | undefined
}

/**
 * Decodes and checks one import file on its own (labels and the project's
 * existing documents are checked by the import service). UTF-8 only; text is
 * otherwise kept exactly, CR/LF included.
 *
 * The BOM rule: a UTF-8 byte order mark (EF BB BF) at the very start of a file
 * is an encoding marker, not text: it is dropped and a note says so. At the
 * start of a later line it is a problem: files were joined together, and the
 * second one's marker would become text. Elsewhere U+FEFF is an ordinary
 * (zero-width) character of the text and is kept.
 */
export function parseImportFile(name: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  if (options.format === 'klue' || name.toLowerCase().endsWith('.tsv')) return parseKlueFile(name, bytes, options.map)
  const out: ParsedFile = { name, docs: [], problems: [], notes: [] }
  const lower = name.toLowerCase()
  const kind = lower.endsWith('.txt') ? 'txt' : lower.endsWith('.jsonl') ? 'jsonl' : null
  if (!kind) {
    out.problems.push(msg('errors:import.wrongExtension', { where: name }))
    return out
  }
  const utf16 = utf16Problem(name, bytes)
  if (utf16) {
    out.problems.push(utf16)
    return out
  }
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    out.problems.push(msg('errors:import.notUtf8', { where: `${name}:${lineOfBadUtf8(bytes)}` }))
    return out
  }
  const nul = lineOfNul(bytes)
  if (nul !== null) {
    out.problems.push(nulProblem(name, nul))
    return out
  }
  if (startsWithBom(bytes)) {
    content = content.slice(1)
    out.notes.push(msg('errors:import.bomDropped', { where: name }))
  }
  if (kind === 'txt') {
    parseTxt(name, content, out)
    return out
  }
  const format = options.format && options.format !== 'auto' ? options.format : detectFirst(content)
  const auto = !options.format || options.format === 'auto'
  if (format === 'doccano' || format === 'prodigy') parseOtherJsonl(name, content, format, options.offsets, auto, out)
  else parseJsonl(name, content, auto, out)
  if (out.docs.length === 0 && out.problems.length === 0) out.problems.push(msg('errors:import.noDocuments', { where: name }))
  return out
}

/** A .txt file is one document named by the file; it must have some text. */
function parseTxt(name: string, content: string, out: ParsedFile): void {
  if (content.length === 0) {
    out.problems.push(msg('errors:import.emptyTxt', { where: name }))
    return
  }
  const lines = '\n' + content
  const bom = lines.indexOf('\n\ufeff')
  if (bom >= 0) out.problems.push(bomLineProblem(`${name}:${lines.slice(0, bom + 1).split('\n').length - 1}`))
  const doc = { id: baseName(name), text: content, meta: {}, annotator: undefined, spans: [], where: name }
  out.problems.push(...documentProblems({ ...doc, labels: [] }, name))
  if (out.problems.length === 0) out.docs.push(doc)
}

/** Adds a decoded document, or its problems. */
function addDoc(out: ParsedFile, doc: ParsedDoc): void {
  const problems = documentProblems({ ...doc, labels: doc.spans.map((s) => s.label) }, doc.where)
  if (problems.length > 0) out.problems.push(...problems)
  else out.docs.push(doc)
}

/** In auto mode, a line that clearly belongs to another format than the file's is a problem (its spans would be lost). */
function otherFormat(value: unknown, format: ImportFormat, auto: boolean, where: string, out: ParsedFile): boolean {
  if (!auto) return false
  const found = detectFormat(value)
  if (found === null || found === format) return false
  out.problems.push(msg('errors:import.mixedFormats', { where, found, format }))
  return true
}

/** Calls `each` with every non-blank line's JSON value and its "file:line"; bad JSON is a problem. */
function forEachJsonLine(name: string, content: string, out: ParsedFile, each: (value: unknown, where: string) => void): void {
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string
    if (raw.trim() === '') continue
    const where = `${name}:${i + 1}`
    if (raw.startsWith('\ufeff')) {
      out.problems.push(bomLineProblem(where))
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (err) {
      out.problems.push(msg('errors:import.badJson', { where, reason: (err as Error).message }))
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const found = Array.isArray(value) ? '[…]' : JSON.stringify(value).slice(0, 40) // the line's shape, as JSON writes it
      out.problems.push(msg('errors:import.notObject', { where, found }))
      continue
    }
    each(value, where)
  }
}

function parseJsonl(name: string, content: string, auto: boolean, out: ParsedFile): void {
  forEachJsonLine(name, content, out, (value, where) => {
    if (otherFormat(value, 'spanmark', auto, where, out)) return
    const parsed = jsonlLine.safeParse(value)
    if (!parsed.success) {
      out.problems.push(...atWhere(where, zodMessages(parsed.error)))
      return
    }
    const line = parsed.data
    const map = OffsetMap.of(line.text)
    const spans: ParsedSpan[] = []
    ;(line.spans ?? []).forEach((s, k) => {
      const at = `${where}: span ${k + 1}`
      if (s.end <= s.start) out.problems.push(msg('errors:import.endBeforeStart', { where: at, start: s.start, end: s.end }))
      else if (s.end > map.cpLength) {
        out.problems.push(msg('errors:import.pastEnd', { where: at, end: s.end, length: map.cpLength }))
      } else if (s.text !== undefined && s.text !== line.text.slice(map.toUtf16(s.start), map.toUtf16(s.end))) {
        const actual = line.text.slice(map.toUtf16(s.start), map.toUtf16(s.end))
        out.problems.push(msg('errors:import.textMismatch', { where: at, given: JSON.stringify(s.text), start: s.start, end: s.end, actual: JSON.stringify(actual) }))
      } else spans.push({ start: s.start, end: s.end, label: s.label, where: at, fileId: s.id, ...(s.entity_id !== undefined ? { entityId: s.entity_id } : {}) })
    })
    const ignored: [number, number][] = []
    ;(line.ignored ?? []).forEach(([start, end], k) => {
      const at = `${where}: ignored region ${k + 1}`
      if (end <= start) out.problems.push(msg('errors:import.endBeforeStart', { where: at, start, end }))
      else if (end > map.cpLength) out.problems.push(msg('errors:import.pastEnd', { where: at, end, length: map.cpLength }))
      else ignored.push([start, end])
    })
    const relations = lineRelations(where, line.spans ?? [], line.relations ?? [], out)
    const extra = { ...(ignored.length > 0 ? { ignored } : {}), ...(relations.length > 0 ? { relations } : {}) }
    addDoc(out, { id: line.id, text: line.text, meta: line.meta ?? {}, annotator: line.annotator, spans, ...extra, where })
  })
}

/**
 * A line's links, checked against its spans' ids: every "from" and "to" must be the "id" of one of
 * its spans, and span ids must be unique in the line. (Roles and labels are checked by the import service.)
 */
export function lineRelations(
  where: string,
  spans: readonly { id?: number | string | undefined }[],
  relations: readonly { from: number | string; to: number | string; type: string }[],
  out: { problems: Message[] }
): ParsedRelation[] {
  const ids = new Map<string, number>()
  spans.forEach((s, k) => {
    if (s.id === undefined) return
    const key = JSON.stringify(s.id)
    const first = ids.get(key)
    if (first !== undefined) out.problems.push(msg('errors:import.duplicateSpanId', { where: `${where}: #${k + 1}`, id: key, first: first + 1 }))
    else ids.set(key, k)
  })
  const found: ParsedRelation[] = []
  relations.forEach((r, k) => {
    const at = `${where}: relation ${k + 1}`
    const missing = [r.from, r.to].filter((id) => !ids.has(JSON.stringify(id)))
    if (missing.length > 0) {
      out.problems.push(msg('errors:import.noSuchSpanId', { where: at, ids: missing.map((m) => JSON.stringify(m)).join(', ') }))
    } else if (JSON.stringify(r.from) === JSON.stringify(r.to)) out.problems.push(msg('errors:import.linkToItself', { where: at }))
    else found.push({ from: r.from, to: r.to, type: r.type, where: at })
  })
  return found
}

/** The format of the first line whose format can be told, or spanmark (whose checks then explain what is wrong). */
function detectFirst(content: string): ImportFormat {
  for (const raw of content.split('\n')) {
    if (raw.trim() === '') continue
    try {
      const found = detectFormat(JSON.parse(raw))
      if (found) return found
    } catch {
      // a bad line is reported by the parser; the next lines may still tell the format
    }
  }
  return 'spanmark'
}

/** doccano and Prodigy lines, decoded to documents and code point spans by the dataset layer's decoders. */
function parseOtherJsonl(name: string, content: string, format: 'doccano' | 'prodigy', offsets: OffsetUnit | undefined, auto: boolean, out: ParsedFile): void {
  // Prodigy keeps the examples an annotator turned down ("answer": "reject") or skipped ("ignore");
  // their spans are not labels anyone agreed to, so the text comes in and the spans do not.
  const declined = { lines: 0, spans: 0, answers: new Set<string>() }
  forEachJsonLine(name, content, out, (value, where) => {
    if (otherFormat(value, format, auto, where, out)) return
    const decoded = decodeRecord(format, value, { offsets })
    if (!decoded.ok) {
      for (const p of decoded.problems) out.problems.push(msg('errors:import.decoded', { where, problem: p }))
      return
    }
    const d = decoded.doc
    const keep = format !== 'prodigy' || d.answer === undefined || d.answer === 'accept'
    if (!keep) {
      declined.lines++
      declined.spans += d.spans.length
      declined.answers.add(String(d.answer))
    }
    addDoc(out, {
      id: d.id,
      text: d.text,
      meta: d.meta,
      annotator: d.annotator,
      spans: keep ? d.spans.map((s, k) => ({ ...s, where: `${where}: span ${k + 1}`, fileId: d.spanIds?.[k] })) : [],
      ...(keep && d.relations && d.relations.length > 0 ? { relations: lineRelations(where, (d.spanIds ?? []).map((id) => ({ id })), d.relations, out) } : {}),
      where
    })
  })
  if (declined.lines > 0) {
    const answers = [...declined.answers].map((a) => JSON.stringify(a)).join(' or ')
    out.notes.push(msg('errors:import.declined', { where: name, lines: declined.lines, answers, spans: declined.spans }))
  }
}

function lineOfBadUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i))
      } catch {
        return line
      }
      line++
      start = i + 1
    }
  }
  return line
}
