/** A token bucket: `capacity` tokens, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perSecond) / 1000);
      this.last = now;
    }
  }

  has(n: number, now: number): boolean {
    this.refill(now);
    return this.tokens >= n;
  }

  take(n: number): void {
    this.tokens -= n;
  }

  /** Milliseconds until `n` tokens are there (n must not exceed the capacity). */
  msUntil(n: number, now: number): number {
    this.refill(now);
    return this.tokens >= n ? 0 : Math.ceil(((n - this.tokens) * 1000) / this.perSecond);
  }
}

export interface ThrottleLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** Raised to the largest message if smaller, or that message could never pass. */
  byteBurst: number;
  floodCloseAfterMs: number;
  maxDelayedMessages: number;
}

export interface ThrottleHooks {
  deliver(message: Uint8Array): void;
  /** A message had to wait for the buckets. */
  delayed(): void;
  /** Still sending while held back too long or too much: close it; `dropped` messages were discarded. */
  flood(dropped: number): void;
  now?: () => number;
}

/**
 * One connection's incoming messages through two buckets (messages, bytes). Past the
 * buckets messages wait in order, so a burst costs latency, not data; sending on while
 * held back past `floodCloseAfterMs` or `maxDelayedMessages` is a flood.
 */
export class MessageThrottle {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly queue: Uint8Array[] = [];
  private heldSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(
    private readonly limits: ThrottleLimits,
    maxMessageBytes: number,
    private readonly hooks: ThrottleHooks,
  ) {
    this.now = hooks.now ?? Date.now;
    const t = this.now();
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond, t);
    this.bytes = new TokenBucket(Math.max(limits.byteBurst, maxMessageBytes), limits.bytesPerSecond, t);
  }

  get waiting(): number {
    return this.queue.length;
  }

  push(message: Uint8Array): void {
    if (this.stopped) return;
    const t = this.now();
    if (this.queue.length === 0 && this.admit(message, t)) {
      this.hooks.deliver(message);
      return;
    }
    this.queue.push(message);
    this.heldSince ??= t;
    this.hooks.delayed();
    if (this.queue.length > this.limits.maxDelayedMessages || t - this.heldSince >= this.limits.floodCloseAfterMs) {
      const dropped = this.queue.length;
      this.stop();
      this.hooks.flood(dropped);
      return;
    }
    this.schedule(t);
  }

  /** The connection is gone: drop what waits and the timer with it. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private admit(message: Uint8Array, t: number): boolean {
    const size = Math.min(message.byteLength, this.bytes.capacity);
    if (!this.messages.has(1, t) || !this.bytes.has(size, t)) return false;
    this.messages.take(1);
    this.bytes.take(size);
    return true;
  }

  private schedule(t: number): void {
    if (this.timer || this.stopped) return;
    const head = this.queue[0]!;
    const wait = Math.max(this.messages.msUntil(1, t), this.bytes.msUntil(Math.min(head.byteLength, this.bytes.capacity), t));
    this.timer = setTimeout(this.drain, Math.max(1, wait));
  }

  private readonly drain = (): void => {
    this.timer = null;
    const t = this.now();
    // A client that stopped sending is drained at the bucket's pace, never closed for it.
    while (!this.stopped && this.queue.length > 0 && this.admit(this.queue[0]!, t)) {
      this.hooks.deliver(this.queue.shift()!);
    }
    if (this.queue.length === 0) this.heldSince = null;
    else this.schedule(t);
  };
}
