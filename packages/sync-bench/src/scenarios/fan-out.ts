import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SendLog } from '../send-log.ts';
import { ProcSampler, type ProcWindow } from '../proc-stats.ts';
import { checkConvergence, type Convergence } from '../convergence.ts';
import { connectClients, everyPeriod, NoteWriter, recordFanOut, type LatencySample } from '../room-load.ts';
import { eventually } from '@crossboard/testkit';
import { distribution, logWindow, monotonicUs, sleep, type Distribution } from '../stats.ts';
import type { EventLoopDelay, RoomAccess, Target } from '../targets.ts';
import type { Scale } from '../scale.ts';

export interface FanOutResult {
  latency: Distribution;
  delivered: number;
  expected: number;
  proc: ProcWindow;
  eventLoop: EventLoopDelay | null;
  /** The load generator's own CPU and event-loop delay: if it saturates, latencies are its, not the server's. */
  loadGenerator: { cpuPct: number; eventLoopP99Ms: number };
  convergence: Convergence;
  samples: LatencySample[];
}

export interface FanOutOptions {
  label: string;
  /** Every client also publishes presence (cursor) at 1 Hz, as the web app does. */
  awareness: boolean;
  /** Runs beside the load, starting a quarter of the way in (S6), as participants `clients` and up. */
  beside?: (room: RoomAccess) => Promise<void>;
}

/** S1 / S1b / S6: one room, every client reading, some writing at a steady rate. */
export async function runFanOut(target: Target, scale: Scale['fanOut'], options: FanOutOptions): Promise<FanOutResult> {
  const room = await target.newRoom(options.label, scale.clients + 2);
  const ep = room.ep;
  const clients = await connectClients(room, scale.clients);
  const log = new SendLog();
  const samples: LatencySample[] = [];
  const openCount = () => clients.reduce((n, c) => n + (c.isOpen ? 1 : 0), 0);
  const writers = clients.slice(0, scale.writers).map((c) => new NoteWriter(c, log, () => openCount() - 1));
  // Let the writers' note creations settle before anything is measured.
  await sleep(1_000);
  recordFanOut(clients, log, samples);

  const presenceIds = clients.map((c) => c.ownClientId ?? new Y.Doc().clientID);
  let presenceTicks = 0;
  await target.eventLoopDelay();
  const sampler = new ProcSampler(target.pids ?? target.pid);
  const windowStart = monotonicUs();
  const ownSampler = new ProcSampler(process.pid);
  const ownLag = monitorEventLoopDelay({ resolution: 10 });
  ownLag.enable();
  const stopWriting = everyPeriod(writers.length, 1_000 / scale.hz, (i) => writers[i]!.move());
  const stopPresence = options.awareness
    ? everyPeriod(clients.length, 1_000, (i) => {
        const t = ++presenceTicks;
        clients[i]!.sendAwareness(presenceIds[i]!, {
          user: {
            id: `p${i}`,
            name: `Person ${i}`,
            organisation: 'Bench',
            timeZone: 'Europe/Paris',
            colour: '#f4a261',
            role: 'participant',
          },
          cursor: { x: (t * 37) % 4_000, y: (t * 53) % 3_000, phase: 'painPoints' },
          status: 'active',
        });
      })
    : () => {};
  const beside = options.beside ? sleep((scale.seconds * 1_000) / 4).then(() => options.beside!(room)) : Promise.resolve();
  await sleep(scale.seconds * 1_000);
  stopWriting();
  stopPresence();
  const proc = sampler.stop();
  logWindow(`${target.name} ${options.label}`, windowStart);
  ownLag.disable();
  const loadGenerator = { cpuPct: ownSampler.stop().cpuPct, eventLoopP99Ms: Math.max(0, ownLag.percentile(99) / 1e6 - 10) };
  const eventLoop = await target.eventLoopDelay();
  await beside;
  await eventually(() => samples.length >= log.expected, { what: 'deliveries to drain', timeoutMs: 5_000, intervalMs: 50 }).catch(() => {});

  const convergence = await checkConvergence(ep, (doc) => {
    for (const w of writers) {
      const problem = w.expectIn(doc);
      if (problem) return problem;
    }
    return null;
  });
  for (const c of clients) c.close();
  await sleep(500);
  return {
    latency: distribution(samples.map((s) => s.latencyMs)),
    delivered: samples.length,
    expected: log.expected,
    proc,
    eventLoop,
    loadGenerator,
    convergence,
    samples,
  };
}
