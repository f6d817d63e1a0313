import { usableLabel } from './usable-label'
import type { MutationResult, OccurrenceHit, OccurrencesResult } from '../../shared/api'
import type { Span, SpanChange, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { msg } from '../../shared/message'
import { codePointHits, findInText, kwic } from '../../shared/korean/occurrences'
import { OffsetMap } from '../../shared/offsets'
import type { Project } from '../store/project'
import { ChangeLog } from './change-log'

/** At most this many hits are listed (and labelled in one step); the result says when there were more. */
export const MAX_OCCURRENCES = 5000

export type OccurrenceScope = 'document' | 'open' | 'corpus'

interface DocText {
  id: string
  title: string
  text: string
}

interface Range {
  start: number
  end: number
}

/**
 * "Label all occurrences": finds the other mentions of a text (src/shared/korean/occurrences.ts
 * has the rule) in one document, the open ones or the whole corpus, and labels the ones the
 * user keeps as ONE undo step.
 *
 * The corpus is read in one prepared-statement iteration; SQLite's instr() skips, without
 * handing them to JavaScript, the documents that do not contain the text at all.
 */
export class OccurrencesService {
  private readonly log: ChangeLog
  private readonly oneStmt
  private readonly corpusStmt
  private readonly countStmt
  private ignoredStmt: { all(docId: string): Range[] } | null | undefined

  constructor(private readonly project: Project) {
    this.log = new ChangeLog(project)
    this.oneStmt = project.db.prepare<[string], DocText>('SELECT id, title, text FROM documents WHERE id = ?')
    this.corpusStmt = project.db.prepare<[string], DocText>('SELECT id, title, text FROM documents WHERE instr(text, ?) > 0 ORDER BY id')
    this.countStmt = project.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents')
  }

  find(a: { annotator: string; text: string; scope: OccurrenceScope; docId?: string | undefined; docIds?: string[] | undefined; label?: string | undefined }): OccurrencesResult {
    const needle = a.text
    if (needle.trim() === '') throw new ApiError('invalid_args', msg('errors:noOccurrenceText'))
    const result: OccurrencesResult = { text: needle, scope: a.scope, hits: [], alreadyLabelled: 0, ignored: 0, documents: 0, searched: 0, more: false }
    // The corpus query hands over only documents that contain the text; the others were searched too.
    if (a.scope === 'corpus') result.searched = this.countStmt.get()?.n ?? 0
    for (const doc of this.documents(a.scope, needle, a.docId, a.docIds)) {
      if (a.scope !== 'corpus') result.searched++
      const room = MAX_OCCURRENCES - result.hits.length
      // One more than there is room for tells whether there were more.
      const raw = findInText(doc.text, needle, room + 1)
      if (raw.length === 0) continue
      if (raw.length > room) {
        result.more = true
        raw.length = room
      }
      const before = result.hits.length
      this.collect(doc, codePointHits(doc.text, raw), a.annotator, a.label, result)
      if (result.hits.length > before) result.documents++
      if (result.more) break
    }
    return result
  }

  /** Adds one document's hits to result: those already labelled `label` and those in ignored regions are only counted. */
  private collect(doc: DocText, hits: ReturnType<typeof codePointHits>, annotator: string, label: string | undefined, result: OccurrencesResult): void {
    const spans = this.project.spans.layer(doc.id, annotator)
    const ignored = this.ignoredRegions(doc.id)
    let next = 0
    let active: Span[] = []
    for (const h of hits) {
      // Sweep: spans start-sorted; `active` holds those that began before this hit ends and may still overlap it.
      while (next < spans.length && (spans[next] as Span).start < h.end) active.push(spans[next++] as Span)
      active = active.filter((s) => s.end > h.start)
      if (ignored.some((r) => r.start < h.end && r.end > h.start)) {
        result.ignored++
        continue
      }
      const covering = active.filter((s) => s.start <= h.start && s.end >= h.end)
      if (label !== undefined && covering.some((s) => s.label === label)) {
        result.alreadyLabelled++
        continue
      }
      const existing = covering.find((s) => s.start === h.start && s.end === h.end) ?? covering[0] ?? active[0]
      const context = kwic(doc.text, h.start16, h.end16)
      const hit: OccurrenceHit = {
        docId: doc.id,
        title: doc.title,
        start: h.start,
        end: h.end,
        ...context,
        existing: existing ? { label: existing.label, start: existing.start, end: existing.end } : null
      }
      result.hits.push(hit)
    }
  }

  private *documents(scope: OccurrenceScope, needle: string, docId?: string, docIds?: string[]): Iterable<DocText> {
    if (scope === 'corpus') {
      yield* this.corpusStmt.iterate(needle)
      return
    }
    const ids = scope === 'document' ? (docId === undefined ? [] : [docId]) : [...new Set(docIds ?? [])]
    if (ids.length === 0) {
      throw new ApiError('invalid_args', msg(scope === 'document' ? 'errors:occurrenceNoDoc' : 'errors:occurrenceNoOpenDocs'))
    }
    for (const id of ids) {
      const doc = this.oneStmt.get(id)
      if (!doc) throw new ApiError('not_found', msg('errors:noDocument', { docId: id }))
      yield doc
    }
  }

  /**
   * Labels every listed occurrence as ONE change group (one undo removes them all). Every range
   * must still hold `text` and lie outside ignored regions, or nothing is labelled. Ranges already
   * labelled `label` in the layer, and repeats in the list, are skipped.
   */
  label(a: { annotator: string; label: string; text: string; occurrences: { docId: string; start: number; end: number }[] }): MutationResult {
    const label = usableLabel(this.project, a.label)
    const byDoc = new Map<string, Range[]>()
    for (const o of a.occurrences) {
      if (o.end <= o.start) throw new ApiError('invalid_args', msg('errors:occurrenceEmpty', { start: o.start, end: o.end, docId: o.docId }))
      const list = byDoc.get(o.docId) ?? []
      list.push({ start: o.start, end: o.end })
      byDoc.set(o.docId, list)
    }
    return this.project.write(() => {
      const changes: SpanChange[] = []
      let skipped = 0
      for (const [docId, ranges] of byDoc) {
        const doc = this.oneStmt.get(docId)
        if (!doc) throw new ApiError('not_found', msg('errors:noDocumentNothingLabelled', { docId }))
        const map = OffsetMap.of(doc.text)
        const ignored = this.ignoredRegions(docId)
        const seen = new Set<string>()
        for (const r of ranges) {
          const found = r.end <= map.cpLength ? doc.text.slice(map.toUtf16(r.start), map.toUtf16(r.end)) : null
          if (found !== a.text) {
            const what = found === null ? `is past the end of the text (${map.cpLength} characters)` : `holds “${found}”, not “${a.text}”`
            throw new ApiError('conflict', msg('errors:occurrenceChanged', { start: r.start, end: r.end, docId, what }))
          }
          if (ignored.some((g) => g.start < r.end && g.end > r.start)) {
            throw new ApiError('rejected', msg('errors:occurrenceIgnored', { start: r.start, end: r.end, docId }))
          }
          const key = `${r.start}:${r.end}`
          const state: SpanState = { start: r.start, end: r.end, label: a.label }
          if (seen.has(key) || this.project.spans.findIdentical(docId, a.annotator, state)) {
            skipped++
            continue
          }
          seen.add(key)
          const span = this.project.spans.insert({ docId, annotator: a.annotator, ...state })
          changes.push({ spanId: span.id, docId, annotator: a.annotator, before: null, after: state })
        }
      }
      if (changes.length === 0) return this.log.unchanged(msg('changes:nothingToLabel', { text: a.text, label: label.name }))
      const docs = new Set(changes.map((c) => c.docId)).size
      const params = { count: changes.length, text: a.text, label: label.name }
      const description =
        skipped > 0
          ? msg('changes:labelOccurrencesSkipped', { ...params, skipped })
          : docs > 1
            ? msg('changes:labelOccurrencesDocs', { ...params, docs })
            : msg('changes:labelOccurrences', params)
      return this.log.commitAction(a.annotator, 'create', description, changes)
    })
  }

  /**
   * HOOK (ignored regions, issue 8): the boilerplate regions of a document, from the
   * ignored_regions table of migration 4. A project file without that table has none.
   */
  private ignoredRegions(docId: string): Range[] {
    if (this.ignoredStmt === undefined) {
      const exists = this.project.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ignored_regions'").get() !== undefined
      this.ignoredStmt = exists ? this.project.db.prepare<[string], Range>('SELECT start, end FROM ignored_regions WHERE doc_id = ? ORDER BY start') : null
    }
    return this.ignoredStmt ? this.ignoredStmt.all(docId) : []
  }
}
