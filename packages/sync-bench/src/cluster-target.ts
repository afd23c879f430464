import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from './load-client.ts';
import { createWorkshop, freePort, joinAsParticipant } from '@crossboard/testkit';
import { repoDir, spawnServer, type ServerProcess } from './spawn.ts';
import { buildOurServer, OUR_ENTRY } from './our-server.ts';
import type { Target } from './targets.ts';

const HOST = '127.0.0.1';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** How our server is laid out: processes, and where they keep the rooms. */
export interface Layout {
  label: string;
  processes: number;
  /** PostgreSQL (shared) or each process's own SQLite file. */
  database: 'postgres' | 'sqlite';
  redis: boolean;
}

/** The layout for several machines: processes sharing rooms through PostgreSQL and Redis. */
export const TWO_PROCESSES: Layout = { label: 'two processes, PostgreSQL + Redis', processes: 2, database: 'postgres', redis: true };

export interface Cluster {
  target: Target;
  procs: ServerProcess[];
  stop(): Promise<void>;
}

function psql(sql: string): void {
  const r = spawnSync('psql', [DATABASE_URL, '-qAt', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
}

/**
 * The layout's processes as one target (every one pinned to the server core, so together
 * they get what one process gets): participant i connects to process i mod n. With
 * PostgreSQL each start gets a schema of its own, dropped at stop.
 */
export async function startCluster(layout: Layout, name: string = layout.label): Promise<Cluster> {
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
        await spawnServer(
          OUR_ENTRY,
          { ...env, PORT: String(port), CROSSBOARD_DATA: dir },
          /Crossboard is running at/,
          join(repoDir, 'apps/server'),
        ),
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
    name,
    dialect: 'y-websocket',
    pid: procs[0]!.pid,
    pids: procs.map((p) => p.pid),
    async newRoom(_label, people) {
      const { id, facilitatorToken } = await createWorkshop(http(0), { title: 'bench' });
      const tokens: string[] = [];
      for (let i = 0; i < people; i += 20) {
        const batch = Array.from({ length: Math.min(20, people - i) }, (_, j) =>
          // Joined through alternate processes too: tokens work on any of them.
          joinAsParticipant(http(i + j), id, `Participant ${i + j}`, {
            organisation: 'Bench',
            country: 'FR',
            timeZone: 'Europe/Paris',
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
      cleanUp();
    },
  };
  return { target, procs, stop: () => target.stop() };
}
