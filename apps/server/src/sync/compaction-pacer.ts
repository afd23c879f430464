/** What the pacer compacts: a room, compacting through its own queue. */
export interface Compactable {
  compact(): Promise<void>;
}

/**
 * Runs compactions one at a time with a pause between them. Compaction merges a room's log
 * into its snapshot; with SQLite it blocks the process while it runs, so rooms that reach
 * their threshold in the same moment must take turns rather than stall every room together.
 * A room asked for twice before its turn is compacted once.
 */
export class CompactionPacer<T extends Compactable> {
  private readonly due = new Set<T>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly spacingMs: number,
    private readonly failed: (item: T, e: unknown) => void,
  ) {}

  get waiting(): number {
    return this.due.size;
  }

  request(item: T): void {
    this.due.add(item);
    this.arm();
  }

  /** The room is going away (unloading compacts it anyway). */
  forget(item: T): void {
    this.due.delete(item);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due.clear();
  }

  private arm(): void {
    if (this.timer || this.running || this.due.size === 0) return;
    this.timer = setTimeout(this.next, this.spacingMs);
    this.timer.unref();
  }

  private readonly next = async (): Promise<void> => {
    this.timer = null;
    const [item] = this.due;
    if (item === undefined) return;
    this.due.delete(item);
    this.running = true;
    try {
      await item.compact();
    } catch (e) {
      this.failed(item, e);
    } finally {
      this.running = false;
      this.arm();
    }
  };
}
