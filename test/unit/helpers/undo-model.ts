/**
 * The reference model of undo/redo for test/unit/undo-properties.test.ts: the project state the
 * API exposes (spans, regions, rejected suggestions, entity links, links between spans) and each
 * person's undo and redo stacks. An entry is the list of elementary changes of one action, each
 * with the state it expects before. Undo applies the newest entry backwards if every change
 * finds what it expects (else it is refused and nothing changes); redo applies it forwards again.
 */
export interface ModelSpan {
  id: number
  docId: string
  annotator: string
  start: number
  end: number
  label: string
}
export interface ModelRegion {
  id: number
  docId: string
  start: number
  end: number
}
export interface ModelRelation {
  id: number
  docId: string
  annotator: string
  from: number
  to: number
}
export type Op =
  | { t: 'span'; id: number; before: ModelSpan | null; after: ModelSpan | null }
  | { t: 'relation'; id: number; before: ModelRelation | null; after: ModelRelation | null }
  | { t: 'region'; id: number; before: ModelRegion | null; after: ModelRegion | null }
  | { t: 'rejection'; key: string; before: boolean; after: boolean }
  | { t: 'link'; spanId: number; before: number | null; after: number | null }
export type Entry = Op[]

interface State {
  spans: Map<number, ModelSpan>
  regions: ModelRegion[]
  rejections: Set<string>
  links: Map<number, number>
  relations: ModelRelation[]
}

const ORDER: Op['t'][] = ['span', 'relation', 'region', 'rejection', 'link']

export class UndoModel {
  private s: State = { spans: new Map(), regions: [], rejections: new Set(), links: new Map(), relations: [] }
  private readonly done = new Map<string, (Entry | 'barrier')[]>()
  private readonly undone = new Map<string, Entry[]>()
  private readonly seen = new Set<number>()

  /** barriers: the people whose stack starts with an action that cannot be undone (the import). */
  constructor(barriers: string[]) {
    for (const who of barriers) this.done.set(who, ['barrier'])
  }

  get regions(): ModelRegion[] {
    return [...this.s.regions].sort((a, b) => a.id - b.id)
  }
  get rejections(): Set<string> {
    return this.s.rejections
  }
  get links(): Map<number, number> {
    return this.s.links
  }
  get relations(): ModelRelation[] {
    return [...this.s.relations].sort((a, b) => a.id - b.id)
  }

  liveSpans(who: string): ModelSpan[] {
    return [...this.s.spans.values()].filter((s) => s.annotator === who).sort((a, b) => a.id - b.id)
  }

  knownSpanIds(): number[] {
    return [...this.seen].sort((a, b) => a - b)
  }

  relationsOf(spanId: number): ModelRelation[] {
    return this.relations.filter((r) => r.from === spanId || r.to === spanId)
  }

  relationExists(who: string, from: number, to: number): boolean {
    return this.s.relations.some((r) => r.annotator === who && r.from === from && r.to === to)
  }

  inRegion(docId: string, start: number, end: number): boolean {
    return this.s.regions.some((r) => r.docId === docId && r.start < end && r.end > start)
  }

  createOutcome(who: string, docId: string, start: number, end: number, label: string): 'error' | 'unchanged' | 'created' {
    if (this.inRegion(docId, start, end)) return 'error'
    return identical(this.s, { docId, annotator: who, start, end, label }) ? 'unchanged' : 'created'
  }

  relabelOutcome(span: ModelSpan, label: string): 'error' | 'unchanged' | 'relabelled' {
    if (span.label === label) return 'unchanged'
    if (identical(this.s, { ...span, label })) return 'error'
    // Links are "place" links from a MEETING span: its start must stay a MEETING.
    if (label !== 'MEETING' && this.s.relations.some((r) => r.from === span.id)) return 'error'
    return 'relabelled'
  }

  /** A new action: on the person's undo stack; their redo stack is cleared. */
  commit(who: string, entry: Entry): void {
    const next = apply(this.s, entry)
    if (next === null) throw new Error(`the model cannot apply an action the core committed: ${JSON.stringify(entry)}`)
    this.s = next
    this.note(entry)
    this.stack(who).push(entry)
    this.undone.set(who, [])
  }

  undo(who: string): 'applied' | 'nothing' | 'barrier' | 'conflict' {
    const top = this.stack(who).at(-1)
    if (top === undefined) return 'nothing'
    if (top === 'barrier') return 'barrier'
    const next = apply(this.s, [...top].reverse().map(invert))
    if (next === null) return 'conflict'
    this.s = next
    this.stack(who).pop()
    this.undone.set(who, [...(this.undone.get(who) ?? []), top])
    return 'applied'
  }

  redo(who: string): 'applied' | 'nothing' | 'conflict' {
    const list = this.undone.get(who) ?? []
    const top = list.at(-1)
    if (top === undefined) return 'nothing'
    const next = apply(this.s, top)
    if (next === null) return 'conflict'
    this.s = next
    this.undone.set(who, list.slice(0, -1))
    this.stack(who).push(top)
    return 'applied'
  }

  observe(docs: string[], people: string[]) {
    const inScope = (s: { docId: string }) => docs.includes(s.docId)
    return normalise({
      spans: [...this.s.spans.values()].filter((s) => inScope(s) && people.includes(s.annotator)),
      regions: this.s.regions.filter(inScope),
      rejections: [...this.s.rejections],
      links: this.knownSpanIds().map((id) => [id, this.s.links.get(id) ?? null] as const),
      relations: this.s.relations
    })
  }

  private stack(who: string): (Entry | 'barrier')[] {
    let list = this.done.get(who)
    if (!list) this.done.set(who, (list = []))
    return list
  }

  private note(entry: Entry): void {
    for (const op of entry) if (op.t === 'span') this.seen.add(op.id)
  }
}

/** Sorts what is compared, so the order rows come back in does not matter. */
export function normalise<T extends { spans: { id: number }[]; regions: { id: number }[]; rejections: string[]; relations: { id: number }[] }>(o: T): T {
  const byId = <X extends { id: number }>(list: X[]): X[] => [...list].sort((a, b) => a.id - b.id)
  return { ...o, spans: byId(o.spans), regions: byId(o.regions), rejections: [...o.rejections].sort(), relations: byId(o.relations) }
}

function invert(op: Op): Op {
  return { ...op, before: op.after, after: op.before } as Op
}

function identical(s: State, x: Omit<ModelSpan, 'id'>): boolean {
  return [...s.spans.values()].some((o) => o.docId === x.docId && o.annotator === x.annotator && o.start === x.start && o.end === x.end && o.label === x.label)
}

const sameSpan = (a: ModelSpan | undefined | null, b: ModelSpan | null): boolean =>
  a == null || b === null ? (a ?? null) === b : a.start === b.start && a.end === b.end && a.label === b.label
const sameRegion = (a: ModelRegion | undefined, b: ModelRegion | null): boolean =>
  a === undefined || b === null ? (a ?? null) === b : a.start === b.start && a.end === b.end && a.docId === b.docId
const sameRelation = (a: ModelRelation | undefined, b: ModelRelation | null): boolean =>
  a === undefined || b === null ? (a ?? null) === b : a.from === b.from && a.to === b.to

/** The state after the entry's changes, in the core's order (spans, links between spans, regions, rejections, entity links), or null if one finds something else than it expects. */
function apply(state: State, entry: Entry): State | null {
  const s: State = { spans: new Map(state.spans), regions: [...state.regions], rejections: new Set(state.rejections), links: new Map(state.links), relations: [...state.relations] }
  const ops = [...entry].sort((a, b) => ORDER.indexOf(a.t) - ORDER.indexOf(b.t))
  let danglingChecked = false
  for (const op of ops) {
    if (op.t !== 'span' && op.t !== 'relation' && !danglingChecked) {
      danglingChecked = true
      if (!noDangling(s, entry)) return null
    }
    switch (op.t) {
      case 'span': {
        if (!sameSpan(s.spans.get(op.id), op.before)) return null
        if (op.after === null) s.spans.delete(op.id)
        else {
          if (op.before === null && identical(s, op.after)) return null
          s.spans.set(op.id, op.after)
        }
        break
      }
      case 'relation': {
        const current = s.relations.find((r) => r.id === op.id)
        if (!sameRelation(current, op.before)) return null
        s.relations = s.relations.filter((r) => r.id !== op.id)
        if (op.after !== null) {
          const ends = [op.after.from, op.after.to].map((id) => s.spans.get(id))
          if (ends.some((e) => !e || e.docId !== op.after!.docId || e.annotator !== op.after!.annotator)) return null
          if (s.relations.some((r) => r.annotator === op.after!.annotator && r.from === op.after!.from && r.to === op.after!.to)) return null
          s.relations.push(op.after)
        }
        break
      }
      case 'region': {
        if (!sameRegion(s.regions.find((r) => r.id === op.id), op.before)) return null
        s.regions = s.regions.filter((r) => r.id !== op.id)
        if (op.after !== null) s.regions.push(op.after)
        break
      }
      case 'rejection': {
        if (s.rejections.has(op.key) !== op.before) return null
        if (op.after) s.rejections.add(op.key)
        else s.rejections.delete(op.key)
        break
      }
      case 'link': {
        if ((s.links.get(op.spanId) ?? null) !== op.before) return null
        if (op.after === null) s.links.delete(op.spanId)
        else s.links.set(op.spanId, op.after)
        break
      }
    }
  }
  if (!danglingChecked && !noDangling(s, entry)) return null
  return s
}

/** No link between spans may point at a span the entry removes. */
function noDangling(s: State, entry: Entry): boolean {
  const removed = entry.flatMap((op) => (op.t === 'span' && op.after === null ? [op.id] : []))
  return !s.relations.some((r) => removed.includes(r.from) || removed.includes(r.to))
}
