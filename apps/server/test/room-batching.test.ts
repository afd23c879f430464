import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryRooms, MemoryClient } from './helpers/memory-network.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

async function connectedRoom(clients: number) {
  const dir = tempDataDir();
  dirs.push(dir);
  const { rooms, storage } = memoryRooms(dir);
  const room = await rooms.open('w/report');
  const all = Array.from({ length: clients }, (_, i) => new MemoryClient(room, i + 1));
  for (const c of all) c.connect();
  for (const c of all) c.flushUp();
  await room.settled();
  for (const c of all) c.flushDown();
  for (const c of all) c.flushUp();
  await room.settled();
  for (const c of all) c.toClient.length = 0;
  return { room, storage, clients: all };
}

describe('updates that arrive while a room is busy', () => {
  it('are stored together as one row, and each still reaches every other client, not its sender', async () => {
    const { room, storage, clients } = await connectedRoom(4);
    const [a, b, c, watcher] = clients as [MemoryClient, MemoryClient, MemoryClient, MemoryClient];
    const rowsBefore = storage.loadDocument('w/report').updates.length;
    for (const [i, writer] of [a, b, c].entries()) writer.doc.getMap('items').set(`from-${i}`, i);
    // All three land in one turn, before the room has stored anything.
    for (const writer of [a, b, c]) writer.flushUp();
    await room.settled();

    expect(storage.loadDocument('w/report').updates.length - rowsBefore).toBe(1);
    expect(watcher.toClient).toHaveLength(3);
    for (const writer of [a, b, c]) expect(writer.toClient).toHaveLength(2);
    for (const client of clients) client.flushDown();
    for (const client of clients) {
      expect(client.doc.getMap('items').toJSON()).toEqual({ 'from-0': 0, 'from-1': 1, 'from-2': 2 });
    }
    expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(room.document));
  });

  it('a malformed update among them closes only its sender; the others are stored and sent', async () => {
    const { room, storage, clients } = await connectedRoom(3);
    const [good, bad, watcher] = clients as [MemoryClient, MemoryClient, MemoryClient];
    good.doc.getMap('items').set('kept', true);
    good.flushUp();
    // A sync update whose body is not a Yjs update.
    bad.toServer.push(Uint8Array.from([0, 2, 5, 255, 255, 255, 255, 1]));
    bad.flushUp();
    good.doc.getMap('items').set('also kept', true);
    good.flushUp();
    await room.settled();

    expect(bad.closes.map((c) => c.code)).toEqual([1007]);
    expect(good.closes).toEqual([]);
    watcher.flushDown();
    expect(watcher.doc.getMap('items').toJSON()).toEqual({ kept: true, 'also kept': true });
    const reloaded = new Y.Doc();
    const stored = storage.loadDocument('w/report');
    for (const u of stored.updates) Y.applyUpdate(reloaded, u);
    expect(reloaded.getMap('items').toJSON()).toEqual({ kept: true, 'also kept': true });
  });
});
