import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.ts';

/** Preloaded into every server the bench starts (spawn.ts): collects and reports on SIGUSR2. */
export const GC_PROBE = fileURLToPath(new URL('gc-probe.cjs', import.meta.url));

/** A full collection of a large heap takes well under a second; past this the server is stuck. */
const ANSWER_WITHIN_MS = 15_000;

export interface CollectedMemory {
  heapKb: number;
  rssKb: number;
}

/**
 * Heap and RSS of a server (summed over its processes) right after full collections in each:
 * what it holds, the same way for ours and the peers. Throws if a process does not answer.
 */
export async function collectedMemory(pids: number | readonly number[]): Promise<CollectedMemory> {
  const all = typeof pids === 'number' ? [pids] : pids;
  const read = await Promise.all(all.map(collectedMemoryOf));
  return read.reduce((sum, m) => ({ heapKb: sum.heapKb + m.heapKb, rssKb: sum.rssKb + m.rssKb }), { heapKb: 0, rssKb: 0 });
}

async function collectedMemoryOf(pid: number): Promise<CollectedMemory> {
  const file = join(tmpdir(), 'crossboard-bench-gc', `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + ANSWER_WITHIN_MS;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`process ${pid} did not report its collected memory within ${ANSWER_WITHIN_MS} ms`);
    await sleep(50);
  }
  const { heapUsed, rss } = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number; rss: number };
  rmSync(file, { force: true });
  return { heapKb: heapUsed / 1024, rssKb: rss / 1024 };
}
