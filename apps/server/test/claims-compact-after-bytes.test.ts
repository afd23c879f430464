import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_AFTER_BYTES, DEFAULT_LIMITS } from '../src/limits.ts';
import { memoryRooms, MemoryClient } from './helpers/memory-network.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

/** A log of few but large updates is compacted by its bytes, long before the update count would. */
describe('COMPACT_AFTER_BYTES as a trigger', () => {
  it('is the default', () => {
    expect(DEFAULT_LIMITS.compactAfterBytes).toBe(COMPACT_AFTER_BYTES);
  });

  it('compacts once the stored log reaches the byte threshold, and not one update before', async () => {
    const BYTES = 64 * 1024;
    const dir = tempDataDir();
    dirs.push(dir);
    // The count threshold out of reach: only bytes can trigger.
    const { rooms, storage } = memoryRooms(dir, { compactAfterUpdates: 1_000_000, compactAfterBytes: BYTES, compactionSpacingMs: 1 });
    const name = 'w1/report';
    const room = await rooms.open(name);
    // The room asks the registry for compaction when a stored update takes the log past a
    // threshold; the registry's pacer then compacts it. Counted where it lands, in storage
    // (the room's hooks are fixed when it loads, and nothing else compacts here).
    let requested = 0;
    const compact = storage.compact.bind(storage);
    storage.compact = (...args: Parameters<typeof storage.compact>) => {
      requested++;
      return compact(...args);
    };
    const writer = new MemoryClient(room, 1);
    writer.connect();
    await room.settled();
    const logBytes = () => storage.loadDocument(name).updates.reduce((n, u) => n + u.byteLength, 0);

    let i = 0;
    const write = async () => {
      writer.doc.getMap('items').set(`k${i++}`, 'x'.repeat(9 * 1024));
      writer.flushUp();
      await room.settled();
    };
    // Write while the next ~9 KiB update would still leave the log under the threshold.
    while (logBytes() + 9 * 1024 + 100 < BYTES) await write();
    expect(logBytes()).toBeLessThan(BYTES);
    expect(requested).toBe(0);
    expect(storage.loadDocument(name).snapshot).toBeNull();

    // Keep writing until the log passes it: the update that does is the one that asks.
    while (requested === 0 && logBytes() < BYTES) await write();
    await expect.poll(() => requested).toBe(1);
    await expect.poll(() => storage.loadDocument(name).snapshot !== null).toBe(true);
    const stored = storage.loadDocument(name);
    expect(stored.updates.reduce((n, u) => n + u.byteLength, 0)).toBeLessThan(BYTES);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getMap('items').toJSON()).toEqual(writer.doc.getMap('items').toJSON());
    expect(i).toBeLessThan(20);
  });
});
