import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';

/** Where the server's entry lives; a path only, so this package does not depend on apps/server. */
const SERVER_DIR = fileURLToPath(new URL('../../../apps/server', import.meta.url));

export interface SpawnServerOptions {
  /** CROSSBOARD_DATA. */
  dataDir: string;
  env?: Record<string, string>;
  /** How long to wait for "Crossboard is running at". */
  timeoutMs?: number;
}

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:port */
  base: string;
  /** The y-websocket base URL: providers append `/<room>`. */
  ws: string;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * The real entry point (apps/server/src/main.ts) in its own process, as `pnpm dev` runs it:
 * plain `node --import tsx`, so a signal hits the server itself, not a wrapper.
 */
export async function spawnServer({ dataDir, env = {}, timeoutMs = 15_000 }: SpawnServerOptions): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Crossboard is running at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited ${code}:\n${output}`));
      });
    });
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw err;
  }
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
