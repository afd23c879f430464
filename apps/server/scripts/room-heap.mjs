/**
 * What open boards hold in the server's memory, measured in one process with the built app
 * (what `pnpm start` runs: `tsx` would add a name property to every function it compiles, a
 * dictionary of ~256 bytes per closure that production never holds). N workshops are made
 * first, 20 boards are opened and unloaded so first-use code and caches are in the baseline,
 * then N clients (another process, so their documents are not weighed here) each open one
 * board and write one small note. Heap and RSS are read after full collections, so the
 * differences are what the rooms retain, not where the collector happened to be.
 *
 * Usage (after `pnpm --filter @crossboard/model --filter @crossboard/server build`):
 *   node --expose-gc --conditions=crossboard-dist scripts/room-heap.mjs [boards=500] [heapSnapshotDir] [appModule=../dist/app.js]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';

const N = Number(process.argv[2] ?? 500);
const snapshotDir = process.argv[3] || null;
const appModule = resolve(import.meta.dirname, process.argv[4] ?? '../dist/app.js');
const WARM_UP = 20;
if (!globalThis.gc) throw new Error('run with node --expose-gc');

const { build } = await import(pathToFileURL(appModule).href);
const dataDir = mkdtempSync(join(tmpdir(), 'crossboard-room-heap-'));
const rateLimits = {
  workshopsCreatedPerAddress: 1e6,
  importsPerAddress: 1e6,
  joinsPerAddress: 1e6,
  joinsPerWorkshop: 1e6,
  tokenlessReadsPerAddress: 1e6,
};
// Rooms stay loaded after their client leaves, so "idle" weighs rooms without their sockets.
const app = await build({ logger: false, dataDir, httpLimits: rateLimits, limits: { unloadDelayMs: 10 * 60_000 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const ws = `ws://127.0.0.1:${app.server.address().port}/ws`;
const { rooms } = app.crossboard;

async function settle() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc({ type: 'major', flavor: 'last-resort' });
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss, external: m.external };
}

async function post(url, payload) {
  const res = await app.inject({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function openBoards(of, close) {
  const child = fork(join(import.meta.dirname, 'room-heap-clients.ts'), [ws, JSON.stringify(of)], { execArgv: ['--import', 'tsx'] });
  const reply = () => new Promise((done) => child.once('message', () => done()));
  await reply();
  if (close) {
    child.send('close');
    await reply();
  }
  return {
    async close() {
      child.send('close');
      await reply();
    },
  };
}

async function unloadAll(of) {
  const names = of.flatMap((t) => [t.room, t.room.replace(/board$/, 'control')]);
  await Promise.all(names.map((n) => rooms.unload(n)));
}

const targets = [];
for (let i = 0; i < N + WARM_UP; i++) {
  const w = await post('/api/workshops', { title: 'bench' });
  const p = await post(`/api/workshops/${w.id}/join`, {
    name: `P${i}`,
    organisation: 'Bench',
    country: 'France',
    timeZone: 'Europe/Paris',
    language: 'en',
  });
  targets.push({ room: `${w.id}/board`, token: p.token });
}
// Setting a workshop up loads its control room: the baseline has no room loaded.
await Promise.all([...rooms.withPrefix('')].map((room) => rooms.unload(room.name)));
const warm = targets.splice(0, WARM_UP);
await openBoards(warm, true);
await unloadAll(warm);
const before = await settle();
const loadedBefore = rooms.size;
if (snapshotDir) writeHeapSnapshot(join(snapshotDir, 'before.heapsnapshot'));

const clients = await openBoards(targets, false);
// Lets the notes be applied and stored.
await new Promise((r) => setTimeout(r, 3_000));
const loaded = rooms.size;
const open = await settle();
if (snapshotDir) writeHeapSnapshot(join(snapshotDir, 'open.heapsnapshot'));

await clients.close();
await new Promise((r) => setTimeout(r, 2_000));
const idle = await settle();
await unloadAll(targets);
const unloaded = await settle();
if (snapshotDir) writeHeapSnapshot(join(snapshotDir, 'unloaded.heapsnapshot'));

const kb = (b) => (b / 1024 / N).toFixed(1);
const mb = (b) => (b / 1048576).toFixed(1);
console.log(
  `boards ${N}, rooms loaded before ${loadedBefore}, open ${loaded}, after unload ${rooms.size}; load average ${loadavg()[0].toFixed(2)}`,
);
console.log(`heap MB before ${mb(before.heap)} / open ${mb(open.heap)} / idle ${mb(idle.heap)} / unloaded ${mb(unloaded.heap)}`);
console.log(
  `per board KB: heap open ${kb(open.heap - before.heap)}, idle ${kb(idle.heap - before.heap)}, after unload ${kb(unloaded.heap - before.heap)}; external open ${kb(open.external - before.external)}; RSS open ${snapshotDir ? '(snapshots inflate it)' : kb(open.rss - before.rss)}`,
);
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
