/**
 * Open connections per key (an IP address, a person's token), capped. Entries are deleted
 * at zero so the map holds only keys with open sockets.
 */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Keys with at least one open connection. */
  get size(): number {
    return this.counts.size;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  full(key: string): boolean {
    return this.count(key) >= this.max;
  }

  /** Counts one more connection for `key`, or returns false at the cap. */
  tryAcquire(key: string): boolean {
    const n = this.count(key);
    if (n >= this.max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = this.count(key);
    if (n <= 1) this.counts.delete(key);
    else this.counts.set(key, n - 1);
  }
}
