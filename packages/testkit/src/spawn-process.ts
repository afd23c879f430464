import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnProcessOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** The line the process prints once it is ready, e.g. /Crossboard is running at/. */
  ready: RegExp;
  readyTimeoutMs?: number;
  /** Keep stdin open, for a process that takes commands on it (the sync bench's peers). */
  stdin?: boolean;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  killAfterMs?: number;
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** The process's own pid: argv[0] is exec'd (node, or `taskset`, which execs node). */
  pid: number;
  /** The last 200 lines it printed on stdout and stderr, for a report when it fails. */
  log: string[];
  /** Resolves with the first line matching `pattern` printed from now on; rejects if it exits first. */
  nextLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM, SIGKILL after `killAfterMs`; resolves once it has exited. */
  stop(): Promise<void>;
}

const KEPT_LINES = 200;

/**
 * Runs `argv` as a child process and resolves once it prints its `ready` line (a process that
 * exits or stays silent past `readyTimeoutMs` is killed and the start rejects with its last
 * lines). What spawnServer and the sync bench's pinned servers are both built on.
 */
export async function spawnProcess(
  argv: readonly string[],
  { env = {}, cwd, ready, readyTimeoutMs = 15_000, stdin = false, killAfterMs = 10_000 }: SpawnProcessOptions,
): Promise<SpawnedProcess> {
  const [command, ...args] = argv;
  if (!command) throw new Error('spawnProcess: empty argv');
  const child = spawn(command, args, {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, ...env },
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onLine = (line: string) => {
    log.push(line);
    if (log.length > KEPT_LINES) log.shift();
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;

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
        reject(new Error(`process exited (${code}):\n${log.slice(-20).join('\n')}`));
      });
    });

  try {
    await nextLine(ready, readyTimeoutMs);
  } catch (err) {
    if (running()) child.kill('SIGKILL');
    throw err;
  }
  return {
    child,
    pid: child.pid!,
    log,
    nextLine,
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
