import * as Y from 'yjs';
import { encodeUpdate } from '../../src/sync/protocol.ts';

/** A small seeded generator (mulberry32), so a failing fuzz case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A valid y-websocket update message that sets `key` to a string sized so the frame is exactly `frameBytes`. */
export function updateMessageOfSize(frameBytes: number, key = 'big'): { message: Uint8Array; value: string } {
  let length = frameBytes - 64;
  for (let attempt = 0; attempt < 10; attempt++) {
    const doc = new Y.Doc();
    const value = 'x'.repeat(length);
    doc.getMap('blobs').set(key, value);
    const message = encodeUpdate(Y.encodeStateAsUpdate(doc));
    if (message.byteLength === frameBytes) return { message, value };
    length += frameBytes - message.byteLength;
  }
  throw new Error(`could not build a ${frameBytes}-byte update message`);
}

export function smallUpdateMessage(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}
