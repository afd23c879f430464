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
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Endpoint } from '../load-client.ts';
import { ProcSampler } from '../proc-stats.ts';
import { freePort, pinSelfToLoadCore, repoDir, spawnServer, type ServerProcess } from '../spawn.ts';
import type { Target } from '../targets.ts';
import { buildOurServer, OUR_ENTRY } from '../targets.ts';
import { runFanOut, type FanOutResult } from './fan-out.ts';

const HOST = '127.0.0.1';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Layout {
  label: string;
  processes: number;
  /** PostgreSQL (shared) or each process's own SQLite file. */
  database: 'postgres' | 'sqlite';
  redis: boolean;
}

const LAYOUTS: Layout[] = [
  { label: 'one process, SQLite (the default)', processes: 1, database: 'sqlite', redis: false },
  { label: 'one process, PostgreSQL', processes: 1, database: 'postgres', redis: false },
  { label: 'two processes, PostgreSQL + Redis', processes: 2, database: 'postgres', redis: true },
];

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function psql(sql: string): void {
  const r = spawnSync('psql', [DATABASE_URL, '-qAt', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
}

interface Cluster {
  target: Target;
  procs: ServerProcess[];
  stop(): Promise<void>;
}

/** The layout's processes, as one target: participant i connects to process i mod n. */
async function startCluster(layout: Layout): Promise<Cluster> {
  if (!buildOurServer()) throw new Error('the server build (pnpm --filter @crossboard/server build) failed');
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const dirs: string[] = [];
  const procs: ServerProcess[] = [];
  const ports: number[] = [];
  // Hundreds of people join from this one address: the per-address rate limits would refuse them.
  const env: Record<string, string> = { HOST, NODE_ENV: 'production', LOG_LEVEL: 'warn', CROSSBOARD_RATE_LIMITS: 'off' };
  if (layout.database === 'postgres') Object.assign(env, { DATABASE_URL, CROSSBOARD_DB_SCHEMA: schema });
  if (layout.redis) env.REDIS_URL = REDIS_URL;
  const cleanUp = () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (layout.database === 'postgres') psql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  };
  try {
    for (let i = 0; i < layout.processes; i++) {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'crossboard-scale-bench-'));
      dirs.push(dir);
      ports.push(port);
      procs.push(
        await spawnServer(OUR_ENTRY, { ...env, PORT: String(port), CROSSBOARD_DATA: dir }, /Crossboard is running at/, join(repoDir, 'apps/server')),
      );
    }
  } catch (e) {
    await Promise.all(procs.map((p) => p.stop()));
    cleanUp();
    throw e;
  }
  const http = (i: number) => `http://${HOST}:${ports[i % ports.length]}`;
  const ws = (i: number) => `ws://${HOST}:${ports[i % ports.length]}/ws`;
  const target: Target = {
    name: layout.label,
    dialect: 'y-websocket',
    pid: procs[0]!.pid,
    async newRoom(_label, people) {
      const { id, facilitatorToken } = await post<{ id: string; facilitatorToken: string }>(`${http(0)}/api/workshops`, { title: 'bench' });
      const tokens: string[] = [];
      for (let i = 0; i < people; i += 20) {
        const batch = Array.from({ length: Math.min(20, people - i) }, (_, j) =>
          // Joined through alternate processes too: tokens work on any of them.
          post<{ token: string }>(`${http(i + j)}/api/workshops/${id}/join`, {
            name: `Participant ${i + j}`, organisation: 'Bench', country: 'FR', timeZone: 'Europe/Paris', language: 'en',
          }),
        );
        tokens.push(...(await Promise.all(batch)).map((r) => r.token));
      }
      const ep: Endpoint = { dialect: 'y-websocket', base: ws(0), room: `${id}/board`, token: facilitatorToken };
      return { ep, person: (i) => ({ ...ep, base: ws(i), token: tokens[i % tokens.length] ?? facilitatorToken }) };
    },
    async eventLoopDelay() {
      return null;
    },
    roomsLoaded: async () => null,
    async stop() {
      await Promise.all(procs.map((p) => p.stop()));
    },
  };
  return {
    target,
    procs,
    async stop() {
      await target.stop();
      cleanUp();
    },
  };
}

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
