import { decodeDoccano, decodeProdigy, decodeSpanmark, type DecodeResult } from './decode'
import type { DecodedDocument, ImportFormat, OffsetUnit } from './types'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Tells the import formats apart by the keys of one parsed line (the first):
 * - prodigy: "tokens" is an array, or "_input_hash"/"_task_hash" is present, or "spans" without "id";
 * - doccano: "label" (or "labels") is an array whose items are arrays ([start,end,"LABEL"]), or
 *   "entities" an array of {"start_offset",…} objects (a relation extraction project);
 * - spanmark: "id" and "text", with "spans" an array or absent.
 * null when none fits (not an object, no "text", or e.g. doccano's classification labels).
 */
export function detectFormat(value: unknown): ImportFormat | null {
  if (!isRecord(value) || typeof value.text !== 'string') return null
  if (Array.isArray(value.tokens) || '_input_hash' in value || '_task_hash' in value) return 'prodigy'
  const label = value.label ?? value.labels
  if (Array.isArray(label)) return label.every((l) => Array.isArray(l)) ? 'doccano' : null
  // doccano's relation extraction export: "entities" [{"id","label","start_offset","end_offset"}] (and "relations").
  if (Array.isArray(value.entities) && value.entities.every((e) => isRecord(e) && 'start_offset' in e)) return 'doccano'
  if ('spans' in value && !Array.isArray(value.spans)) return null
  if ('id' in value) return 'spanmark'
  return 'spans' in value ? 'prodigy' : null
}

export interface DecodeOptions {
  /** doccano only; default utf16. */
  offsets?: OffsetUnit | undefined
}

/** Decodes one parsed line in the given format. */
export function decodeRecord(format: ImportFormat, value: unknown, options: DecodeOptions = {}): DecodeResult {
  if (format === 'doccano') return decodeDoccano(value, options.offsets ?? 'utf16')
  if (format === 'prodigy') return decodeProdigy(value)
  return decodeSpanmark(value)
}

export interface JsonlProblem {
  /** 1-based line number. */
  line: number
  message: string
}

export interface DecodedJsonl {
  /** The format used: given, or detected from the first non-blank line; null when undetectable. */
  format: ImportFormat | null
  docs: DecodedDocument[]
  /** Empty when the whole file is good; the caller imports nothing otherwise. */
  problems: JsonlProblem[]
}

/**
 * Decodes a JSONL file's text. A BOM is dropped, blank lines are skipped, lines
 * may end in CRLF. With format 'auto' (the default) the first non-blank line
 * decides the format, and a later line that looks like another format is a
 * problem (a doccano line would otherwise pass as spanmark without spans). A
 * given format is trusted for every line. Repeated ids are problems.
 */
export function decodeJsonl(content: string, options: DecodeOptions & { format?: ImportFormat | 'auto' | undefined } = {}): DecodedJsonl {
  const lines = (content.startsWith('\ufeff') ? content.slice(1) : content).split('\n')
  const auto = options.format === 'auto' || options.format === undefined
  const out: DecodedJsonl = { format: auto ? null : (options.format as ImportFormat), docs: [], problems: [] }
  const seen = new Map<string, number>()
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return
    const line = i + 1
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (err) {
      out.problems.push({ line, message: `not valid JSON (${(err as Error).message}).` })
      return
    }
    if (auto) {
      const found = detectFormat(value)
      if (found === null) {
        out.problems.push({ line, message: 'cannot tell the format: expected spanmark {"id","text","spans"}, doccano {"id","text","label"} or prodigy {"text","tokens","spans"}; choose one with --format.' })
        return
      }
      if (out.format === null) out.format = found
      else if (found !== out.format) {
        out.problems.push({ line, message: `looks like ${found} but the file is ${out.format} (from its first line); one format per file.` })
        return
      }
    }
    if (out.format === null) return
    const result = decodeRecord(out.format, value, options)
    if (!result.ok) {
      for (const message of result.problems) out.problems.push({ line, message })
      return
    }
    const first = seen.get(result.doc.id)
    if (first !== undefined) out.problems.push({ line, message: `document id ${JSON.stringify(result.doc.id)} already appears on line ${first}.` })
    else {
      seen.set(result.doc.id, line)
      out.docs.push(result.doc)
    }
  })
  return out
}
