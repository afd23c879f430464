import type { WebSocket } from 'ws';

/**
 * Pings every socket each interval and cuts one that answered nothing (no pong, no
 * message) since the previous ping: a laptop that slept or a NAT that dropped the flow
 * leaves a half-open socket that would otherwise hold its room and memory for hours.
 */
export class Heartbeat {
  private readonly sockets = new Set<WebSocket>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs: number,
    private readonly onDead: (ws: WebSocket) => void,
  ) {
    this.timer = setInterval(this.tick, intervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.sockets.size;
  }

  track(ws: WebSocket): void {
    this.sockets.add(ws);
    this.answered.add(ws);
    const alive = () => this.answered.add(ws);
    ws.on('pong', alive);
    ws.on('message', alive);
    ws.once('close', () => this.sockets.delete(ws));
  }

  stop(): void {
    clearInterval(this.timer);
    this.sockets.clear();
  }

  private readonly tick = (): void => {
    for (const ws of this.sockets) {
      if (!this.answered.has(ws)) {
        this.sockets.delete(ws);
        this.onDead(ws);
        ws.terminate();
        continue;
      }
      this.answered.delete(ws);
      try {
        ws.ping();
      } catch {
        // Not open (closing): its close event removes it.
      }
    }
  };
}
