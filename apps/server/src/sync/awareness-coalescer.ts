/**
 * Merges a room's awareness changes and sends them once per tick: 200 clients moving
 * cursors at 10 Hz would otherwise cost 200 × 200 × 10 sends a second. Each send holds the
 * latest state of every client id that changed. Removals go out at once, so a departed
 * cursor never lingers for a tick.
 */
export class AwarenessCoalescer {
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tickMs: number,
    /** Sends the current states (or removals) of these ids to every client. */
    private readonly send: (ids: readonly number[]) => void,
  ) {}

  /** Client ids whose state was added or updated. */
  update(ids: readonly number[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.changed.add(id);
    this.timer ??= setTimeout(this.flush, this.tickMs);
  }

  remove(ids: readonly number[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.changed.delete(id);
    this.send(ids);
  }

  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.send(ids);
  };

  /** Drops what is pending (the room is going away). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
  }
}
