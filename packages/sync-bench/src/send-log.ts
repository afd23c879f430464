import * as Y from 'yjs';

/**
 * When each writer's update left, keyed by the Yjs (clientID, clock) it created. A receiver
 * reads the ids out of whatever the server relays, so this works even if a server merges or
 * re-encodes updates, and no timestamp has to travel inside the document.
 */
export class SendLog {
  private readonly sent = new Map<number, Map<number, number>>();
  /** Deliveries owed: each send, times the room's clients other than the writer. */
  expected = 0;

  record(clientId: number, clock: number, at: number, recipients: number): void {
    let clocks = this.sent.get(clientId);
    if (!clocks) this.sent.set(clientId, (clocks = new Map()));
    clocks.set(clock, at);
    this.expected += recipients;
  }

  /** Send times of the logged updates contained in `update` (empty for anyone else's). */
  sendTimes(update: Uint8Array, exceptClient: number | null = null): number[] {
    const out: number[] = [];
    const meta = Y.parseUpdateMeta(update);
    for (const [client, from] of meta.from) {
      if (client === exceptClient) continue;
      const clocks = this.sent.get(client);
      if (!clocks) continue;
      const to = meta.to.get(client) ?? from;
      // A merged update spans many clocks; a writer's own update spans a few.
      if (to - from > 10_000) continue;
      for (let clock = from; clock < to; clock++) {
        const at = clocks.get(clock);
        if (at !== undefined) out.push(at);
      }
    }
    return out;
  }
}
