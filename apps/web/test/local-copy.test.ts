import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, listNotes } from '@crossboard/model';
import { LocalCopy, MAX_KEPT_UPDATES } from '../src/sync/local-copy.ts';
import { openRoom, type RoomConnection } from '../src/sync/room-connection.ts';

let n = 0;
const freshName = () => `crossboard:test-copy-${++n}`;
const texts = (doc: Y.Doc) => listNotes(doc).map((note) => boardNotes(doc).get(note.id)!.get('x'));
const settle = () => new Promise((r) => setTimeout(r, 20));

/** The records of a copy's `updates` store, as IndexedDB holds them. */
async function storedUpdates(name: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = await new Promise<Uint8Array[]>((resolve, reject) => {
    const r = db.transaction('updates', 'readonly').objectStore('updates').getAll();
    r.onsuccess = () => resolve(r.result as Uint8Array[]);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return all.map((u) => Uint8Array.from(u));
}

const rooms: RoomConnection[] = [];
afterEach(() => {
  for (const r of rooms.splice(0)) r.destroy();
});

describe('the local copy of a room', () => {
  it('keeps an edit made offline, before the copy had even opened, across a reload', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const copy = new LocalCopy(name, doc);
    createNote(boardNotes(doc), { phase: 'painPoints', text: 'Written on a train', x: 40 });
    await copy.whenLoaded;
    copy.destroy();

    const reloaded = new Y.Doc();
    await new LocalCopy(name, reloaded).whenLoaded;
    expect(texts(reloaded)).toEqual([40]);
  });

  it('shows the cached board before the socket has synced', async () => {
    const name = `board-${++n}`;
    const before = new Y.Doc();
    const copy = new LocalCopy(`crossboard:${name}`, before);
    await copy.whenLoaded;
    createNote(boardNotes(before), { phase: 'painPoints', text: 'Seen yesterday', x: 80 });
    await settle();
    copy.destroy();

    // Nothing listens on this port: the board can only come from the copy.
    const room = openRoom(name, { wsBase: 'ws://127.0.0.1:9', token: 't' });
    rooms.push(room);
    await room.whenLoaded;
    expect(room.provider.synced).toBe(false);
    expect(texts(room.doc)).toEqual([80]);
  });

  it('keeps what came before its database opened as it came, without encoding the doc again', async () => {
    const name = freshName();
    const server = new Y.Doc();
    createNote(boardNotes(server), { phase: 'painPoints', text: 'First', x: 1 });
    const first = Y.encodeStateAsUpdate(server);
    const sv = Y.encodeStateVector(server);
    createNote(boardNotes(server), { phase: 'painPoints', text: 'Second', x: 2 });
    const second = Y.encodeStateAsUpdate(server, sv);

    const doc = new Y.Doc();
    const seen: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => seen.push(u));
    const copy = new LocalCopy(name, doc);
    Y.applyUpdate(doc, first);
    Y.applyUpdate(doc, second);
    await copy.whenLoaded;
    copy.destroy();
    // y-indexeddb kept one record here: the whole doc, encoded again when its database opened.
    expect(await storedUpdates(name)).toEqual(seen);
    expect(seen).toHaveLength(2);
  });

  it('writes the server’s updates when the page is idle, and before it closes', async () => {
    const name = freshName();
    const fromServer = { server: true };
    const server = new Y.Doc();
    createNote(boardNotes(server), { phase: 'painPoints', text: 'From the server', x: 7 });
    const update = Y.encodeStateAsUpdate(server);

    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    const doc = new Y.Doc();
    const copy = new LocalCopy(name, doc, (origin) => origin === fromServer);
    await copy.whenLoaded;
    Y.applyUpdate(doc, update, fromServer);
    await settle();
    expect(await storedUpdates(name)).toEqual([]);
    for (const run of idle.splice(0)) run();
    await settle();
    expect(await storedUpdates(name)).toHaveLength(1);

    const closing = new Y.Doc();
    const copy2 = new LocalCopy(freshName(), closing, (origin) => origin === fromServer);
    await copy2.whenLoaded;
    Y.applyUpdate(closing, update, fromServer);
    copy2.destroy();
    vi.unstubAllGlobals();
    expect(await storedUpdates(copy2.name)).toHaveLength(1);
  });

  it('folds many small updates into one, keeping every change', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const copy = new LocalCopy(name, doc);
    await copy.whenLoaded;
    for (let i = 0; i < MAX_KEPT_UPDATES; i++) createNote(boardNotes(doc), { phase: 'painPoints', x: i });
    await new Promise((r) => setTimeout(r, 1500));
    copy.destroy();
    expect((await storedUpdates(name)).length).toBe(1);
    const reloaded = new Y.Doc();
    await new LocalCopy(name, reloaded).whenLoaded;
    expect(listNotes(reloaded).length).toBe(MAX_KEPT_UPDATES);
  });

  it('does not fold below the limit', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const copy = new LocalCopy(name, doc);
    await copy.whenLoaded;
    for (let i = 0; i < MAX_KEPT_UPDATES - 1; i++) createNote(boardNotes(doc), { phase: 'painPoints', x: i });
    await new Promise((r) => setTimeout(r, 1500));
    copy.destroy();
    expect((await storedUpdates(name)).length).toBe(MAX_KEPT_UPDATES - 1);
  });
});
