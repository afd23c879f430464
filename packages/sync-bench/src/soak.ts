/**
 * `pnpm bench:soak [--minutes=30] [--write]`: our server under S1-like load for a long time, with
 * rooms loading and unloading all along, on whatever Node runs this (CI and README: 24).
 *
 * Better-sqlite3 12 aborted on Node 24 from a finalizer during garbage collection, several times
 * an hour under normal use: a short test cannot see that, a long run with steady churn can.
 * Reports every minute: server RSS, event-loop delay, rooms loaded, notes delivered; and at the
 * end whether the server ever died (exit code or signal). Not part of CI (it takes 30 minutes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectClients, everyPeriod, NoteWriter, recordFanOut, type LatencySample } from './room-load.ts';
import { rssKb } from './proc-stats.ts';
import { SendLog } from './send-log.ts';
import { pinSelfToLoadCore, repoDir } from './spawn.ts';
import { distribution, sleep } from './stats.ts';
import { startTarget } from './targets.ts';

const { values: args } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, write: { type: 'boolean', default: false } } });
const MINUTES = Number(args.minutes);
/** The steady room: S1's shape at a soak-friendly size. */
const READERS = 100;
const WRITERS = 10;
/** Rooms opened, written and left every churn tick, so the server keeps loading and unloading. */
const CHURN_ROOMS = 5;
const CHURN_PEOPLE = 4;
const CHURN_EVERY_MS = 10_000;

pinSelfToLoadCore();
const target = await startTarget('crossboard');
let died: string | null = null;
const alive = () => {
  try {
    process.kill(target.pid, 0);
    return true;
  } catch {
    return false;
  }
};

const room = await target.newRoom('soak', READERS + 2);
const clients = await connectClients(room, READERS);
const log = new SendLog();
const samples: LatencySample[] = [];
const openCount = () => clients.reduce((n, c) => n + (c.isOpen ? 1 : 0), 0);
const writers = clients.slice(0, WRITERS).map((c) => new NoteWriter(c, log, () => openCount() - 1));
await sleep(1_000);
recordFanOut(clients, log, samples);
const stopWriting = everyPeriod(writers.length, 1_000, (i) => writers[i]!.move());

let churned = 0;
let churnFailures = 0;
const churn = setInterval(() => {
  void (async () => {
    for (let r = 0; r < CHURN_ROOMS; r++) {
      try {
        const access = await target.newRoom(`churn-${churned}`, CHURN_PEOPLE);
        const people = await connectClients(access, CHURN_PEOPLE);
        const w = new NoteWriter(people[0]!, { record() {} }, () => CHURN_PEOPLE - 1);
        w.move();
        await sleep(500);
        for (const p of people) p.close();
        churned += 1;
      } catch {
        churnFailures += 1;
      }
    }
  })();
}, CHURN_EVERY_MS);

interface Minute {
  minute: number;
  rssMb: number;
  eventLoopP99Ms: number | null;
  eventLoopMaxMs: number | null;
  roomsLoaded: number | null;
  deliveries: number;
  p99Ms: number;
  churned: number;
}
const minutes: Minute[] = [];
const start = Date.now();
for (let m = 1; m <= MINUTES; m++) {
  const from = samples.length;
  while (Date.now() - start < m * 60_000) {
    await sleep(1_000);
    if (!alive()) {
      died = `the server process ${target.pid} is gone after ${((Date.now() - start) / 60_000).toFixed(1)} min`;
      break;
    }
  }
  if (died) break;
  const eld = await target.eventLoopDelay();
  const window = samples.slice(from).map((s) => s.latencyMs);
  const row: Minute = {
    minute: m,
    rssMb: Math.round(rssKb(target.pid) / 1024),
    eventLoopP99Ms: eld ? eld.p99Ms : null,
    eventLoopMaxMs: eld ? eld.maxMs : null,
    roomsLoaded: await target.roomsLoaded(),
    deliveries: window.length,
    p99Ms: window.length ? distribution(window).p99 : Number.NaN,
    churned,
  };
  minutes.push(row);
  console.log(JSON.stringify(row));
}
stopWriting();
clearInterval(churn);
for (const c of clients) c.close();
await target.stop().catch(() => {});

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));
const lines = [
  `Soak: ${MINUTES} min requested, ${minutes.length} completed, Node ${process.version}, measured ${new Date().toISOString().slice(0, 16)} UTC with \`pnpm bench:soak --minutes=${MINUTES}\`.`,
  `Load: one room of ${READERS} clients with ${WRITERS} writers at 1 Hz; every ${CHURN_EVERY_MS / 1000} s, ${CHURN_ROOMS} new rooms of ${CHURN_PEOPLE} people open, write and leave (${churned} churn rooms in all, ${churnFailures} failed to open).`,
  `Outcome: ${died ? `CRASH — ${died}` : 'no crash, no abort: the server process answered to the end'}.`,
  '',
  '| minute | server RSS MB | event-loop p99 ms | event-loop max ms | rooms loaded | deliveries | delivery p99 ms | churn rooms so far |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...minutes.map(
    (r) =>
      `| ${r.minute} | ${r.rssMb} | ${fmt(r.eventLoopP99Ms)} | ${fmt(r.eventLoopMaxMs)} | ${r.roomsLoaded ?? '–'} | ${r.deliveries} | ${fmt(r.p99Ms)} | ${r.churned} |`,
  ),
];
console.log(`\n${lines.join('\n')}`);
if (args.write) writeFileSync(join(repoDir, 'docs/soak.md'), `# Soak run\n\n${lines.join('\n')}\n`);
process.exit(died ? 1 : 0);
