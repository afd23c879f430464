import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from './load-client.ts';
import type { Dialect } from './protocol.ts';
import { createWorkshop, freePort, joinAsParticipant } from '@crossboard/testkit';
import { packageDir, repoDir, spawnServer, type ServerProcess } from './spawn.ts';
import { startCluster, TWO_PROCESSES } from './cluster-target.ts';
import { OUR_ENTRY } from './our-server.ts';

export { buildOurServer, ourServerExists, OUR_ENTRY } from './our-server.ts';

export interface EventLoopDelay {
  p99Ms: number;
  maxMs: number;
}

/** A fresh room: `ep` carries a token that may do anything there, `person(i)` the i-th participant's. */
export interface RoomAccess {
  ep: Endpoint;
  person(i: number): Endpoint;
}

/** One server under test, running in its own child process. */
export interface Target {
  name: string;
  dialect: Dialect;
  pid: number;
  /** Every process of the target when it has several (CPU and memory are their sum). */
  pids?: number[];
  /** A fresh, empty room with `people` participants who may write to it. */
  newRoom(label: string, people: number): Promise<RoomAccess>;
  /** Event-loop delay since the previous call (null when the server cannot tell). */
  eventLoopDelay(): Promise<EventLoopDelay | null>;
  /** Rooms the server holds in memory, when it says (our `crossboard_rooms_loaded` gauge). */
  roomsLoaded(): Promise<number | null>;
  stop(): Promise<void>;
}

/** `crossboard-2p`: ours as two processes sharing rooms through PostgreSQL and Redis (cluster-target.ts). */
export const TARGET_NAMES = ['crossboard', 'crossboard-2p', 'y-websocket', 'hocuspocus', 'hocuspocus-4'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

const HOST = '127.0.0.1';

/**
 * `profileDir`: the server (ours or a single-process peer) runs under `--cpu-prof` and writes
 * its profile there on exit, so a cost can be compared function by function with a peer's.
 */
export async function startTarget(name: TargetName, profileDir?: string): Promise<Target> {
  if (name === 'crossboard') return startOurs(profileDir);
  if (name === 'crossboard-2p') return (await startCluster(TWO_PROCESSES, name)).target;
  return startPeer(name, profileDir);
}

async function startOurs(profileDir?: string): Promise<Target> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-bench-'));
  const proc = await spawnServer(
    OUR_ENTRY,
    // Hundreds of people join from this one address: the per-address rate limits would refuse them.
    { PORT: String(port), HOST, CROSSBOARD_DATA: dataDir, NODE_ENV: 'production', CROSSBOARD_RATE_LIMITS: 'off' },
    /Crossboard is running at/,
    join(repoDir, 'apps/server'),
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const http = `http://${HOST}:${port}`;
  return {
    name: 'crossboard',
    dialect: 'y-websocket',
    pid: proc.pid,
    async newRoom(_label, people) {
      const { id, facilitatorToken } = await createWorkshop(http, { title: 'bench' });
      // One token per person: the server caps the sockets one token may hold open.
      const tokens: string[] = [];
      for (let i = 0; i < people; i += 20) {
        const batch = Array.from({ length: Math.min(20, people - i) }, (_, j) =>
          joinAsParticipant(http, id, `Participant ${i + j}`, { organisation: 'Bench', country: 'FR', timeZone: 'Europe/Paris' }),
        );
        tokens.push(...(await Promise.all(batch)).map((r) => r.token));
      }
      const ep: Endpoint = { dialect: 'y-websocket', base: `ws://${HOST}:${port}/ws`, room: `${id}/board`, token: facilitatorToken };
      return { ep, person: (i) => ({ ...ep, token: tokens[i % tokens.length] ?? facilitatorToken }) };
    },
    async eventLoopDelay() {
      const res = await fetch(`${http}/metrics`).catch(() => null);
      if (!res?.ok) return null;
      const text = await res.text();
      // prom-client samples every 10 ms and reports whole intervals; the delay is the excess.
      const read = (metric: string) => {
        const m = new RegExp(`^${metric}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
        return m ? Math.max(0, Number(m[1]) * 1000 - 10) : Number.NaN;
      };
      const p99Ms = read('nodejs_eventloop_lag_p99_seconds');
      return Number.isNaN(p99Ms) ? null : { p99Ms, maxMs: read('nodejs_eventloop_lag_max_seconds') };
    },
    async roomsLoaded() {
      const res = await fetch(`${http}/metrics`).catch(() => null);
      if (!res?.ok) return null;
      const m = /^crossboard_rooms_loaded(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(await res.text());
      return m ? Number(m[1]) : null;
    },
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startPeer(name: Exclude<TargetName, 'crossboard' | 'crossboard-2p'>, profileDir?: string): Promise<Target> {
  const port = await freePort();
  const entry = join(packageDir, 'src/peers', `${name}-server.ts`);
  const proc: ServerProcess = await spawnServer(
    entry,
    { PORT: String(port), HOST },
    /^LISTENING/,
    packageDir,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  let rooms = 0;
  const dialect: Dialect = name === 'y-websocket' ? 'y-websocket' : 'hocuspocus';
  return {
    name,
    dialect,
    pid: proc.pid,
    async newRoom(label) {
      const ep: Endpoint = { dialect, base: `ws://${HOST}:${port}`, room: `bench-${label}-${++rooms}`, token: '' };
      return { ep, person: () => ep };
    },
    async eventLoopDelay() {
      const line = proc.nextLine(/^ELD /, 5_000);
      proc.child.stdin!.write('eld\n');
      try {
        return JSON.parse((await line).slice(4)) as EventLoopDelay;
      } catch {
        return null;
      }
    },
    roomsLoaded: async () => null,
    stop: () => proc.stop(),
  };
}
