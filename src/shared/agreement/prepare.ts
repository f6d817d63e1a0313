import type { AgreementDocument, AgreementInput, AgreementSpan } from './types'

/** A span with its label as an index into the label order. */
export interface NSpan {
  start: number
  end: number
  label: number
}

export interface PreparedDoc {
  id: string
  /** Length in code points. */
  length: number
  /** nonWs[i] = number of non-whitespace code points in [0, i); length + 1 entries. */
  nonWs: Int32Array
  /** By annotator index: distinct spans, sorted by start, end, label. */
  layers: NSpan[][]
}

export interface Prepared {
  annotators: string[]
  /** Label order: the input's labels (first occurrence), then extra labels found in spans, sorted. */
  labels: string[]
  docs: PreparedDoc[]
}

const WHITESPACE = /\s/u

/**
 * The same answer as /\s/u on the code point. Fast paths: ASCII, and everything above
 * U+3000, where /\s/u matches only U+FEFF (its other members are ASCII, U+00A0, U+1680,
 * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000), so Hangul needs no regex.
 */
export function isWhitespace(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)
  if (cp > 0x3000) return cp === 0xfeff
  return WHITESPACE.test(ch)
}

/** Code point length and non-whitespace prefix counts of a text. */
export function scanText(text: string): { length: number; nonWs: Int32Array } {
  const prefix = new Int32Array(text.length + 1)
  let i = 0
  for (const ch of text) {
    prefix[i + 1] = (prefix[i] as number) + (isWhitespace(ch) ? 0 : 1)
    i++
  }
  return { length: i, nonWs: prefix.subarray(0, i + 1) }
}

/** An annotator's spans; own keys only, so a name such as "constructor" finds no inherited value. */
function layerOf(doc: AgreementDocument, who: string): readonly AgreementSpan[] {
  return Object.hasOwn(doc.layers, who) ? (doc.layers[who] ?? []) : []
}

export function compareSpans(a: NSpan, b: NSpan): number {
  return a.start - b.start || a.end - b.end || a.label - b.label
}

/** Validates the input and normalises it: label indices, code point lengths, distinct sorted spans. */
export function prepare(input: AgreementInput): Prepared {
  const annotators = [...input.annotators]
  if (annotators.length < 2) throw new RangeError(`agreement needs at least 2 annotators, got ${annotators.length}`)
  if (new Set(annotators).size !== annotators.length) throw new RangeError(`annotators are not distinct: ${annotators.join(', ')}`)

  const labels = [...new Set(input.labels)]
  const known = new Set(labels)
  const extra = new Set<string>()
  for (const doc of input.documents) {
    for (const who of annotators) {
      for (const s of layerOf(doc, who)) if (!known.has(s.label)) extra.add(s.label)
    }
  }
  labels.push(...[...extra].sort())
  const labelIndex = new Map(labels.map((l, i) => [l, i]))

  const docs = input.documents.map((doc): PreparedDoc => {
    const { length, nonWs } = scanText(doc.text)
    const layers = annotators.map((who) => {
      const spans: NSpan[] = []
      for (const s of layerOf(doc, who)) {
        if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length || s.start >= s.end) {
          throw new RangeError(
            `document ${doc.id}, annotator ${who}: span [${s.start}, ${s.end}) ${s.label} is empty or outside the text (0..${length} code points)`
          )
        }
        spans.push({ start: s.start, end: s.end, label: labelIndex.get(s.label) as number })
      }
      // Sorted, duplicates (same start, end and label) are neighbours: keep the first.
      return spans.sort(compareSpans).filter((s, k) => k === 0 || compareSpans(spans[k - 1] as NSpan, s) !== 0)
    })
    return { id: doc.id, length, nonWs, layers }
  })
  return { annotators, labels, docs }
}

/** Every unordered pair of annotator indices (i < j), in order. */
export function annotatorPairs(count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) pairs.push([i, j])
  return pairs
}
