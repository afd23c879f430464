import { describe, expect, it } from 'vitest';
import { everyPeriod } from '../src/room-load.ts';

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* the load generator's event loop, blocked by a burst of deliveries */
  }
};

describe('everyPeriod', () => {
  it('sends the rate asked even when the load generator was blocked for a while', async () => {
    const counts = new Array<number>(10).fill(0);
    const started = performance.now();
    const stop = everyPeriod(10, 20, (i) => counts[i]!++);
    await new Promise((r) => setTimeout(r, 40));
    busyFor(120);
    await new Promise((r) => setTimeout(r, 60));
    stop();
    const elapsed = performance.now() - started;
    const total = counts.reduce((a, b) => a + b, 0);
    // 10 actors every 20 ms: one tick per 2 ms of elapsed time, the blocked 120 ms included.
    expect(total).toBeGreaterThanOrEqual(Math.floor(elapsed / 2) - 10);
    expect(total).toBeLessThanOrEqual(Math.ceil(elapsed / 2) + 10);
    // Evenly: no actor is more than one tick ahead of another.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('stops ticking when stopped', async () => {
    let ticks = 0;
    const stop = everyPeriod(4, 10, () => ticks++);
    await new Promise((r) => setTimeout(r, 30));
    stop();
    const atStop = ticks;
    await new Promise((r) => setTimeout(r, 30));
    expect(ticks).toBe(atStop);
    expect(atStop).toBeGreaterThan(0);
  });
});
