/**
 * S6's bad actors in a process of their own (`node --import tsx src/attacker.ts`), so that
 * sending 50 MB and opening 500 sockets does not stall the event loop of the clients that
 * measure everyone else's latency. Talks over stdin/stdout, one JSON line each way:
 * reads the plan, connects its two sockets, prints `{"ready":true}`, waits for `go`, runs
 * the attacks one after the other and prints the closures.
 */
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { LoadClient, type Endpoint } from './load-client.ts';
import { encodeOversizedUpdate } from './protocol.ts';
import { distribution, sleep } from './stats.ts';

export interface AttackPlan {
  /** Participants of the room under load that misbehave (one socket each). */
  big: Endpoint;
  noisy: Endpoint;
  /** The room with no token, for the unauthenticated flood. */
  flood: Endpoint;
  bigMessageBytes: number;
  garbageFrames: number;
  floodConnections: number;
  closeWaitMs: number;
}

export interface Closure {
  /** Ms from the first bad byte sent until the server's close frame arrived; null if it never came. */
  closedAfterMs: number | null;
  code: number | null;
}

/** When each attack started and the last one ended, in ms since the epoch (comparable across processes). */
export interface AttackPhases {
  bigMessage: number;
  garbage: number;
  flood: number;
  end: number;
}

export interface AttackResults {
  phases: AttackPhases;
  bigMessage: Closure;
  garbage: Closure;
  flood: { closed: number; total: number; medianCloseMs: number };
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

/**
 * When the server's close frame arrived (ws then answers it, and the state turns CLOSING).
 * The socket's own 'close' comes later: the sender of 50 MB must first push out what it
 * queued before its answer, which measures the sender, not the server.
 */
function closeFrameReceived(client: LoadClient): Promise<number> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (client.ws.readyState < WebSocket.CLOSING) return;
      clearInterval(timer);
      resolve(performance.now());
    }, 1);
    void client.closed.then(() => {
      clearInterval(timer);
      resolve(client.closedAt!);
    });
  });
}

async function closedWithin(client: LoadClient, sentAt: number, waitMs: number): Promise<Closure> {
  const closing = await Promise.race([closeFrameReceived(client), sleep(waitMs).then(() => null)]);
  // The close code is known once the socket has closed.
  if (closing !== null) await Promise.race([client.closed, sleep(waitMs)]);
  const closure = { closedAfterMs: closing === null ? null : closing - sentAt, code: client.closeCode };
  client.close();
  return closure;
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const plan = JSON.parse((await lines.next()).value as string) as AttackPlan;
  // Built before the clock starts, and sent with an all-zero mask (which ws does not apply):
  // the time measured is the server's reaction, not this process copying 50 MB.
  const oversized = encodeOversizedUpdate(plan.big.dialect, plan.big.room, plan.bigMessageBytes);
  const frames = garbageFrames(plan.garbageFrames);
  const big = new LoadClient(plan.big, { zeroMask: true });
  const noisy = new LoadClient(plan.noisy);
  await Promise.all([big.synced.catch(() => {}), noisy.synced.catch(() => {})]);
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  await lines.next();

  const epoch = (at: number) => performance.timeOrigin + at;
  const bigSentAt = performance.now();
  big.ws.send(oversized);
  const bigMessage = await closedWithin(big, bigSentAt, plan.closeWaitMs);

  const noiseAt = performance.now();
  for (const frame of frames) if (noisy.isOpen) noisy.ws.send(frame);
  if (noisy.isOpen) noisy.ws.send('{"type":"hello"}');
  const garbage = await closedWithin(noisy, noiseAt, plan.closeWaitMs);

  const floodAt = performance.now();
  const intruders = Array.from({ length: plan.floodConnections }, () => new LoadClient({ ...plan.flood, token: '' }));
  await Promise.race([Promise.all(intruders.map((c) => c.closed)), sleep(plan.closeWaitMs)]);
  const closeTimes = intruders.filter((c) => c.closedAt !== null).map((c) => c.closedAt! - floodAt);
  for (const c of intruders) c.close();
  const results: AttackResults = {
    phases: { bigMessage: epoch(bigSentAt), garbage: epoch(noiseAt), flood: epoch(floodAt), end: epoch(performance.now()) },
    bigMessage,
    garbage,
    flood: { closed: closeTimes.length, total: intruders.length, medianCloseMs: distribution(closeTimes).p50 },
  };
  process.stdout.write(`${JSON.stringify(results)}\n`);
  process.exit(0);
}

await main();
