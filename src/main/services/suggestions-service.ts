import { usableLabel } from './usable-label'
import type { MutationResult } from '../../shared/api'
import type { SpanChange } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import { particleAfter } from '../../shared/korean/occurrences'
import { GOLD } from '../../shared/layers'
import type { Project } from '../store/project'
import { ChangeLog, now } from './change-log'
import { splitVocabKey, SuggestionVocabulary } from './suggestions-vocabulary'
import type { TextCache } from './text-cache'
import { contextOf } from './project-context'

export interface Suggestion {
  start: number
  end: number
  label: string
  text: string
  /** Where the text was labelled: in the annotator's own layer (mine) or only in gold. */
  source: 'mine' | 'gold'
  /** How many spans label this text so in those layers. */
  count: number
}

interface Entry {
  text: string
  /** Whether the text starts / ends with a letter or digit (then a word boundary is needed there). */
  boundaryBefore: boolean
  boundaryAfter: boolean
  labels: { label: string; mine: number; gold: number }[]
}

/** Looks texts up by their first two UTF-16 units (or one, for a text of one unit). */
interface PatternIndex {
  byPrefix: Map<string, Entry[]>
}

/** Most suggestions one call returns (the first ones in the range). */
export const MAX_SUGGESTIONS = 5000
const SCAN_CHUNK = 65_536
/** A window also reads spans starting this many code points before it (a longer span there may cover its first suggestions). */
const NEAR = 500

const WORD = /[\p{L}\p{N}\p{M}]/u
const isWordAt = (text: string, i: number): boolean => {
  const cp = text.codePointAt(i)
  return cp !== undefined && WORD.test(String.fromCodePoint(cp))
}
const isWordBefore = (text: string, i: number): boolean => {
  if (i <= 0) return false
  const c = text.charCodeAt(i - 1)
  return isWordAt(text, c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1)
}

/**
 * Suggestions: texts already labelled in the project (the annotator's own layer
 * on any document, or gold) found again in a document, at a word boundary or
 * followed by a particle (the rule of src/shared/korean/occurrences.ts), where
 * the layer has no span there yet, outside ignored regions, and not rejected
 * before. The vocabulary is kept incrementally (SuggestionVocabulary); the
 * document is scanned once against all its texts (a map keyed by the first two
 * characters).
 */
export class SuggestionsService {
  private vocabulary: SuggestionVocabulary
  private readonly texts: TextCache
  private readonly log: ChangeLog
  private index: { key: string; index: PatternIndex } | null = null
  private readonly spansNear

  constructor(private readonly project: Project) {
    this.vocabulary = new SuggestionVocabulary(project)
    this.texts = contextOf(project).texts
    // A restore replaced the spans under us: the vocabulary starts over.
    contextOf(project).onRefresh(() => ((this.vocabulary = new SuggestionVocabulary(project)), (this.index = null)))
    this.log = new ChangeLog(project)
    this.spansNear = project.db.prepare<[string, string, number, number], { start: number; end: number; label: string }>(
      'SELECT start, end, label FROM spans WHERE doc_id = ? AND annotator = ? AND start >= ? AND start < ?'
    )
  }

  /** from/to (code points): only that part of the document (a long document's visible blocks). At most MAX_SUGGESTIONS. */
  list(a: { docId: string; annotator: string; from?: number | undefined; to?: number | undefined; label?: string | undefined }): Suggestion[] {
    const doc = this.texts.get(a.docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId: a.docId }))
    const index = this.patterns(a.annotator)
    if (index.byPrefix.size === 0) return []
    const from = Math.min(a.from ?? 0, doc.length)
    const to = Math.min(a.to ?? doc.length, doc.length)
    const from16 = doc.map.toUtf16(from)
    const to16 = doc.map.toUtf16(to)
    // A window reads only the spans near it (spans_identity index on doc, annotator, start): 20,000 spans cost ~60 ms to read.
    const spans =
      a.from === undefined && a.to === undefined
        ? this.project.spans.layer(a.docId, a.annotator)
        : this.spansNear.all(a.docId, a.annotator, Math.max(0, from - NEAR), to)
    const taken = new Set(spans.map((s) => `${s.start}:${s.end}`))
    const sameLabel = new Set(spans.map((s) => `${s.start}:${s.end}:${s.label}`))
    const byLabel = intervalsByLabel(spans)
    const regions = this.project.regions.list(a.docId)
    const rejected = this.project.rejections.keys(a.docId, a.annotator)
    const out: Suggestion[] = []
    // Hits come in UTF-16 order; convert to code points in one walk.
    let u = from16
    let cp = from
    const toCp = (to: number): number => {
      for (; u < to; u++) {
        const c = doc.text.charCodeAt(u)
        if (!(c >= 0xdc00 && c <= 0xdfff && u > 0 && isHigh(doc.text.charCodeAt(u - 1)))) cp++
      }
      return cp
    }
    // Scanned a chunk at a time, so a call that reaches its limit early stops scanning early.
    let coveredTo = from16
    for (let chunk = from16; chunk < to16 && out.length < MAX_SUGGESTIONS; chunk += SCAN_CHUNK) {
      const hits = scan(doc.text, index, Math.max(chunk, coveredTo), Math.min(chunk + SCAN_CHUNK, to16), to16)
      for (const h of hits) {
        coveredTo = h.end
        this.keep(h, toCp(h.start), toCp(h.end), { taken, sameLabel, byLabel, regions, rejected, only: a.label }, out)
        if (out.length >= MAX_SUGGESTIONS) break
      }
    }
    return out.slice(0, MAX_SUGGESTIONS)
  }

  /** Adds the hit's suggestions (one per label) unless the layer, a region or a rejection rules them out. */
  private keep(
    h: { entry: Entry },
    start: number,
    end: number,
    f: {
      taken: Set<string>
      sameLabel: Set<string>
      byLabel: Map<string, { starts: number[]; maxEnd: number[] }>
      regions: readonly { start: number; end: number }[]
      rejected: Set<string>
      only: string | undefined
    },
    out: Suggestion[]
  ): void {
    const { taken, sameLabel, byLabel, regions, rejected } = f
    if (taken.has(`${start}:${end}`)) return
    if (regions.some((r) => r.start < end && r.end > start)) return
    for (const l of h.entry.labels) {
      if (f.only !== undefined && l.label !== f.only) continue
      if (sameLabel.has(`${start}:${end}:${l.label}`) || rejected.has(`${start}:${end}:${l.label}`)) continue
      if (overlaps(byLabel.get(l.label), start, end)) continue
      out.push({ start, end, label: l.label, text: h.entry.text, source: l.mine > 0 ? 'mine' : 'gold', count: l.mine + l.gold })
    }
  }

  /** Turns a suggestion down for the layer, so it is not suggested there again; one undo step. */
  reject(a: { annotator: string; docId: string; start: number; end: number; label: string }): MutationResult {
    const doc = this.texts.get(a.docId)
    if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId: a.docId }))
    if (a.end <= a.start || a.end > doc.length) throw new ApiError('invalid_args', msg('errors:suggestion.outside', { start: a.start, end: a.end, docId: a.docId }))
    const r = { docId: a.docId, annotator: a.annotator, start: a.start, end: a.end, label: a.label }
    const params = { text: doc.slice(a.start, a.end), label: this.labelName(a.label) }
    return this.project.write(() => {
      if (!this.project.rejections.add(r, now())) return this.log.unchanged(msg('changes:alreadyRejectedSuggestion', params), [a.docId])
      return this.log.commitAction(a.annotator, 'reject', msg('changes:rejectSuggestion', params), [], [], { rejections: [{ ...r, before: false, after: true }] })
    })
  }

  private labelName(key: string): string {
    return this.project.labels.list().find((l) => l.key === key)?.name ?? key
  }

  /** Labels every suggestion of one label in the document, as one undo step. */
  acceptAll(a: { annotator: string; docId: string; label: string }): MutationResult {
    const label = usableLabel(this.project, a.label)
    const picked = this.list(a)
    return this.project.write(() => {
      const changes: SpanChange[] = []
      for (const s of picked) {
        const state = { start: s.start, end: s.end, label: s.label }
        const span = this.project.spans.insertIfNew({ docId: a.docId, annotator: a.annotator, ...state })
        if (span) changes.push({ spanId: span.id, docId: a.docId, annotator: a.annotator, before: null, after: state })
      }
      if (changes.length === 0) return this.log.unchanged(msg('changes:noSuggestionsLeft', { label: label.name, docId: a.docId }))
      return this.log.commitAction(a.annotator, 'create', msg('changes:acceptSuggestions', { count: changes.length, label: label.name, docId: a.docId }), changes)
    })
  }

  /** The pattern index of the annotator's and gold's vocabulary, rebuilt only when either changed. */
  private patterns(annotator: string): PatternIndex {
    const mine = this.vocabulary.layer(annotator)
    const gold = annotator === GOLD ? new Map<string, number>() : this.vocabulary.layer(GOLD)
    const key = `${annotator}\u0000${this.vocabulary.version}`
    if (this.index?.key === key) return this.index.index
    const entries = new Map<string, Entry>()
    const add = (vocab: Map<string, number>, which: 'mine' | 'gold'): void => {
      for (const [k, n] of vocab) {
        const { label, text } = splitVocabKey(k)
        let e = entries.get(text)
        if (!e) {
          e = { text, boundaryBefore: isWordAt(text, 0), boundaryAfter: isWordBefore(text, text.length), labels: [] }
          entries.set(text, e)
        }
        let l = e.labels.find((x) => x.label === label)
        if (!l) e.labels.push((l = { label, mine: 0, gold: 0 }))
        l[which] += n
      }
    }
    add(mine, 'mine')
    add(gold, 'gold')
    const byPrefix = new Map<string, Entry[]>()
    for (const e of entries.values()) {
      const p = e.text.slice(0, 2)
      const list = byPrefix.get(p)
      if (list) list.push(e)
      else byPrefix.set(p, [e])
    }
    for (const list of byPrefix.values()) list.sort((x, y) => y.text.length - x.text.length)
    const index = { byPrefix }
    this.index = { key, index }
    return index
  }
}

/**
 * Every match of the index's texts in text (UTF-16 offsets), longest first at a
 * position; a match inside a longer earlier match is left out (올트먼 inside 샘 올트먼).
 */
export function scan(text: string, index: PatternIndex, from = 0, to = text.length, endLimit = to): { start: number; end: number; entry: Entry }[] {
  const out: { start: number; end: number; entry: Entry }[] = []
  let coveredTo = 0
  for (let i = from; i < to && i < text.length - 1; i++) {
    const list = index.byPrefix.get(text.slice(i, i + 2))
    if (!list) continue
    for (const e of list) {
      const end = i + e.text.length
      if (end <= coveredTo) break
      if (end > endLimit) continue
      if (!text.startsWith(e.text, i)) continue
      if (e.boundaryBefore && isWordBefore(text, i)) continue
      if (e.boundaryAfter && isWordAt(text, end) && !particleAfter(text, end)) continue
      out.push({ start: i, end, entry: e })
      coveredTo = end
      break
    }
  }
  return out
}

/** The layer's spans by label, sorted by start, with the running maximum of their ends. */
function intervalsByLabel(spans: readonly { start: number; end: number; label: string }[]): Map<string, { starts: number[]; maxEnd: number[] }> {
  const by = new Map<string, { start: number; end: number }[]>()
  for (const s of spans) {
    const list = by.get(s.label)
    if (list) list.push(s)
    else by.set(s.label, [s])
  }
  const out = new Map<string, { starts: number[]; maxEnd: number[] }>()
  for (const [label, list] of by) {
    list.sort((a, b) => a.start - b.start)
    let max = 0
    out.set(label, { starts: list.map((s) => s.start), maxEnd: list.map((s) => (max = Math.max(max, s.end))) })
  }
  return out
}

/** Whether any interval with start < end has its end past start (a span of that label overlaps). */
function overlaps(iv: { starts: number[]; maxEnd: number[] } | undefined, start: number, end: number): boolean {
  if (!iv) return false
  let lo = 0
  let hi = iv.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((iv.starts[mid] as number) < end) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && (iv.maxEnd[lo - 1] as number) > start
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}
