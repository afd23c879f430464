import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const child = spawn(join(serverRoot, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: serverRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
