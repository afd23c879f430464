import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { encodeAwareness } from './protocol.ts';

/**
 * Merges a room's awareness changes and broadcasts them once per tick: 200 clients moving
 * cursors at 10 Hz would otherwise cost 200 × 200 × 10 sends a second. Each message holds
 * the latest state of every client that changed. Removals go out at once, so a departed
 * cursor never lingers for a tick.
 */
export class AwarenessCoalescer<Client> {
  private readonly changed = new Set<number>();
  private readonly owners = new Set<Client | null>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly awareness: Awareness,
    private readonly tickMs: number,
    /** Sends one message to every client but `except`. */
    private readonly broadcast: (message: Uint8Array, except: Client | null) => void,
  ) {}

  /** Client ids whose state was added or updated by `origin`. */
  update(ids: number[], origin: Client | null): void {
    if (ids.length === 0) return;
    for (const id of ids) this.changed.add(id);
    this.owners.add(origin);
    this.timer ??= setTimeout(this.flush, this.tickMs);
  }

  remove(ids: number[], origin: Client | null): void {
    if (ids.length === 0) return;
    for (const id of ids) this.changed.delete(id);
    this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)), origin);
  }

  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    // A sender already has its own state; when everything came from one sender, skip it.
    const except = this.owners.size === 1 ? [...this.owners][0]! : null;
    this.changed.clear();
    this.owners.clear();
    this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)), except);
  };

  /** Drops what is pending (the room is going away). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
    this.owners.clear();
  }
}
