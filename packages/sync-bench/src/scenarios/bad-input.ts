import { performance } from 'node:perf_hooks';
import { LoadClient } from '../load-client.ts';
import { encodeOversizedUpdate } from '../protocol.ts';
import { rssKb } from '../proc-stats.ts';
import { distribution, percentile, sleep } from '../stats.ts';
import type { RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';
import { runFanOut, type FanOutResult } from './fan-out.ts';

export interface Closure {
  /** Ms from the first bad byte sent until the server closed the socket; null if it never did. */
  closedAfterMs: number | null;
  code: number | null;
}

export interface BadInputResult {
  load: FanOutResult;
  bigMessage: Closure;
  garbage: Closure;
  flood: { closed: number; total: number; medianCloseMs: number };
  rssRiseKb: number;
  /** Others' fan-out p99 for updates sent while the attacks ran, and before them. */
  othersP99DuringMs: number;
  othersP99BeforeMs: number;
}

async function closedWithin(client: LoadClient, sentAt: number, waitMs: number): Promise<Closure> {
  await Promise.race([client.closed, sleep(waitMs)]);
  const closure = { closedAfterMs: client.closedAt === null ? null : client.closedAt - sentAt, code: client.closeCode };
  client.close();
  return closure;
}

/** The same bytes for every server: a seeded generator, not Math.random. */
function garbageFrames(count: number): Uint8Array[] {
  let seed = 0x5eed;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return Array.from({ length: count }, () => Uint8Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256)));
}

/** S6: S1's room under load while one socket misbehaves in each way we know of. */
export async function runBadInput(target: Target, fanOut: Scale['fanOut'], scale: Scale['badInput']): Promise<BadInputResult> {
  let attackStart = 0;
  let attackEnd = 0;
  let rssBefore = 0;
  let rssPeak = 0;
  let bigMessage: Closure = { closedAfterMs: null, code: null };
  let garbage: Closure = { closedAfterMs: null, code: null };
  let flood = { closed: 0, total: scale.floodConnections, medianCloseMs: Number.NaN };

  const attack = async (room: RoomAccess) => {
    const ep = room.ep;
    rssBefore = rssPeak = rssKb(target.pid);
    const rssTimer = setInterval(() => { rssPeak = Math.max(rssPeak, rssKb(target.pid)); }, 100);
    attackStart = performance.now();

    const big = new LoadClient(room.person(fanOut.clients));
    await big.synced.catch(() => {});
    const bigSentAt = performance.now();
    big.ws.send(encodeOversizedUpdate(ep.dialect, ep.room, scale.bigMessageBytes));
    bigMessage = await closedWithin(big, bigSentAt, scale.closeWaitMs);

    const noisy = new LoadClient(room.person(fanOut.clients + 1));
    await noisy.synced.catch(() => {});
    const noiseAt = performance.now();
    for (const frame of garbageFrames(scale.garbageFrames)) if (noisy.isOpen) noisy.ws.send(frame);
    if (noisy.isOpen) noisy.ws.send('{"type":"hello"}');
    garbage = await closedWithin(noisy, noiseAt, scale.closeWaitMs);

    const floodAt = performance.now();
    const intruders = Array.from({ length: scale.floodConnections }, () => new LoadClient({ ...ep, token: '' }));
    await Promise.race([Promise.all(intruders.map((c) => c.closed)), sleep(scale.closeWaitMs)]);
    const closeTimes = intruders.filter((c) => c.closedAt !== null).map((c) => c.closedAt! - floodAt);
    flood = { closed: closeTimes.length, total: intruders.length, medianCloseMs: distribution(closeTimes).p50 };
    for (const c of intruders) c.close();

    attackEnd = performance.now();
    clearInterval(rssTimer);
  };

  // S1's length plus room for the attacks, which start a quarter of the way in.
  const load = await runFanOut(target, { ...fanOut, seconds: fanOut.seconds + 3 * scale.closeWaitMs / 1_000 }, { label: 's6', awareness: false, beside: attack });
  const during = load.samples.filter((s) => s.sentAt >= attackStart && s.sentAt <= attackEnd).map((s) => s.latencyMs);
  const before = load.samples.filter((s) => s.sentAt < attackStart).map((s) => s.latencyMs);
  return {
    load,
    bigMessage,
    garbage,
    flood,
    rssRiseKb: rssPeak - rssBefore,
    othersP99DuringMs: percentile(Float64Array.from(during).sort(), 99),
    othersP99BeforeMs: percentile(Float64Array.from(before).sort(), 99),
  };
}
