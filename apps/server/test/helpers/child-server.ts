import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, spawnServer as spawnChild } from '@crossboard/testkit';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];

export interface ChildServer {
  child: ChildProcess;
  base: string;
  /** The y-websocket base URL. */
  ws: string;
}

/** The real entry point in its own process, as `pnpm start` runs it (one process: SIGKILL hits the server itself). */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const { child, base, ws } = await spawnChild({ dataDir, env });
  children.push(child);
  return { child, base, ws };
}

/** Runs the entry point expecting it to stop on its own; resolves with its exit code and output. */
export function runServerToExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: serverDir,
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CROSSBOARD_DATA: dataDir, LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let output = '';
        child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => resolve({ code, output }));
      }),
  );
}

/** Kills whatever a test left running. */
export function killChildren(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
