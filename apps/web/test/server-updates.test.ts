import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { boardNotes, createNote, listNotes } from '@crossboard/model';
import { passServerUpdatesAsSent } from '../src/sync/server-updates.ts';

/** lib0's variable-length unsigned integer, as the server writes it. */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** A sync message as the server sends it after the message type: sync step 2 (1) or an update (2). */
const syncMessage = (type: 1 | 2, update: Uint8Array) => new Uint8Array([...varUint(type), ...varUint(update.length), ...update]);

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});

function room() {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, { connect: false });
  providers.push(provider);
  passServerUpdatesAsSent(provider, doc);
  const receive = (type: 1 | 2, update: Uint8Array) => {
    const encoder = { cpos: 0, cbuf: new Uint8Array(64), bufs: [] as Uint8Array[] };
    const decoder = { arr: syncMessage(type, update), pos: 0 };
    // biome-ignore lint/suspicious/noExplicitAny: lib0's Encoder and Decoder, built by hand.
    provider.messageHandlers[messageSync]!(encoder as any, decoder as any, provider, true, messageSync);
  };
  return { doc, provider, receive };
}

describe("the server's updates reach the doc's listeners", () => {
  it('as the bytes the server sent, not encoded again by Yjs', () => {
    const server = new Y.Doc();
    createNote(boardNotes(server), { phase: 'painPoints', text: 'Known already', x: 1 });
    const { doc, provider, receive } = room();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    createNote(boardNotes(server), { phase: 'painPoints', text: 'New', x: 2 });
    // The whole board again, as on a reconnect: Yjs would hand on only the part that was new.
    const whole = Y.encodeStateAsUpdate(server);
    const seen: { update: Uint8Array; origin: unknown }[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => seen.push({ update, origin }));
    receive(1, whole);
    expect(provider.synced).toBe(true);
    expect(seen).toEqual([{ update: whole, origin: provider }]);
    expect(
      listNotes(doc)
        .map((n) => n.x)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('not at all when the update held nothing new', () => {
    const server = new Y.Doc();
    createNote(boardNotes(server), { phase: 'painPoints', x: 1 });
    const { doc, receive } = room();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const seen: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => seen.push(update));
    receive(2, Y.encodeStateAsUpdate(server));
    expect(seen).toEqual([]);
  });

  it('while a change an observer makes during the update still reaches them on its own', () => {
    const server = new Y.Doc();
    createNote(boardNotes(server), { phase: 'painPoints', x: 1 });
    const { doc, provider, receive } = room();
    const notes = boardNotes(doc);
    notes.observe(() => {
      if (!notes.has('reply')) doc.transact(() => createNote(notes, { phase: 'painPoints', id: 'reply', x: 3 }), 'me');
    });
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    receive(2, Y.encodeStateAsUpdate(server));
    expect(origins).toHaveLength(2);
    expect(new Set(origins)).toEqual(new Set(['me', provider]));
    expect(listNotes(doc)).toHaveLength(2);
  });
});
