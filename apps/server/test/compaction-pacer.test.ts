import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CompactionPacer } from '../src/sync/compaction-pacer.ts';
import { memoryRooms, MemoryClient } from './helpers/memory-network.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

/** A room whose compaction takes a while and records when it ran. */
function slowRoom(name: string, log: string[], ms = 5) {
  return {
    name,
    compact: async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
    },
  };
}

describe('compaction pacing', () => {
  it('compacts rooms that became due together one after the other, each once', async () => {
    const log: string[] = [];
    const pacer = new CompactionPacer<ReturnType<typeof slowRoom>>(1, () => {});
    const rooms = ['a', 'b', 'c'].map((n) => slowRoom(n, log));
    for (const room of rooms) pacer.request(room);
    pacer.request(rooms[0]!);
    await expect.poll(() => log.length).toBe(6);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(pacer.waiting).toBe(0);
  });

  it('a failed compaction is reported and the next room still gets its turn', async () => {
    const log: string[] = [];
    const failures: string[] = [];
    const pacer = new CompactionPacer<{ name: string; compact(): Promise<void> }>(1, (room, e) =>
      failures.push(`${room.name}: ${(e as Error).message}`),
    );
    pacer.request({ name: 'broken', compact: () => Promise.reject(new Error('disk full')) });
    pacer.request(slowRoom('fine', log));
    await expect.poll(() => log.length).toBe(2);
    expect(failures).toEqual(['broken: disk full']);
  });

  it('many rooms passing the threshold at once all end up compacted, with their state intact', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const { rooms, storage } = memoryRooms(dir, { compactAfterUpdates: 10, compactionSpacingMs: 1 });
    const names = Array.from({ length: 20 }, (_, i) => `w${i}/report`);
    const writers = await Promise.all(
      names.map(async (name) => {
        const client = new MemoryClient(await rooms.open(name), 1);
        client.connect();
        return client;
      }),
    );
    for (let i = 0; i < 12; i++) {
      for (const w of writers) {
        w.doc.getMap('items').set(`k${i}`, i);
        w.flushUp();
      }
      await Promise.all(names.map((n) => rooms.loaded(n)!.settled()));
    }
    await expect.poll(() => names.filter((n) => storage.loadDocument(n).snapshot !== null).length).toBe(names.length);
    for (const [i, name] of names.entries()) {
      const doc = new Y.Doc();
      const stored = storage.loadDocument(name);
      Y.applyUpdate(doc, stored.snapshot!);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      expect(doc.getMap('items').toJSON()).toEqual(writers[i]!.doc.getMap('items').toJSON());
      expect(stored.updates.length).toBeLessThan(10);
    }
  });
});
