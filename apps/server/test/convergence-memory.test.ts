import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from './helpers/messages.ts';
import { MemoryClient, memoryRooms } from './helpers/memory-network.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

const CLIENTS = 5;
const STEPS = 400;

function edit(doc: Y.Doc, random: () => number, step: number): void {
  const text = doc.getText('text');
  const items = doc.getMap<string>('items');
  const r = random();
  if (r < 0.4) text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (step % 26)));
  else if (r < 0.55 && text.length > 0) {
    const at = Math.floor(random() * text.length);
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)));
  } else if (r < 0.85) items.set(`k${Math.floor(random() * 20)}`, `v${step}`);
  else if (items.size > 0) items.delete([...items.keys()][Math.floor(random() * items.size)]!);
}

function state(doc: Y.Doc) {
  return { text: doc.getText('text').toString(), items: doc.getMap('items').toJSON() };
}

describe('many clients over an in-memory network, messages flushed in a seeded order', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`converge with the server and storage (seed ${seed})`, async () => {
      const dir = tempDataDir();
      dirs.push(dir);
      const { rooms, storage } = memoryRooms(dir, { compactAfterUpdates: 50 });
      const random = seededRandom(seed);
      const room = await rooms.open('w/report');
      const clients = Array.from({ length: CLIENTS }, (_, i) => new MemoryClient(room, i + 1));
      for (const c of clients) c.connect();

      for (let step = 0; step < STEPS; step++) {
        const c = clients[Math.floor(random() * CLIENTS)]!;
        const r = random();
        if (r < 0.45) edit(c.doc, random, step);
        else if (r < 0.7) {
          c.flushUp(1 + Math.floor(random() * 3));
          // The room stores before it answers: let it finish what it was handed.
          await room.settled();
        } else if (r < 0.93) c.flushDown(1 + Math.floor(random() * 3));
        else if (c.connected) c.drop();
        else c.connect();
      }
      // Everyone back online; flush until the network is quiet.
      for (const c of clients) c.connect();
      for (let round = 0; round < 20; round++) {
        let moved = 0;
        for (const c of clients) {
          moved += c.flushUp();
          await room.settled();
          moved += c.flushDown();
        }
        if (moved === 0) break;
      }
      const expected = state(room.document);
      expect(expected.text.length + Object.keys(expected.items).length).toBeGreaterThan(0);
      for (const c of clients) {
        expect(state(c.doc)).toEqual(expected);
        expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(room.document));
        expect(c.closes).toEqual([]);
      }
      // What storage holds is what everyone has.
      const stored = storage.loadDocument('w/report');
      const reloaded = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(reloaded, u);
      expect(state(reloaded)).toEqual(expected);
      await rooms.closeAll('GOING_AWAY');
      storage.close();
    });
  }
});
