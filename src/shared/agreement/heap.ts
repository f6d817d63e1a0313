/** A binary min-heap ordered by `less`. */
export class MinHeap<T> {
  private readonly items: T[] = []

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length
  }

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T): void {
    const items = this.items
    items.push(item)
    let k = items.length - 1
    while (k > 0) {
      const parent = (k - 1) >> 1
      if (!this.less(items[k] as T, items[parent] as T)) break
      this.swap(k, parent)
      k = parent
    }
  }

  pop(): T | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last !== undefined) {
      items[0] = last
      let k = 0
      for (;;) {
        const l = 2 * k + 1
        const r = l + 1
        let m = k
        if (l < items.length && this.less(items[l] as T, items[m] as T)) m = l
        if (r < items.length && this.less(items[r] as T, items[m] as T)) m = r
        if (m === k) break
        this.swap(k, m)
        k = m
      }
    }
    return top
  }

  private swap(i: number, j: number): void {
    const t = this.items[i] as T
    this.items[i] = this.items[j] as T
    this.items[j] = t
  }
}
