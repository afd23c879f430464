import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageThrottle, type ThrottleLimits } from '../src/sync/rate-limit.ts';

/** One connection's throttle on a fake clock: no server, no wall-clock bound to miss on a loaded machine. */
const LIMITS: ThrottleLimits = {
  messagesPerSecond: 20,
  messageBurst: 40,
  bytesPerSecond: 128 * 1024,
  byteBurst: 128 * 1024,
  floodCloseAfterMs: 500,
  maxDelayedMessages: 100,
};

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function throttle() {
  const delivered: number[] = [];
  let closedAt: number | null = null;
  let dropped = 0;
  let firstHeld: number | null = null;
  const t = new MessageThrottle(LIMITS, 1024, {
    deliver: () => delivered.push(Date.now()),
    delayed: () => (firstHeld ??= Date.now()),
    flood: (n) => {
      closedAt = Date.now();
      dropped = n;
    },
  });
  return { t, delivered, closed: () => ({ at: closedAt, dropped }), firstHeld: () => firstHeld };
}

const message = new Uint8Array(10);

describe('a paced flooder, on a fake clock', () => {
  it('is closed at its first message once it has been held back floodCloseAfterMs, having lost nothing it was told passed', () => {
    const { t, delivered, closed, firstHeld } = throttle();
    // 200 a second, ten times the allowed rate: one every 5 ms.
    let sent = 0;
    while (closed().at === null && sent < 1_000) {
      t.push(message);
      sent++;
      vi.advanceTimersByTime(5);
    }
    // The bucket empties at 200 - 20 = 180 a second net: about 220 ms of fake time.
    expect(firstHeld()).toBeGreaterThan(200);
    expect(firstHeld()).toBeLessThan(250);
    // Closed at the first message sent floodCloseAfterMs or more after the first was held.
    expect(closed().at! - firstHeld()!).toBeGreaterThanOrEqual(LIMITS.floodCloseAfterMs);
    expect(closed().at! - firstHeld()!).toBeLessThan(LIMITS.floodCloseAfterMs + 5);
    expect(closed().dropped).toBeGreaterThan(0);
    expect(closed().dropped).toBeLessThanOrEqual(LIMITS.maxDelayedMessages);
    expect(delivered.length + closed().dropped).toBe(sent);
  });

  it('is closed as soon as more than maxDelayedMessages wait, whatever the clock', () => {
    const { t, delivered, closed } = throttle();
    for (let i = 0; i < LIMITS.messageBurst + LIMITS.maxDelayedMessages; i++) t.push(message);
    expect(closed().at).toBeNull();
    t.push(message);
    expect(closed()).toEqual({ at: 0, dropped: LIMITS.maxDelayedMessages + 1 });
    expect(delivered).toHaveLength(LIMITS.messageBurst);
  });

  it('drains a burst past the bucket at the refill rate and never closes a client that stopped sending', () => {
    const { t, delivered, closed } = throttle();
    for (let i = 0; i < LIMITS.messageBurst + 60; i++) t.push(message);
    expect(delivered).toHaveLength(LIMITS.messageBurst);
    // 60 more at 20 a second: three seconds, far past floodCloseAfterMs.
    vi.advanceTimersByTime(3_000);
    expect(delivered).toHaveLength(LIMITS.messageBurst + 60);
    expect(delivered.at(-1)).toBe(3_000);
    expect(closed().at).toBeNull();
  });
});
