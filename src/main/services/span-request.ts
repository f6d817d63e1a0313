import type { LabelDef, SpanState } from '../../shared/domain'
import { ApiError } from '../../shared/errors'
import { labelledIn, spanForSelection } from '../../shared/korean/span-snap'
import type { Message } from '../../shared/message'
import type { Project } from '../store/project'
import type { CachedText } from './text-cache'

export interface SpanPlan {
  /** The selection after snapping (what the first undo step gives back when trimming changed it). */
  made: SpanState
  /** The span to save. */
  state: SpanState
  /** What trimming cut, or null when it cut nothing. */
  cut: { before: string; after: string } | null
}

/**
 * The span createSpan saves for a selection (code points): snapped, trimmed and checked for
 * paragraph breaks by the same shared function the renderer draws its provisional mark with,
 * with the same inputs (isKnown: the word is a span in this layer of the document, which is what
 * the renderer has loaded). A refusal is an ApiError ('rejected', or 'invalid_args' for a selection
 * of only punctuation) carrying the labelling message.
 */
export function planSpan(
  project: Project,
  doc: CachedText,
  a: { docId: string; annotator: string; start: number; end: number; trim?: boolean | undefined; snap?: boolean | undefined },
  label: LabelDef
): SpanPlan {
  const s16 = doc.map.toUtf16(a.start)
  const e16 = doc.map.toUtf16(a.end)
  const spanAt = (s: number, e: number): boolean => project.spans.existsAt(a.docId, a.annotator, doc.map.toCodePoint(s), doc.map.toCodePoint(e))
  const r = spanForSelection(doc.text, s16, e16, {
    trim: a.trim === true,
    snap: a.snap === true,
    // An exact span (neither flag given: scripts, tests) is saved as given, as import saves spans.
    crossParagraphs: label.crossParagraphs === true || (a.trim === undefined && a.snap === undefined),
    labelName: label.name,
    isKnown: (word) => labelledIn(doc.text, word, spanAt)
  })
  if (!r.ok) throw refusal(r.reason)
  const cp = (i: number): number => doc.map.toCodePoint(i)
  const made = { start: cp(r.made.start), end: cp(r.made.end), label: label.key }
  const state = { start: cp(r.start), end: cp(r.end), label: label.key }
  const trimmed = made.start !== state.start || made.end !== state.end
  return { made, state, cut: trimmed ? { before: r.cutBefore, after: r.cutAfter } : null }
}

/** The refusal as an error for the transports: the labelling message itself, rendered by the renderer and the CLI. */
function refusal(m: Message): ApiError {
  return new ApiError(m.key === 'labelling:onlyPunctuation' ? 'invalid_args' : 'rejected', m)
}
