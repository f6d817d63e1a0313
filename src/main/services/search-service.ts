import vm from 'node:vm'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import { REJECTED } from '../../shared/layers'
import { OffsetMap } from '../../shared/offsets'
import { SEARCH_DEFAULT_LIMIT, type SearchArgs, type SearchHit, type SearchResult } from '../../shared/search-schema'
import type { Project } from '../store/project'
import { contextOf } from './project-context'

/** Searches stop after this long and return what they found (a pattern that backtracks badly cannot hang the core). */
export const SEARCH_TIME_LIMIT_MS = 2000
/** Characters of context on each side of a hit (keyword in context), within the hit's line. */
const CONTEXT = 40

interface CachedDoc {
  id: string
  title: string
  text: string
  /** Has characters outside the BMP, so code point and UTF-16 offsets differ; map built on first need. */
  astral: boolean
  map?: OffsetMap
}

/** Spans a hit must lie in, of one document, sorted by start; maxEnd[k] = the largest end among the first k+1. */
interface DocSpans {
  starts: number[]
  ends: number[]
  labels: string[]
  maxEnd: number[]
}

type SpanRow = { docId: string; start: number; end: number; label: string }

/**
 * Corpus search: plain text or a regular expression over every document's
 * text, optionally only inside spans of a label and/or layer. All texts are
 * held in memory (25 M characters are about 50 MB), loaded on the first search
 * and topped up when documents are added, so a search is a pure in-memory
 * scan. The scan runs under a hard time limit (node:vm's watchdog), because a
 * single RegExp exec that backtracks catastrophically cannot be interrupted
 * any other way; it also stops itself between hits at the soft limit.
 */
export class SearchService {
  private docs: CachedDoc[] = []
  private lastRowid = -1
  private readonly fingerprintStmt
  private readonly allStmt
  private readonly sinceStmt
  private readonly sandbox: { run?: () => void } = {}
  private readonly context = vm.createContext(this.sandbox)
  private readonly script = new vm.Script('run()')

  constructor(
    private readonly project: Project,
    private readonly timeLimitMs = SEARCH_TIME_LIMIT_MS
  ) {
    const db = project.db
    // A restore replaced the documents under us (they are otherwise only ever added): read them again.
    contextOf(project).onRefresh(() => ((this.docs = []), (this.lastRowid = -1)))
    this.fingerprintStmt = db.prepare<[], { n: number; last: number | null }>('SELECT COUNT(*) AS n, MAX(rowid) AS last FROM documents')
    this.allStmt = db.prepare<[], CachedDoc & { rowid: number }>('SELECT rowid, id, title, text FROM documents ORDER BY id')
    this.sinceStmt = db.prepare<[number], CachedDoc & { rowid: number }>('SELECT rowid, id, title, text FROM documents WHERE rowid > ?')
  }

  search(args: SearchArgs): SearchResult {
    const t0 = performance.now()
    const matcher = compile(args)
    const filter = this.spanFilter(args)
    this.refresh()
    const limit = args.limit ?? SEARCH_DEFAULT_LIMIT
    const softDeadline = t0 + this.timeLimitMs
    const hits: SearchHit[] = []
    let total = 0
    let searched = 0
    let stopped = false
    let current = ''
    const docs = this.docs

    this.sandbox.run = () => {
      for (const d of docs) {
        const spans = filter?.get(d.id)
        if (filter && !spans) continue
        if (performance.now() > softDeadline) {
          stopped = true
          return
        }
        current = d.id
        searched++
        const stoppedInside = matcher(d.text, softDeadline, (s16, e16) => {
          const start = d.astral ? (d.map ??= OffsetMap.of(d.text)).toCodePoint(s16) : s16
          const end = d.astral ? (d.map ??= OffsetMap.of(d.text)).toCodePoint(e16) : e16
          let spanLabel: string | undefined
          if (spans) {
            spanLabel = containing(spans, start, end)
            if (spanLabel === undefined) return
          }
          total++
          if (hits.length >= limit) return
          const hit: SearchHit = { docId: d.id, title: d.title, start, end, ...kwic(d.text, s16, e16) }
          if (spanLabel !== undefined) hit.spanLabel = spanLabel
          hits.push(hit)
        })
        if (stoppedInside) {
          stopped = true
          return
        }
      }
    }
    try {
      // The hard limit: a little over the soft one, for one exec that never returns.
      this.script.runInContext(this.context, { timeout: this.timeLimitMs + 250 })
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err
      stopped = true
    } finally {
      delete this.sandbox.run
    }

    const tookMs = performance.now() - t0
    const documents = docs.length
    return {
      hits,
      total,
      truncated: stopped || total > hits.length,
      stopped,
      searched,
      documents,
      note: stopped
        ? `Stopped after ${(tookMs / 1000).toFixed(1)} s (in ${current}), having searched ${searched.toLocaleString('en')} of ${documents.toLocaleString('en')} documents: ` +
          `showing the ${total.toLocaleString('en')} hit(s) found so far. A pattern that backtracks a lot, like (a+)+, is slow: make it more specific.`
        : total > hits.length
          ? `Showing the first ${hits.length.toLocaleString('en')} of ${total.toLocaleString('en')} hits: add words or a label filter to narrow the search.`
          : null,
      tookMs
    }
  }

  /** Brings the cached texts up to date: documents are only ever added (import, merge), so new rows are appended. */
  private refresh(): void {
    const { n, last } = this.fingerprintStmt.get() ?? { n: 0, last: null }
    const lastRowid = last ?? 0
    if (n === this.docs.length && lastRowid === this.lastRowid) return
    const added = this.lastRowid >= 0 && lastRowid > this.lastRowid ? this.sinceStmt.all(this.lastRowid) : null
    if (added && added.length + this.docs.length === n) {
      this.docs = [...this.docs, ...added.map(cached)].sort((a, b) => compareCodePoints(a.id, b.id))
    } else {
      this.docs = this.allStmt.all().map(cached)
    }
    this.lastRowid = lastRowid
  }

  /** The spans hits must lie in, by document, or null when the search has no label or annotator filter. */
  private spanFilter({ label, annotator }: SearchArgs): Map<string, DocSpans> | null {
    if (label === undefined && annotator === undefined) return null
    if (label !== undefined && !this.project.labels.list().some((l) => l.key === label)) {
      const known = this.project.labels.list().map((l) => l.key).join(', ')
      throw new ApiError('not_found', msg('errors:noLabelKnown', { label, known }))
    }
    const where: string[] = []
    const params: string[] = []
    if (annotator !== undefined) {
      where.push('annotator = ?')
      params.push(annotator)
    } else {
      // Rejected review candidates are not labelled text.
      where.push('annotator <> ?')
      params.push(REJECTED)
    }
    if (label !== undefined) {
      where.push('label = ?')
      params.push(label)
    }
    const rows = this.project.db
      .prepare<string[], SpanRow>(`SELECT doc_id AS docId, start, end, label FROM spans WHERE ${where.join(' AND ')} ORDER BY doc_id, start, end`)
      .all(...params)
    const byDoc = new Map<string, DocSpans>()
    for (const r of rows) {
      let d = byDoc.get(r.docId)
      if (!d) byDoc.set(r.docId, (d = { starts: [], ends: [], labels: [], maxEnd: [] }))
      d.starts.push(r.start)
      d.ends.push(r.end)
      d.labels.push(r.label)
      d.maxEnd.push(Math.max(r.end, d.maxEnd[d.maxEnd.length - 1] ?? 0))
    }
    return byDoc
  }
}

/** Calls onHit(start, end) (UTF-16) for every non-empty match in text; returns true if it stopped at the deadline. */
type Matcher = (text: string, deadline: number, onHit: (s16: number, e16: number) => void) => boolean

function compile({ query, mode, caseSensitive = false }: SearchArgs): Matcher {
  if (mode === 'text' && caseSensitive) {
    return (text, _deadline, onHit) => {
      for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) onHit(at, at + query.length)
      return false
    }
  }
  const source = mode === 'text' ? query.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : query
  let re: RegExp
  try {
    re = new RegExp(source, caseSensitive ? 'gmu' : 'gimu')
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    throw new ApiError('invalid_args', msg('errors:badPattern', { query, reason: why }))
  }
  return (text, deadline, onHit) => {
    re.lastIndex = 0
    let n = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const len = m[0].length
      if (len === 0) {
        // An empty match (a* , ^): step over one character, whole surrogate pairs included.
        const c = text.codePointAt(re.lastIndex) ?? 0
        re.lastIndex += c > 0xffff ? 2 : 1
        continue
      }
      onHit(m.index, m.index + len)
      if (++n % 256 === 0 && performance.now() > deadline) return true
    }
    return false
  }
}

/** The label of a span containing [start, end), or undefined. */
function containing(d: DocSpans, start: number, end: number): string | undefined {
  // The spans starting at or before start: the last index k with starts[k] <= start.
  let lo = 0
  let hi = d.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((d.starts[mid] as number) <= start) lo = mid + 1
    else hi = mid
  }
  let k = lo - 1
  if (k < 0 || (d.maxEnd[k] as number) < end) return undefined
  while (k >= 0 && (d.ends[k] as number) < end) k--
  return d.labels[k]
}

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

/** Up to CONTEXT UTF-16 units each side of the hit, not past a line break, never half a surrogate pair. */
function kwic(text: string, s16: number, e16: number): { before: string; match: string; after: string } {
  let from = s16
  while (from > 0 && s16 - from < CONTEXT && !isBreak(text.charCodeAt(from - 1))) from--
  if (from < s16 && isLowSurrogate(text.charCodeAt(from))) from++
  let to = e16
  while (to < text.length && to - e16 < CONTEXT && !isBreak(text.charCodeAt(to))) to++
  if (to > e16 && to < text.length && isLowSurrogate(text.charCodeAt(to))) to--
  return { before: text.slice(from, s16), match: text.slice(s16, e16), after: text.slice(e16, to) }
}

function cached(row: { id: string; title: string; text: string }): CachedDoc {
  return { id: row.id, title: row.title, text: row.text, astral: /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(row.text) }
}

/** Orders ids as SQLite's BINARY collation does (UTF-8 bytes = code points), as the document list is ordered. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number
    const y = b.codePointAt(i) as number
    if (x !== y) return x - y
    if (x > 0xffff) i++
  }
  return a.length - b.length
}
