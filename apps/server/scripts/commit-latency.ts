/**
 * How long storing one update holds the event loop: one-row commits over 100 rooms at about
 * 1,000 a second for 6 s (S2's lowest step, where every update is its own commit), through
 * `SqliteStorage` as the server uses it, checkpoints included. Run it in two checkouts to
 * compare builds.
 *
 * Usage: pnpm --filter @crossboard/server exec tsx scripts/commit-latency.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';

const SECONDS = 6;
const dir = mkdtempSync(join(tmpdir(), 'commit-latency-'));
const storage = new SqliteStorage(dir);
const times: number[] = [];
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (let i = 0; performance.now() - start < SECONDS * 1_000; ) {
  for (let k = 0; k < 5; k++, i++) {
    const t = performance.now();
    storage.appendAll([{ room: `w/room-${i % 100}`, update: new Uint8Array(120).fill(i % 251) }]);
    times.push(performance.now() - t);
  }
  await sleep(5);
}
const cpu = process.cpuUsage(cpuBefore);
storage.close();
await sleep(100);
rmSync(dir, { recursive: true, force: true });

times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
console.log(
  `${times.length} commits: p50 ${at(0.5)} / p99 ${at(0.99)} / p99.9 ${at(0.999)} / max ${times.at(-1)!.toFixed(2)} ms; ` +
    `over 2 ms: ${times.filter((t) => t > 2).length}; process CPU ${((cpu.user + cpu.system) / times.length).toFixed(1)} µs per commit`,
);
