import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from './load-client.ts';
import type { Dialect } from './protocol.ts';
import { freePort, packageDir, repoDir, spawnServer, type ServerProcess } from './spawn.ts';

export interface EventLoopDelay {
  p99Ms: number;
  maxMs: number;
}

/** One server under test, running in its own child process. */
export interface Target {
  name: string;
  dialect: Dialect;
  pid: number;
  /** A fresh, empty room and a token that may write to it. */
  newRoom(label: string): Promise<Endpoint>;
  /** Event-loop delay since the previous call (null when the server cannot tell). */
  eventLoopDelay(): Promise<EventLoopDelay | null>;
  stop(): Promise<void>;
}

export const TARGET_NAMES = ['crossboard', 'y-websocket', 'hocuspocus'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

const HOST = '127.0.0.1';
export const OUR_ENTRY = join(repoDir, 'apps/server/src/main.ts');

export function ourServerExists(): boolean {
  return existsSync(OUR_ENTRY);
}

/** `profileDir`: our server runs under `--cpu-prof` and writes its profile there on exit. */
export async function startTarget(name: TargetName, profileDir?: string): Promise<Target> {
  if (name === 'crossboard') return startOurs(profileDir);
  return startPeer(name);
}

async function startOurs(profileDir?: string): Promise<Target> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-bench-'));
  const proc = await spawnServer(
    OUR_ENTRY,
    { PORT: String(port), HOST, CROSSBOARD_DATA: dataDir, NODE_ENV: 'production' },
    /Crossboard is running at/,
    join(repoDir, 'apps/server'),
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const http = `http://${HOST}:${port}`;
  return {
    name: 'crossboard',
    dialect: 'y-websocket',
    pid: proc.pid,
    async newRoom() {
      const res = await fetch(`${http}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'bench' }),
      });
      if (res.status !== 201) throw new Error(`POST /api/workshops → ${res.status} ${await res.text()}`);
      const { id, facilitatorToken } = (await res.json()) as { id: string; facilitatorToken: string };
      return { dialect: 'y-websocket', base: `ws://${HOST}:${port}/ws`, room: `${id}/board`, token: facilitatorToken };
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
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startPeer(name: 'y-websocket' | 'hocuspocus'): Promise<Target> {
  const port = await freePort();
  const entry = join(packageDir, 'src/peers', `${name}-server.ts`);
  const proc: ServerProcess = await spawnServer(entry, { PORT: String(port), HOST }, /^LISTENING/, packageDir);
  let rooms = 0;
  return {
    name,
    dialect: name,
    pid: proc.pid,
    async newRoom(label) {
      return { dialect: name, base: `ws://${HOST}:${port}`, room: `bench-${label}-${++rooms}`, token: '' };
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
    stop: () => proc.stop(),
  };
}
