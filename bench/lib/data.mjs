// Deterministic benchmark data: Korean text assembled from the sentences of seeds/*.txt
// and spans placed by a seeded PRNG. Same seed and sizes → byte-identical files.
import { readFileSync, readdirSync, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'

export const LABELS = ['PERSON', 'ORGANISATION', 'DATE', 'MEETING']

/** mulberry32: small, fast, good enough for placing spans. */
export function prng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) // inclusive
  next.pick = (arr) => arr[Math.floor(next() * arr.length)]
  return next
}

/** The seeds' sentences: body lines (several words) cut after . ? ! ; menus and short fragments dropped. */
export function seedSentences(seedsDir) {
  const out = []
  for (const f of readdirSync(seedsDir).sort()) {
    if (!f.endsWith('.txt')) continue
    const text = readFileSync(join(seedsDir, f), 'utf8').replace(/^\uFEFF/, '')
    for (const line of text.split(/\r?\n/)) {
      const l = line.trim()
      if (l.length < 20 || !l.includes(' ')) continue
      for (const s of l.split(/(?<=[.?!])\s+/)) {
        // No AI-training notices: generated documents should not be flagged restricted.
        if (s.length >= 15 && !/금지|무단/.test(s)) out.push(s)
      }
    }
  }
  if (out.length < 20) throw new Error(`only ${out.length} sentences in ${seedsDir}`)
  return out
}

/**
 * Text of exactly `length` code points: paragraphs of 2–6 sentences separated by a
 * blank line. (The seeds are BMP-only, so code points = UTF-16 units.)
 */
export function makeText(rng, sentences, length) {
  const parts = []
  let n = 0
  while (n < length) {
    const k = rng.int(2, 6)
    const para = []
    for (let i = 0; i < k; i++) para.push(rng.pick(sentences))
    const p = para.join(' ') + '\n\n'
    parts.push(p)
    n += p.length
  }
  let text = parts.join('').slice(0, length)
  // Do not end on a line break or space (a last span must not sit on whitespace only).
  if (/\s$/.test(text)) text = text.slice(0, -1) + '.'
  return text
}

const isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9

/** A span [start, end) inside [lo, hi) that has no line break and no whitespace at its edges, or null. */
function placeSpan(rng, text, lo, hi, len) {
  for (let attempt = 0; attempt < 8; attempt++) {
    if (hi - lo <= len) return null
    const start = rng.int(lo, hi - len - 1)
    const end = start + len
    const slice = text.slice(start, end)
    if (slice.includes('\n') || isSpace(text.charCodeAt(start)) || isSpace(text.charCodeAt(end - 1))) continue
    return { start, end }
  }
  return null
}

/**
 * `count` spans over the text, one per equal slot, 2–8 characters, labels uniform;
 * about 10% overlap the previous span (nested inside it, enclosing it, or crossing it).
 * Sorted by start, end, label; no duplicates.
 */
export function makeSpans(rng, text, count, overlapShare = 0.1) {
  const spans = []
  const seen = new Set()
  const slot = text.length / count
  let prev = null
  for (let i = 0; spans.length < count; i++) {
    const lo = Math.floor((i % count) * slot)
    const hi = Math.floor(((i % count) + 1) * slot)
    let span = null
    if (prev && rng() < overlapShare) {
      const kind = rng.int(0, 2)
      if (kind === 0 && prev.end - prev.start >= 3) span = { start: prev.start + 1, end: prev.end } // nested
      else if (kind === 1) span = { start: prev.start, end: Math.min(text.length, prev.end + rng.int(1, 4)) } // encloses
      else span = { start: prev.start + 1, end: Math.min(text.length, prev.end + rng.int(1, 4)) } // crosses
      if (text.slice(span.start, span.end).includes('\n')) span = null
    }
    if (!span) span = placeSpan(rng, text, lo, Math.max(lo + 2, hi), rng.int(2, 8))
    if (!span) continue
    span.label = rng.pick(LABELS)
    const key = `${span.start},${span.end},${span.label}`
    if (seen.has(key)) continue
    seen.add(key)
    spans.push(span)
    prev = span
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  return spans
}

/** A second annotator's version of spans: mostly the same, some relabelled, some moved, some replaced. */
export function perturbSpans(rng, text, spans) {
  const out = []
  const seen = new Set()
  const add = (s) => {
    const key = `${s.start},${s.end},${s.label}`
    if (s.start < 0 || s.end > text.length || s.end <= s.start || seen.has(key)) return false
    if (text.slice(s.start, s.end).includes('\n')) return false
    seen.add(key)
    out.push(s)
    return true
  }
  for (const s of spans) {
    const r = rng()
    let ok = false
    if (r < 0.1) ok = add({ ...s, label: LABELS[(LABELS.indexOf(s.label) + rng.int(1, 3)) % 4] })
    else if (r < 0.2) ok = add({ ...s, end: s.end + (rng() < 0.5 ? -1 : 1) })
    else if (r < 0.25) {
      const at = rng.int(0, Math.max(0, text.length - 6))
      ok = add({ start: at, end: at + rng.int(2, 5), label: rng.pick(LABELS) })
    }
    if (!ok) add({ ...s })
  }
  // Keep the count: top up with fresh spans if any change collided.
  while (out.length < spans.length) {
    const at = rng.int(0, Math.max(0, text.length - 6))
    add({ start: at, end: at + rng.int(2, 5), label: rng.pick(LABELS) })
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  return out
}

/** The long document: `length` characters, `spans` spans, as {id, text, spans}. */
export function longDocument(seedsDir, { length, spans, seed = 1 }) {
  const sentences = seedSentences(seedsDir)
  const rng = prng(seed)
  const text = makeText(rng, sentences, length)
  return { id: 'long-document', text, spans: makeSpans(rng, text, spans) }
}

/**
 * The corpus, written as two JSONL files (one per annotator) with the same documents:
 * `docs` documents averaging `chars / docs` characters (±60%, in pairs so the total is exact),
 * `spansPerDoc` spans per document per annotator. Returns the files and totals.
 */
export async function writeCorpus(seedsDir, dir, { docs, chars, spansPerDoc, seed = 2, annotators = ['alice', 'bob'] }) {
  const sentences = seedSentences(seedsDir)
  const rng = prng(seed)
  const files = annotators.map((a) => join(dir, `corpus-${a}.jsonl`))
  const streams = files.map((f) => createWriteStream(f))
  const avg = Math.floor(chars / docs)
  const width = String(docs - 1).length
  let totalChars = 0
  let totalSpans = 0
  let lastId = ''
  let d = 0
  for (let i = 0; i < docs; i++) {
    if (i % 2 === 0) d = docs - i >= 2 ? rng.int(-Math.floor(avg * 0.6), Math.floor(avg * 0.6)) : 0
    const length = i % 2 === 0 ? avg + d : avg - d
    const text = makeText(rng, sentences, length)
    const id = `doc-${String(i).padStart(width, '0')}`
    lastId = id
    const a = makeSpans(rng, text, spansPerDoc)
    const b = perturbSpans(rng, text, a)
    const layers = [a, b]
    for (let k = 0; k < streams.length; k++) {
      const line = JSON.stringify({ id, text, spans: layers[k % 2] }) + '\n'
      if (!streams[k].write(line)) await once(streams[k], 'drain')
      totalSpans += layers[k % 2].length
    }
    totalChars += text.length
  }
  await Promise.all(streams.map((s) => new Promise((resolve, reject) => s.end((err) => (err ? reject(err) : resolve())))))
  return { files, annotators, docs, chars: totalChars, spans: totalSpans, lastId, firstId: `doc-${'0'.repeat(width)}` }
}
