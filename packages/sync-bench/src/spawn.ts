import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/** The server gets core 0 and the load generator core 1, so neither steals the other's time. */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

export const hasTaskset = spawnSync('taskset', ['-c', SERVER_CORE, 'true']).status === 0;

/** Moves this process (every thread) onto the load generator's core. */
export function pinSelfToLoadCore(): boolean {
  if (!hasTaskset) return false;
  return spawnSync('taskset', ['-a', '-cp', LOAD_CORE, String(process.pid)]).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
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

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Lines the server printed, for the report when it fails. */
  log: string[];
  /** Resolves with the first line matching `pattern` printed from now on. */
  nextLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs an entry in plain `node` (`--import tsx` for TypeScript) under `taskset`, which execs, so
 * the child's pid is the server's own and /proc reports its CPU and memory, not a wrapper's.
 */
export async function spawnServer(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  cwd?: string,
  nodeFlags: string[] = [],
): Promise<ServerProcess> {
  const argv = pinnedNode(entry, SERVER_CORE, nodeFlags);
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onLine = (line: string) => {
    log.push(line);
    if (log.length > 200) log.shift();
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const nextLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${log.slice(-20).join('\n')}`)),
        timeoutMs,
      );
      waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}):\n${log.slice(-20).join('\n')}`));
      });
    });

  const readyPromise = nextLine(ready, 60_000);
  await readyPromise;
  return {
    child,
    pid: child.pid!,
    log,
    nextLine,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = fileURLToPath(new URL('../../..', import.meta.url));
