import type { Span } from '../../shared/domain'

const BUCKETS = 256

/**
 * Spans by id, immutable with structural sharing: ids are spread over 256
 * small buckets and a change copies only the bucket it touches. Labelling in a
 * document with 20,000 spans then copies about 80 entries instead of all of
 * them (copying the whole Map was the largest cost after a save in the
 * profile), and earlier states stay valid for React.
 */
export class SpanTable {
  private constructor(
    private readonly buckets: readonly (ReadonlyMap<number, Span> | undefined)[],
    readonly size: number
  ) {}

  static of(spans: Iterable<Span>): SpanTable {
    const buckets: Map<number, Span>[] = []
    let size = 0
    for (const span of spans) {
      const b = bucketOf(span.id)
      const bucket = (buckets[b] ??= new Map())
      if (!bucket.has(span.id)) size++
      bucket.set(span.id, span)
    }
    return new SpanTable(buckets, size)
  }

  get(id: number): Span | undefined {
    return this.buckets[bucketOf(id)]?.get(id)
  }

  has(id: number): boolean {
    return this.buckets[bucketOf(id)]?.has(id) ?? false
  }

  /** A table with this span added or replaced. */
  with(span: Span): SpanTable {
    const b = bucketOf(span.id)
    const bucket = new Map(this.buckets[b])
    const size = bucket.has(span.id) ? this.size : this.size + 1
    bucket.set(span.id, span)
    return new SpanTable(replaced(this.buckets, b, bucket), size)
  }

  /** A table without this span (the same table when it is absent). */
  without(id: number): SpanTable {
    const b = bucketOf(id)
    if (!this.buckets[b]?.has(id)) return this
    const bucket = new Map(this.buckets[b])
    bucket.delete(id)
    return new SpanTable(replaced(this.buckets, b, bucket), this.size - 1)
  }
}

/** Provisional spans have negative ids; the modulo keeps them in range. */
function bucketOf(id: number): number {
  return ((id % BUCKETS) + BUCKETS) % BUCKETS
}

function replaced<T>(list: readonly T[], index: number, value: T): T[] {
  const next = list.slice()
  next[index] = value
  return next
}
