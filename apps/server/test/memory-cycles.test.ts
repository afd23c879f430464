import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { encodeUpdate } from '../src/sync/protocol.ts';
import { rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { facilitatorAuthor, writeNote } from './helpers/notes.ts';
import { createWorkshop, removeDataDir, startServer, tempDataDir, type CreatedWorkshop, type TestServer } from './helpers/server.ts';

/** 2,000 by default to stay quick; CROSSBOARD_MEMORY_CYCLES=10000 for the long run. */
const CYCLES = Number(process.env.CROSSBOARD_MEMORY_CYCLES ?? 2_000);
const BATCH = 20;
/** Heap may sit this far above the baseline after GC; a leak of 5 kB per cycle would pass it at 2,000. */
const HEAP_SLACK_BYTES = 8 * 1024 * 1024;

// Vitest gives no per-file execArgv; this exposes gc() to this file only.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** SQLite whose disk is "full" for some workshops' rooms. */
class FlakyStorage extends SqliteStorage {
  readonly failing = new Set<string>();
  override appendUpdate(room: string, update: Uint8Array): void {
    if (this.failing.has(room.split('/')[0]!)) throw new Error('SQLITE_FULL: database or disk is full');
    super.appendUpdate(room, update);
  }
}

let server: TestServer;
let storage: FlakyStorage;
beforeAll(async () => {
  const dir = tempDataDir();
  storage = new FlakyStorage(dir);
  // The control and report rooms take a free-form map here: this test is about what a socket's
  // life leaves behind, and their schemas (tested elsewhere) would put the map back.
  server = await startServer({ storage, limits: { unloadDelayMs: 20 }, unruledRooms: (name) => !name.endsWith('/board') }, dir);
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

async function settle(): Promise<number> {
  const { rooms } = server.app.crossboard;
  await waitFor(() => rooms.size === 0, 'every room unloaded', 30_000);
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

describe(`${CYCLES} connect/disconnect cycles, rejected and failed ones included`, () => {
  it('free every room, counter and socket, and the heap returns near its baseline', async () => {
    const healthy: CreatedWorkshop[] = [];
    for (let i = 0; i < 10; i++) healthy.push(await createWorkshop(server.app));
    const broken = await createWorkshop(server.app);
    storage.failing.add(broken.id);
    const kinds = ['board', 'control', 'report'] as const;
    const outcomes = { stored: 0, rejected: 0, failed: 0 };

    const cycle = async (n: number) => {
      const kind = n % 10;
      if (kind === 0) {
        const sock = rawSocket(wsUrl(server.ws, `${healthy[0]!.id}/board`, 'not-a-token'));
        const { code } = await sock.closed;
        expect(code).toBe(4401);
        outcomes.rejected++;
        return;
      }
      const w = kind === 1 ? broken : healthy[n % healthy.length]!;
      const room = `${w.id}/${kind === 1 ? 'report' : kinds[n % kinds.length]!}`;
      const sock = rawSocket(wsUrl(server.ws, room, w.facilitatorToken));
      await sock.opened;
      const doc = new Y.Doc();
      // On a board, a note as its schema takes it (the facilitator's own, 200 characters).
      const onBoard = room.endsWith('/board');
      if (onBoard) writeNote(doc, facilitatorAuthor(w), `n${n}`, 'x'.repeat(200));
      else doc.getMap('items').set(`n${n}`, 'x'.repeat(200));
      sock.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
      if (kind === 1) {
        expect((await sock.closed).code).toBe(1013);
        outcomes.failed++;
        return;
      }
      // Wait for the room to have it, then leave.
      await waitFor(
        () =>
          server.app.crossboard.rooms
            .loaded(room)
            ?.document.getMap(onBoard ? 'notes' : 'items')
            .has(`n${n}`),
        `cycle ${n} stored`,
      );
      sock.ws.close();
      await sock.closed;
      outcomes.stored++;
    };
    const run = async (from: number, to: number) => {
      for (let i = from; i < to; i += BATCH) {
        await Promise.all(Array.from({ length: Math.min(BATCH, to - i) }, (_, j) => cycle(i + j)));
      }
    };

    await run(0, 200); // warm-up: JIT, statement caches, pools
    const baseline = await settle();
    const started = Date.now();
    await run(200, 200 + CYCLES);
    const seconds = (Date.now() - started) / 1000;
    const after = await settle();

    const sockets = server.app.crossboardSockets;
    expect(sockets.perIp.size).toBe(0);
    expect(sockets.perToken.size).toBe(0);
    expect(sockets.heartbeat.size).toBe(0);
    expect(server.app.crossboard.rooms.idle).toBe(0);
    const metrics = (await server.app.inject('/metrics')).body;
    for (const line of metrics.split('\n').filter((l) => l.startsWith('crossboard_connections{'))) expect(line).toMatch(/ 0$/);
    expect(outcomes.rejected + outcomes.failed + outcomes.stored).toBe(200 + CYCLES);
    console.log(
      `memory: ${CYCLES} cycles in ${seconds.toFixed(1)} s (${JSON.stringify(outcomes)}); heap after GC ` +
        `${(baseline / 1048576).toFixed(1)} → ${(after / 1048576).toFixed(1)} MiB (${((after - baseline) / 1024).toFixed(0)} kB); ` +
        `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
    );
    expect(after - baseline).toBeLessThan(HEAP_SLACK_BYTES);
  }, 300_000);
});
