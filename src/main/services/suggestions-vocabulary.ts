import { OffsetMap } from '../../shared/offsets'
import type { SpanState } from '../../shared/domain'
import type { Project } from '../store/project'

/** (label, text) → how many spans of a layer have that label on that text. */
export type LayerVocabulary = Map<string, number>

const SEP = '\u0000'
export const vocabKey = (label: string, text: string): string => `${label}${SEP}${text}`
export const splitVocabKey = (key: string): { label: string; text: string } => {
  const cut = key.indexOf(SEP)
  return { label: key.slice(0, cut), text: key.slice(cut + 1) }
}

/** Past this many new history rows, the layers are rebuilt from the spans table rather than replayed. */
const REPLAY_LIMIT = 50_000

/**
 * The texts each layer has labelled, with their labels and counts: the source
 * of suggestions. Built once per layer from the spans table, then kept up to
 * date from the append-only change history (span_changes), read from where it
 * was last read, so writes by this process, another window or another program
 * (import, merge) all arrive without rebuilding, and nothing is rebuilt per call.
 */
export class SuggestionVocabulary {
  private readonly layers = new Map<string, LayerVocabulary>()
  private cursor = -1
  /** Grows whenever a built layer changes, so callers can cache what they derive from it. */
  version = 0
  private readonly texts = new Map<string, { text: string; map: OffsetMap }>()
  private q: ReturnType<typeof statements> | null = null

  constructor(private readonly project: Project) {}

  private get s(): ReturnType<typeof statements> {
    return (this.q ??= statements(this.project))
  }

  /** The layer's vocabulary, current as of now. */
  layer(name: string): LayerVocabulary {
    // One read transaction: the history cursor and the spans read agree even if another program writes.
    return this.project.db.transaction(() => {
      this.catchUp()
      let vocab = this.layers.get(name)
      if (!vocab) {
        vocab = this.build(name)
        this.layers.set(name, vocab)
        this.version++
      }
      return vocab
    })()
  }

  /** Applies history rows written since the last call. */
  catchUp(): void {
    const last = this.s.lastChange.get()?.id ?? 0
    if (this.cursor < 0 || last < this.cursor || last - this.cursor > REPLAY_LIMIT) {
      // First use, a restored (older) file, or a huge import: start again from the spans table.
      this.layers.clear()
      this.cursor = last
      this.version++
      return
    }
    if (last === this.cursor) return
    for (const row of this.s.changesSince.iterate(this.cursor, last)) {
      const vocab = this.layers.get(row.annotator)
      if (!vocab) continue
      this.count(vocab, row.docId, parse(row.before), -1)
      this.count(vocab, row.docId, parse(row.after), +1)
      this.version++
    }
    this.cursor = last
    this.texts.clear()
  }

  private build(layer: string): LayerVocabulary {
    const vocab: LayerVocabulary = new Map()
    for (const span of this.s.layerSpans.iterate(layer)) this.count(vocab, span.docId, span, +1)
    this.texts.clear()
    return vocab
  }

  private count(vocab: LayerVocabulary, docId: string, s: SpanState | null, by: number): void {
    if (!s) return
    const doc = this.text(docId)
    if (!doc) return
    const text = doc.text.slice(doc.map.toUtf16(s.start), doc.map.toUtf16(s.end))
    if (!worthSuggesting(text)) return
    const key = vocabKey(s.label, text)
    const n = (vocab.get(key) ?? 0) + by
    if (n > 0) vocab.set(key, n)
    else vocab.delete(key)
  }

  /** The last document read (spans come grouped by document, so one is enough). */
  private text(docId: string): { text: string; map: OffsetMap } | undefined {
    const hit = this.texts.get(docId)
    if (hit) return hit
    const row = this.project.documents.text(docId)
    if (!row) return undefined
    this.texts.clear()
    const entry = { text: row.text, map: OffsetMap.of(row.text) }
    this.texts.set(docId, entry)
    return entry
  }
}

/** Two or more characters, not all spaces or punctuation: single syllables would match everywhere. */
export function worthSuggesting(text: string): boolean {
  return [...text].length >= 2 && /[\p{L}\p{N}]/u.test(text) && text.trim() === text
}

function parse(json: string | null): SpanState | null {
  return json ? (JSON.parse(json) as SpanState) : null
}

function statements(project: Project) {
  const db = project.db
  return {
    lastChange: db.prepare<[], { id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM span_changes'),
    changesSince: db.prepare<[number, number], { docId: string; annotator: string; before: string | null; after: string | null }>(
      'SELECT doc_id AS docId, annotator, before, after FROM span_changes WHERE id > ? AND id <= ? ORDER BY id'
    ),
    layerSpans: db.prepare<[string], { docId: string; start: number; end: number; label: string }>(
      'SELECT doc_id AS docId, start, end, label FROM spans WHERE annotator = ? ORDER BY doc_id'
    )
  }
}
