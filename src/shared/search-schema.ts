import { z } from 'zod'
import { annotatorName, docId, labelKey, offset } from './schemas'

/** Corpus search (searchCorpus): the shapes that cross a transport, and their limits. */

/** Hits listed when the caller gives no limit, and the most it may ask for. */
export const SEARCH_DEFAULT_LIMIT = 500
export const SEARCH_MAX_LIMIT = 5000

export const searchArgsSchema = z
  .object({
    query: z.string().min(1, 'errors:field.searchEmpty').max(1000, 'errors:field.searchLong'),
    /** text: the query as typed; regex: a JavaScript regular expression (flags g, m and u; i unless caseSensitive). */
    mode: z.enum(['text', 'regex']),
    /** Default false: 'Sam' also finds 'sam' (Korean has no case). */
    caseSensitive: z.boolean().optional(),
    /** Only hits inside (or exactly) a span with this label. */
    label: labelKey.optional(),
    /** Only hits inside a span of this layer (with label: a span of that label in this layer); any layer when omitted. */
    annotator: annotatorName.optional(),
    limit: z.int().min(1).max(SEARCH_MAX_LIMIT, `at most ${SEARCH_MAX_LIMIT} hits`).optional()
  })
  .strict()

export const searchHitSchema = z.object({
  docId,
  title: z.string(),
  /** The hit in code points, end exclusive. */
  start: offset,
  end: offset,
  /** Keyword in context: up to about 40 characters before and after, within the hit's line. */
  before: z.string(),
  match: z.string(),
  after: z.string(),
  /** With a label or annotator filter: the label of the span the hit lies in. */
  spanLabel: labelKey.optional()
})

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** Hits found; exact unless the search stopped early (stopped). */
  total: z.int().min(0),
  /** True when hits does not list every hit: the limit was reached or the search stopped early. */
  truncated: z.boolean(),
  /** True when the search ran out of time before it had looked at every document. */
  stopped: z.boolean(),
  /** Documents looked at, of documents in the project (the ones a filter could match). */
  searched: z.int().min(0),
  documents: z.int().min(0),
  /** What a person should know about this result (limit reached, stopped early), or null. */
  note: z.string().nullable(),
  tookMs: z.number().min(0)
})

export type SearchArgs = z.output<typeof searchArgsSchema>
export type SearchHit = z.output<typeof searchHitSchema>
export type SearchResult = z.output<typeof searchResultSchema>
