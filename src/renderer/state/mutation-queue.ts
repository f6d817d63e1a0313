import type { MutationResult } from '../../shared/api'
import type { Provisional } from './slots'

/**
 * What a queued change shows on screen before its reply arrives, and how to take that back.
 * Ids may be provisional (negative: a span whose create is still queued); the queue maps them
 * to the core's ids as creates return.
 */
export interface Optimistic {
  /** The span (committed or provisional id) the change acts on: later changes to it depend on this one. */
  target?: number
  /** The provisional id of the span this change creates: later changes to it depend on this one. */
  creates?: number
  /** For a create that saved nothing (the span exists already): the id of the span that was there. */
  existing?(): number | null
  /** The provisional mark that the reply replaces. */
  provisional?: Provisional | null
  /** Draws the change now, at the key press. */
  apply(): void
  /** Draws it again after the reply of an earlier change rewrote the same span. */
  replay?(): void
  /** Takes it back: this change failed, or one it depended on did. */
  rollback(): void
}

export interface QueueOptions {
  optimistic?: Optimistic | undefined
  /** Undo and redo act on whatever the history holds by then: after a failure, a queued one is dropped too. */
  barrier?: boolean
}

export interface QueueHost {
  /** Shows "Saving…" for a change that waits for its reply. */
  saving(): void
  /** Applies a committed change everywhere (panes, counts, status) and retracts its provisional mark. */
  applyResult(result: MutationResult, provisional: Provisional | null): void
  /** Says that a change failed and how many queued changes that depended on it were dropped with it. */
  failed(err: unknown, dropped: number): void
  /** A provisional span now has the core's id (or none, when nothing was created). */
  resolved(provisional: number, id: number | null): void
}

interface Entry {
  options: QueueOptions
  dropped: boolean
}

/**
 * The renderer's changes, in the order they were made: each one is sent after the previous
 * one's reply, while its optimistic state is drawn at once. Pressing 1, 2, Delete quickly thus
 * creates, relabels and deletes, each call naming the span by the id the core gave it. A change
 * that fails is taken back on screen with every queued change that depended on it (the same span,
 * or an undo/redo), and the others go on.
 */
export class MutationQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private readonly pending: Entry[] = []
  private readonly ids = new Map<number, number>()

  constructor(private readonly host: QueueHost) {}

  /** The core's id for a span known by its provisional id (the id itself when not provisional or not yet created). */
  resolve(id: number): number {
    return this.ids.get(id) ?? id
  }

  /** Whether changes are waiting for their replies. */
  get busy(): boolean {
    return this.pending.length > 0
  }

  enqueue(call: () => Promise<MutationResult>, options: QueueOptions = {}): Promise<MutationResult | null> {
    const entry: Entry = { options, dropped: false }
    // Nothing in flight (an entry leaves `pending` only as its reply is applied): the request goes
    // out now, in the key's task, and the core works while the optimistic state renders.
    const idle = this.pending.length === 0
    options.optimistic?.apply()
    this.pending.push(entry)
    this.host.saving()
    const run = idle ? this.send(entry, call) : this.tail.then(() => (entry.dropped ? null : this.send(entry, call)))
    this.tail = run
    return run
  }

  private async send(entry: Entry, call: () => Promise<MutationResult>): Promise<MutationResult | null> {
    const o = entry.options.optimistic
    let result: MutationResult
    try {
      result = await call()
    } catch (err) {
      const dropped = this.dropWith(entry)
      this.host.failed(err, dropped)
      return null
    }
    this.remove(entry)
    this.host.applyResult(result, o?.provisional ?? null)
    if (o?.creates !== undefined) {
      const created = result.changes.find((c) => c.before === null)?.spanId ?? o.existing?.() ?? null
      if (created !== null) this.ids.set(o.creates, created)
      this.host.resolved(o.creates, created)
    }
    for (const later of this.pending) later.options.optimistic?.replay?.()
    return result
  }

  /** Takes back a failed change and the queued ones that depend on it, latest first; returns how many of those there were. */
  private dropWith(failed: Entry): number {
    const f = failed.options.optimistic
    const ids = new Set<number>()
    if (f?.creates !== undefined) ids.add(f.creates)
    if (f?.target !== undefined) ids.add(this.resolve(f.target))
    const chain = this.pending.filter((e) => {
      if (e === failed || this.pending.indexOf(e) < this.pending.indexOf(failed)) return false
      const t = e.options.optimistic?.target
      return e.options.barrier === true || (t !== undefined && ids.has(this.resolve(t)))
    })
    for (const e of [...chain].reverse()) {
      e.dropped = true
      e.options.optimistic?.rollback()
      this.remove(e)
    }
    f?.rollback()
    this.remove(failed)
    return chain.length
  }

  private remove(entry: Entry): void {
    const at = this.pending.indexOf(entry)
    if (at >= 0) this.pending.splice(at, 1)
  }
}
