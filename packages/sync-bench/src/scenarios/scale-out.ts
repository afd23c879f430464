/**
 * Scale-out: one room of 400 clients on one server process, then spread over two processes
 * sharing the room through PostgreSQL and Redis; fan-out latency and throughput side by side.
 *
 *   node --import tsx packages/sync-bench/src/scenarios/scale-out.ts [--quick] [--clients=400] [--seconds=20] [--hz=1]
 *
 * Raise --hz to find where throughput stops keeping up (delivered < expected, p99 climbs).
 *
 * Needs the PostgreSQL and Redis on this machine (DATABASE_URL / REDIS_URL to override);
 * each run uses a PostgreSQL schema of its own, dropped afterwards. Every server process is
 * pinned to core 0 like the other scenarios (the two processes share it), the load generator
 * to core 1; PostgreSQL and Redis run unpinned.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startCluster, TWO_PROCESSES, type Cluster, type Layout } from '../cluster-target.ts';
import { ProcSampler } from '../proc-stats.ts';
import { pinSelfToLoadCore } from '../spawn.ts';
import { runFanOut, type FanOutResult } from './fan-out.ts';

const LAYOUTS: Layout[] = [
  { label: 'one process, SQLite (the default)', processes: 1, database: 'sqlite', redis: false },
  { label: 'one process, PostgreSQL', processes: 1, database: 'postgres', redis: false },
  TWO_PROCESSES,
];

interface Row {
  layout: Layout;
  result?: FanOutResult;
  cpuPct?: number[];
  error?: string;
}

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string' },
    seconds: { type: 'string' },
    hz: { type: 'string' },
  },
});
const scale = {
  clients: Number(args.clients ?? 400),
  writers: 20,
  hz: Number(args.hz ?? 1),
  seconds: Number(args.seconds ?? (args.quick ? 8 : 20)),
};

const pinned = pinSelfToLoadCore();
const loadAtStart = loadavg()[0]!.toFixed(2);
const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const rows: Row[] = [];
for (const layout of LAYOUTS) {
  const row: Row = { layout };
  rows.push(row);
  log(`${layout.label}: starting`);
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster(layout);
    const samplers = cluster.procs.map((p) => new ProcSampler(p.pid));
    row.result = await runFanOut(cluster.target, scale, { label: 'scale-out', awareness: false });
    row.cpuPct = samplers.map((s) => s.stop().cpuPct);
  } catch (e) {
    row.error = (e as Error).message;
    log(`${layout.label}: failed: ${row.error}`);
  } finally {
    await cluster?.stop();
  }
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const base = rows[0]?.result;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node --import tsx packages/sync-bench/src/scenarios/scale-out.ts ${process.argv.slice(2).join(' ')}\`.`,
  `${cpus().length} cores, Node ${process.version}; ${pinned ? 'servers on core 0, load generator on core 1 (taskset)' : 'no taskset'}; load average at start ${loadAtStart}.`,
  `One room (the board), ${scale.clients} clients spread evenly over the processes, ${scale.writers} writers moving a note at ${scale.hz} Hz for ${scale.seconds} s; fan-out = send → receipt at every other client (CPU sampled over the whole run, connects included).`,
  '',
  '| layout | fan-out p50 / p95 / p99 / max ms | delivered / expected | deliveries/s | server CPU % per process | converge | p99 vs first row |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(({ layout, result: r, cpuPct, error }) =>
    r
      ? `| ${layout.label} | ${fmt(r.latency.p50)} / ${fmt(r.latency.p95)} / ${fmt(r.latency.p99)} / ${fmt(r.latency.max)} | ${r.delivered} / ${r.expected} | ${fmt(r.delivered / scale.seconds, 0)} | ${(cpuPct ?? []).map((c) => fmt(c, 0)).join(' + ')} | ${r.convergence.ok ? 'yes' : `NO: ${r.convergence.detail}`} | ${base ? `${fmt(r.latency.p99 / base.latency.p99, 2)}×` : '—'} |`
      : `| ${layout.label} | failed: ${error} | | | | | |`,
  ),
];
console.log(lines.join('\n'));
process.exit(0);
