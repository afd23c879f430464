import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnProcess, type SpawnedProcess } from '@crossboard/testkit';
import { GC_PROBE } from './collected-memory.ts';

/** The server gets core 0 and the load generator core 1, so neither steals the other's time. */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

export const hasTaskset = spawnSync('taskset', ['-c', SERVER_CORE, 'true']).status === 0;

/** Moves this process (every thread) onto the load generator's core. */
export function pinSelfToLoadCore(): boolean {
  if (!hasTaskset) return false;
  return spawnSync('taskset', ['-a', '-cp', LOAD_CORE, String(process.pid)]).status === 0;
}

const TSX_LOADER = import.meta.resolve('tsx/esm');

/**
 * `node --import tsx ENTRY` on one core (taskset execs, so the child's pid is node's own). A
 * built `.js` entry (our server's dist/) runs on plain node and imports the model's built
 * JavaScript, as `pnpm start` does.
 */
export function pinnedNode(entry: string, core: string, nodeFlags: string[] = []): string[] {
  const loader = entry.endsWith('.ts') ? ['--import', TSX_LOADER] : ['--conditions=crossboard-dist'];
  const node = [process.execPath, ...nodeFlags, ...loader, entry];
  return hasTaskset ? ['taskset', '-c', core, ...node] : node;
}

/** A server under measurement (testkit's SpawnedProcess: pid, last lines, nextLine, stop). */
export type ServerProcess = SpawnedProcess;

/**
 * Runs an entry in plain `node` (`--import tsx` for TypeScript) under `taskset`, which execs, so
 * the child's pid is the server's own and /proc reports its CPU and memory, not a wrapper's.
 * Its stdin stays open: the peers answer `eld` on it. Every server gets the same GC probe
 * (collected-memory.ts), so memory is weighed the same way for ours and the peers.
 */
export function spawnServer(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  cwd?: string,
  nodeFlags: string[] = [],
): Promise<ServerProcess> {
  return spawnProcess(pinnedNode(entry, SERVER_CORE, ['--require', GC_PROBE, ...nodeFlags]), {
    env,
    ...(cwd ? { cwd } : {}),
    ready,
    readyTimeoutMs: 60_000,
    stdin: true,
    killAfterMs: 5_000,
  });
}

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = fileURLToPath(new URL('../../..', import.meta.url));
