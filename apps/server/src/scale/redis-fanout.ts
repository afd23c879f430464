import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * What crosses between server processes for a room: a stored document update, an awareness
 * update, or "reload this room from the database" after a publisher could not reach Redis.
 */
export type FanoutKind = 'update' | 'awareness' | 'resync';

const KIND_CODES: Record<FanoutKind, number> = { update: 0, awareness: 1, resync: 2 };
const KINDS: FanoutKind[] = ['update', 'awareness', 'resync'];

export const FANOUT_CHANNEL_PREFIX = 'crossboard:room:';
/** Events about a workshop rather than a room (a person removed), heard by every process. */
export const CONTROL_CHANNEL = 'crossboard:control';

export type ControlEvent =
  | { type: 'person-removed'; workshopId: string; personId: string }
  /** The person changed what the directory shows: their presence is stamped again. */
  | { type: 'presence-changed'; workshopId: string; personId: string }
  /** People whose membership of a breakout group changed: their sockets there reconnect. */
  | { type: 'group-changed'; workshopId: string; groups: { groupId: string; personIds: string[] }[] }
  | { type: 'alive' };

/** Every process says it is alive this often on the control channel. */
export const HEARTBEAT_MS = 2_000;
/** A process silent this long is taken for dead: its clients' presence is removed everywhere. */
export const PROCESS_GONE_AFTER_MS = 3 * HEARTBEAT_MS;
export const channelOf = (room: string) => FANOUT_CHANNEL_PREFIX + room;

/** Reconnect backoff cap: Redis coming back is noticed within this long. */
export const REDIS_RETRY_MAX_MS = 1_000;

export interface FanoutHandler {
  /** A message another process published for a room this process subscribed to. */
  message(room: string, kind: FanoutKind, data: Uint8Array, fromProcess: string): void;
  /**
   * The subscription came back after Redis was unreachable: whatever was published
   * meanwhile was missed, so these rooms must be read again from the database.
   */
  resync(rooms: string[]): void;
  /** A control event another process published. */
  control?(event: ControlEvent): void;
  /** A process that had published stopped saying it is alive (crashed, or cut off from Redis). */
  processGone?(processId: string): void;
}

export interface FanoutLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface FanoutState {
  ok: boolean;
  publisher: string;
  subscriber: string;
  rooms: number;
}

/**
 * Fan-out of room traffic between server processes over Redis pub/sub: one channel per room,
 * each message tagged with the publishing process's id so a process skips its own. Redis
 * only relays; the database holds every update, which is why a gap is healed by a reload.
 *
 * Frame: [kind: u8][id length: u8][process id][payload].
 */
export class RedisFanout {
  readonly processId: string;
  private readonly idBytes: Buffer;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly rooms = new Set<string>();
  /** Rooms whose publish failed: the others are told to reload them once Redis is back. */
  private readonly missed = new Set<string>();
  private subReadyOnce = false;
  private closed = false;
  /** When each other process was last heard from. */
  private readonly lastHeard = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly handler: FanoutHandler,
    private readonly log?: FanoutLog,
  ) {
    this.processId = randomBytes(8).toString('hex');
    this.idBytes = Buffer.from(this.processId, 'utf8');
    const retryStrategy = (times: number) => Math.min(times * 100, REDIS_RETRY_MAX_MS);
    // A publish while Redis is down fails at once instead of queueing without bound; the
    // room is marked and healed by a reload when Redis is back.
    this.pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy, lazyConnect: false });
    // Subscriptions wait for Redis however long it takes; ioredis re-subscribes on reconnect.
    this.sub = new Redis(url, { maxRetriesPerRequest: null, retryStrategy, autoResubscribe: true });
    for (const [name, conn] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      conn.on('error', (err: Error) => this.log?.warn({ redis: name, err: err.message }, 'redis connection error'));
    }
    this.pub.on('ready', () => this.announceMissed());
    this.sub.on('ready', () => {
      if (this.subReadyOnce && this.rooms.size > 0) {
        this.log?.info({ rooms: this.rooms.size }, 'redis back: reloading rooms from the database');
        this.handler.resync([...this.rooms]);
      }
      this.subReadyOnce = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.sub.subscribe(CONTROL_CHANNEL).catch(() => {});
    this.heartbeat = setInterval(() => {
      this.publishControl({ type: 'alive' });
      const now = Date.now();
      for (const [id, at] of this.lastHeard) {
        if (now - at < PROCESS_GONE_AFTER_MS) continue;
        this.lastHeard.delete(id);
        this.log?.info({ process: id }, 'a server process went silent: removing its clients’ presence');
        this.handler.processGone?.(id);
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Best effort: a process that misses it still refuses the person at their next connect. */
  publishControl(event: ControlEvent): void {
    if (this.closed) return;
    this.pub.publish(CONTROL_CHANNEL, JSON.stringify({ from: this.processId, event })).catch(() => {});
  }

  publish(room: string, kind: FanoutKind, data: Uint8Array): void {
    if (this.closed) return;
    const frame = Buffer.allocUnsafe(2 + this.idBytes.length + data.byteLength);
    frame[0] = KIND_CODES[kind];
    frame[1] = this.idBytes.length;
    this.idBytes.copy(frame, 2);
    frame.set(data, 2 + this.idBytes.length);
    this.pub.publish(channelOf(room), frame).catch(() => {
      // Awareness is refreshed by its owner every few seconds; only document updates need healing.
      if (kind !== 'awareness') this.missed.add(room);
    });
  }

  async subscribe(room: string): Promise<void> {
    if (this.rooms.has(room) || this.closed) return;
    this.rooms.add(room);
    await this.sub.subscribe(channelOf(room));
  }

  async unsubscribe(room: string): Promise<void> {
    if (!this.rooms.delete(room) || this.closed) return;
    this.missed.delete(room);
    await this.sub.unsubscribe(channelOf(room)).catch(() => {});
  }

  /** Both connections up; while not, subscriptions complete on reconnect. */
  get ready(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  subscribed(room: string): boolean {
    return this.rooms.has(room);
  }

  state(): FanoutState {
    return {
      ok: this.pub.status === 'ready' && this.sub.status === 'ready',
      publisher: this.pub.status,
      subscriber: this.sub.status,
      rooms: this.rooms.size,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.rooms.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private announceMissed(): void {
    for (const room of this.missed) {
      this.missed.delete(room);
      this.publish(room, 'resync', new Uint8Array());
    }
  }

  private receive(channel: Buffer, message: Buffer): void {
    const name = channel.toString('utf8');
    if (name === CONTROL_CHANNEL) {
      try {
        const { from, event } = JSON.parse(message.toString('utf8')) as { from: string; event: ControlEvent };
        if (from === this.processId) return;
        this.lastHeard.set(from, Date.now());
        if (event && typeof event.type === 'string' && event.type !== 'alive') this.handler.control?.(event);
      } catch (e) {
        this.log?.warn({ err: String(e) }, 'unreadable control message');
      }
      return;
    }
    if (!name.startsWith(FANOUT_CHANNEL_PREFIX) || message.length < 2) return;
    const kind = KINDS[message[0]!];
    const idLength = message[1]!;
    if (!kind || message.length < 2 + idLength) return;
    if (message.subarray(2, 2 + idLength).equals(this.idBytes)) return;
    const room = name.slice(FANOUT_CHANNEL_PREFIX.length);
    if (!this.rooms.has(room)) return;
    const from = message.toString('utf8', 2, 2 + idLength);
    this.lastHeard.set(from, Date.now());
    this.handler.message(
      room,
      kind,
      new Uint8Array(message.buffer, message.byteOffset + 2 + idLength, message.length - 2 - idLength),
      from,
    );
  }
}
