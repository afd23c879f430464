import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '@crossboard/testkit';

/** The Redis server on this machine (`.ci/run` starts it). */
export const TEST_REDIS_URL = process.env.CROSSBOARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A real redis-server of this test's own on a free loopback port, so a test can kill and
 * restart it mid-session without touching the machine's shared Redis.
 */
export interface PrivateRedis {
  url: string;
  port: number;
  /** SIGKILL: clients see the connection drop, as when Redis crashes. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
    probe.on('error', () => {});
    try {
      await probe.connect().catch(() => {});
      const deadline = Date.now() + 10_000;
      while ((await probe.ping().catch(() => null)) !== 'PONG') {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      probe.disconnect();
    }
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}
