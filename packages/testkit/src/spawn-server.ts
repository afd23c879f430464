import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.ts';
import { spawnProcess } from './spawn-process.ts';

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
  const server = await spawnProcess([process.execPath, '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PORT: String(port), HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn', ...env },
    ready: /Crossboard is running at/,
    readyTimeoutMs: timeoutMs,
  });
  return {
    child: server.child,
    port,
    base: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    stop: server.stop,
  };
}
