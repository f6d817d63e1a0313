import { z } from 'zod'
import { describeZodError } from '../errors'
import { OffsetMap } from '../offsets'
import { murmurhash3_32 } from './murmur'
import type { DatasetSpan, DecodedDocument, OffsetUnit } from './types'

/**
 * Import decoders: one parsed JSON line in, a document with code point spans
 * out, or the line's problems (the caller adds file:line). They never skip a
 * span: a line with any bad span is a problem, so imports are all-or-nothing.
 */
export type DecodeResult = { ok: true; doc: DecodedDocument } | { ok: false; problems: string[] }

const offset = z.int().min(0)
const meta = z.record(z.string(), z.unknown())

const spanmarkLine = z.looseObject({
  id: z.string().min(1, 'id is empty'),
  text: z.string(),
  meta: meta.optional(),
  annotator: z.string().min(1).optional(),
  status: z.enum(['unreviewed', 'in_review', 'reviewed']).optional(),
  spans: z.array(z.looseObject({ start: offset, end: offset, label: z.string().min(1), text: z.string().optional() })).optional()
})

const triple = z.tuple([offset, offset, z.string().min(1)])
const entityId = z.union([z.int(), z.string().min(1).max(200)])
const doccanoLine = z.looseObject({
  id: z.union([z.string().min(1), z.int()], 'id must be a string or an integer'),
  text: z.string(),
  label: z.array(triple).optional(),
  labels: z.array(triple).optional(),
  /** doccano's relation extraction projects: spans as entities with ids, and links between them. */
  entities: z.array(z.looseObject({ id: entityId, label: z.string().min(1), start_offset: offset, end_offset: offset })).optional(),
  relations: z.array(z.looseObject({ from_id: entityId, to_id: entityId, type: z.string().min(1) })).optional()
})

const prodigyLine = z.looseObject({
  text: z.string(),
  meta: meta.optional(),
  tokens: z.array(z.looseObject({ text: z.string(), start: offset, end: offset })).optional(),
  spans: z
    .array(
      z.looseObject({
        start: offset,
        end: offset,
        label: z.string().min(1),
        token_start: offset.optional(),
        token_end: offset.optional(),
        text: z.string().optional()
      })
    )
    .optional(),
  _input_hash: z.int().optional(),
  answer: z.string().optional()
})

function fail(err: z.ZodError): DecodeResult {
  return { ok: false, problems: describeZodError(err) }
}

/** Problems of code point spans against the text; `texts[k]` is the span's own "text" field, if any. */
function checkSpans(text: string, map: OffsetMap, spans: readonly DatasetSpan[], texts: readonly (string | undefined)[] = []): string[] {
  const problems: string[] = []
  spans.forEach((s, k) => {
    const at = `span ${k + 1}`
    if (s.end <= s.start) problems.push(`${at}: end (${s.end}) must be greater than start (${s.start}).`)
    else if (s.end > map.cpLength) problems.push(`${at}: end (${s.end}) is past the end of the text (${map.cpLength} code points).`)
    else {
      const own = texts[k]
      const actual = text.slice(map.toUtf16(s.start), map.toUtf16(s.end))
      if (own !== undefined && own !== actual) {
        problems.push(`${at}: its "text" ${JSON.stringify(own)} differs from the text at ${s.start}..${s.end} (${JSON.stringify(actual)}); offsets must be code points, end exclusive.`)
      }
    }
  })
  return problems
}

/** spanmark: the canonical line (status and annotator optional). */
export function decodeSpanmark(value: unknown): DecodeResult {
  const parsed = spanmarkLine.safeParse(value)
  if (!parsed.success) return fail(parsed.error)
  const line = parsed.data
  const map = OffsetMap.of(line.text)
  const spans = (line.spans ?? []).map((s) => ({ start: s.start, end: s.end, label: s.label }))
  const problems = checkSpans(line.text, map, spans, (line.spans ?? []).map((s) => s.text))
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, doc: { id: line.id, text: line.text, meta: line.meta ?? {}, spans, annotator: line.annotator, status: line.status } }
}

/**
 * doccano: {"id","text","label":[[start,end,"LABEL"],…]} ("labels" also read).
 * Offsets are UTF-16 code units by default, as doccano writes them; a file
 * cannot say which it uses, so a UTF-16 offset inside an astral character is
 * reported as a sign of code point offsets. Other keys become meta.
 */
export function decodeDoccano(value: unknown, offsets: OffsetUnit = 'utf16'): DecodeResult {
  const parsed = doccanoLine.safeParse(value)
  if (!parsed.success) return fail(parsed.error)
  const { id, text, label, labels, entities, relations, ...rest } = parsed.data
  const map = OffsetMap.of(text)
  const triples = label ?? labels ?? (entities ?? []).map((e) => [e.start_offset, e.end_offset, e.label] as [number, number, string])
  // Relation lines: the entities' ids, parallel to the spans (a span with a problem fails the whole line).
  const linked = entities && !label && !labels ? { spanIds: entities.map((e) => e.id), relations: (relations ?? []).map((r) => ({ from: r.from_id, to: r.to_id, type: r.type })) } : {}
  if (offsets === 'codepoint') {
    const spans = triples.map(([start, end, l]) => ({ start, end, label: l }))
    const problems = checkSpans(text, map, spans)
    return problems.length > 0 ? { ok: false, problems } : { ok: true, doc: { id: String(id), text, meta: rest, spans, ...linked } }
  }
  const problems: string[] = []
  const spans: DatasetSpan[] = []
  triples.forEach(([start, end, l], k) => {
    const inside = [start, end].find((u) => u <= map.utf16Length && map.toUtf16(map.toCodePoint(u)) !== u)
    if (end <= start) problems.push(`span ${k + 1}: end (${end}) must be greater than start (${start}).`)
    else if (end > map.utf16Length) problems.push(`span ${k + 1}: end (${end}) is past the end of the text (${map.utf16Length} UTF-16 code units).`)
    else if (inside !== undefined) {
      problems.push(`span ${k + 1}: UTF-16 offset ${inside} falls inside an astral character (emoji, Hanja extension); if this file counts code points, import it with --offsets codepoint.`)
    } else spans.push({ start: map.toCodePoint(start), end: map.toCodePoint(end), label: l })
  })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, doc: { id: String(id), text, meta: rest, spans, ...linked } }
}

/**
 * prodigy: {"text","meta","tokens","spans",…}. Offsets are code points (Python str
 * indices). The id is meta.id (string or number); without one, prodigy-<_input_hash>,
 * hashing the text when that is missing too. meta.id is not kept in meta.
 * Tokens must match the text, and token_start/token_end (inclusive) the span offsets.
 */
export function decodeProdigy(value: unknown): DecodeResult {
  const parsed = prodigyLine.safeParse(value)
  if (!parsed.success) return fail(parsed.error)
  const line = parsed.data
  const map = OffsetMap.of(line.text)
  const { id: metaId, ...rest } = line.meta ?? {}
  const problems: string[] = []
  // A meta.id that is there but unusable is a problem, not a reason to invent an id: the user meant this one.
  if (metaId !== undefined && metaId !== null && !(typeof metaId === 'string' && metaId !== '') && typeof metaId !== 'number') {
    problems.push(`meta.id must be a non-empty string or a number (it is ${JSON.stringify(metaId)}).`)
  }
  const id = typeof metaId === 'string' && metaId !== '' ? metaId : typeof metaId === 'number' ? String(metaId) : `prodigy-${line._input_hash ?? murmurhash3_32(line.text)}`
  const tokens = line.tokens ?? []
  tokens.forEach((t, k) => {
    const ok = t.start <= t.end && t.end <= map.cpLength && line.text.slice(map.toUtf16(t.start), map.toUtf16(t.end)) === t.text
    if (!ok) problems.push(`token ${k + 1}: ${JSON.stringify(t.text)} at ${t.start}..${t.end} does not match the text.`)
  })
  const raw = line.spans ?? []
  const spans = raw.map((s) => ({ start: s.start, end: s.end, label: s.label }))
  problems.push(...checkSpans(line.text, map, spans, raw.map((s) => s.text)))
  raw.forEach((s, k) => {
    if (s.token_start === undefined || s.token_end === undefined || line.tokens === undefined) return
    const a = tokens[s.token_start]
    const b = tokens[s.token_end]
    if (!a || !b || a.start !== s.start || b.end !== s.end) {
      problems.push(`span ${k + 1}: token_start ${s.token_start} / token_end ${s.token_end} (inclusive) do not cover ${s.start}..${s.end}.`)
    }
  })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, doc: { id, text: line.text, meta: rest, spans, answer: line.answer } }
}
