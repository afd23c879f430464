import { performance } from 'node:perf_hooks';
import { SendLog } from '../send-log.ts';
import { ProcSampler } from '../proc-stats.ts';
import { connectClients, everyPeriod, NoteWriter, recordFanOut, type LatencySample } from '../room-load.ts';
import { eventually } from '@crossboard/testkit';
import { distribution, logWindow, monotonicUs, sleep, type Distribution } from '../stats.ts';
import type { LoadClient } from '../load-client.ts';
import type { Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

export interface RateStep {
  /** Updates per second asked of all writers together. */
  targetRate: number;
  /** Updates per second really sent over the step. */
  sentRate: number;
  delivered: number;
  expected: number;
  latency: Distribution;
  cpuPct: number;
  /** The load generator's own CPU: near 100 % the latencies are its, not the server's. */
  loadGeneratorCpuPct: number;
}

export interface ManyRoomsResult {
  rooms: number;
  steps: RateStep[];
}

/**
 * S2: many small rooms at once, the aggregate write rate raised step by step. Every room
 * is a fresh workshop board (our server) or room name (peers), one token per client.
 */
export async function runManyRooms(target: Target, scale: Scale['manyRooms']): Promise<ManyRoomsResult> {
  const rooms: { clients: LoadClient[]; writers: NoteWriter[] }[] = [];
  let log = new SendLog();
  for (let r = 0; r < scale.rooms; r++) {
    const access = await target.newRoom(`s2-${r}`, scale.clientsPerRoom);
    const clients = await connectClients(access, scale.clientsPerRoom);
    const openCount = () => clients.reduce((n, c) => n + (c.isOpen ? 1 : 0), 0);
    // The writers read the current log through the closure: each step starts a fresh one.
    const writers = clients
      .slice(0, scale.writersPerRoom)
      .map((c) => new NoteWriter(c, { record: (...a) => log.record(...a) }, () => openCount() - 1));
    rooms.push({ clients, writers });
  }
  const allClients = rooms.flatMap((r) => r.clients);
  const allWriters = rooms.flatMap((r) => r.writers);
  await sleep(1_000);

  // Every server first runs the first rate unmeasured: the steps compare servers that have
  // compiled their hot code, as a server that has been up for more than a few seconds has.
  if (scale.warmupSeconds > 0) {
    log = new SendLog();
    recordFanOut(allClients, log, []);
    const stop = everyPeriod(allWriters.length, (1_000 * allWriters.length) / scale.rates[0]!, (i) => allWriters[i]!.move());
    await sleep(scale.warmupSeconds * 1_000);
    stop();
    await sleep(1_000);
  }

  const steps: RateStep[] = [];
  for (const rate of scale.rates) {
    log = new SendLog();
    const samples: LatencySample[] = [];
    recordFanOut(allClients, log, samples);
    let sent = 0;
    const sampler = new ProcSampler(target.pids ?? target.pid);
    const ownSampler = new ProcSampler(process.pid);
    const windowStart = monotonicUs();
    const t0 = performance.now();
    // Each writer takes an equal share of the aggregate rate.
    const stop = everyPeriod(allWriters.length, (1_000 * allWriters.length) / rate, (i) => {
      allWriters[i]!.move();
      sent++;
    });
    await sleep(scale.stepSeconds * 1_000);
    stop();
    const seconds = (performance.now() - t0) / 1_000;
    const proc = sampler.stop();
    const own = ownSampler.stop();
    logWindow(`${target.name} s2 ${rate}/s`, windowStart);
    await eventually(() => samples.length >= log.expected, { what: 'deliveries to drain', timeoutMs: 5_000, intervalMs: 50 }).catch(
      () => {},
    );
    steps.push({
      targetRate: rate,
      sentRate: sent / seconds,
      delivered: samples.length,
      expected: log.expected,
      latency: distribution(samples.map((s) => s.latencyMs)),
      cpuPct: proc.cpuPct,
      loadGeneratorCpuPct: own.cpuPct,
    });
    console.error(
      `  ${target.name} s2 ${rate}/s: sent ${(sent / seconds).toFixed(0)}/s, ${samples.length}/${log.expected}, p50 ${steps.at(-1)!.latency.p50.toFixed(1)} / p99 ${steps.at(-1)!.latency.p99.toFixed(1)} ms, cpu ${proc.cpuPct.toFixed(0)}% (load generator ${own.cpuPct.toFixed(0)}%)`,
    );
    await sleep(500);
  }
  for (const c of allClients) c.close();
  await sleep(500);
  return { rooms: scale.rooms, steps };
}
