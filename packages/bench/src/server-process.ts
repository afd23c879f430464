import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnProcess } from '@crossboard/testkit';

/** The same start-up as apps/web/e2e/harness/server.ts, without its test-only helpers. */
// CROSSBOARD_SERVER_DIR runs another checkout's server (say, last commit's while the tree is mid-change).
const serverRoot = process.env.CROSSBOARD_SERVER_DIR ?? fileURLToPath(new URL('../../../apps/server', import.meta.url));
const webRoot = fileURLToPath(new URL('../../../apps/web', import.meta.url));

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** The server serves the built web app; a bench needs the production bundle, not the dev server. */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(join(webRoot, 'dist/index.html'))) return;
  console.error('apps/web/dist is missing: building the web app once…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@crossboard/web', 'build'], { stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`web build exited ${code}`))));
  });
}

/** Starts the real server (tsx src/main.ts) on port 0 with a throwaway data directory. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-bench-'));
  const running = /running at (http:\/\/\S+)/;
  const server = await spawnProcess([join(serverRoot, 'node_modules/.bin/tsx'), 'src/main.ts'], {
    cwd: serverRoot,
    env: { PORT: '0', HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn', ...extraEnv },
    ready: running,
    readyTimeoutMs: 60_000,
  });
  // Port 0: the address is only known from the line the server prints once it listens.
  const printed = server.log.map((line) => running.exec(line)?.[1]).find(Boolean);
  if (!printed) throw new Error(`server printed no address:\n${server.log.join('\n')}`);
  return {
    url: printed.replace(/\/$/, ''),
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
