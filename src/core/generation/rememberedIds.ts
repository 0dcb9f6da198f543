/**
 * A bounded set of ids that forgets each one after `ttlMs`: enough to honour a cancel that
 * arrives before its request, without letting a client grow it without end.
 */
export class RememberedIds {
  private readonly expiries = new Map<string, number>()

  constructor(
    private readonly limit = 512,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(id: string): void {
    this.prune()
    this.expiries.delete(id)
    this.expiries.set(id, this.now() + this.ttlMs)
    // Maps keep insertion order: the first key is the oldest.
    while (this.expiries.size > this.limit) {
      const oldest = this.expiries.keys().next().value
      if (oldest === undefined) break
      this.expiries.delete(oldest)
    }
  }

  has(id: string): boolean {
    this.prune()
    return this.expiries.has(id)
  }

  /** Whether `id` was remembered; it is forgotten either way. */
  take(id: string): boolean {
    const had = this.has(id)
    this.expiries.delete(id)
    return had
  }

  get size(): number {
    this.prune()
    return this.expiries.size
  }

  private prune(): void {
    const now = this.now()
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) break
      this.expiries.delete(id)
    }
  }
}
