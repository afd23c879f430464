import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { readSyncMessage } from 'y-protocols/sync';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, encodeSyncStep1 } from '../src/sync/protocol.ts';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import type { RuleHooks } from '../src/sync/rooms.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

/** README: "a joiner's sync reply never contains an unstored update". */

let server: TestServer;
// A room's hooks are fixed when it loads: the server is given a wrapper once, armed per test.
let wrapHooks: ((room: string, rules: RuleHooks | null) => RuleHooks | null) | null = null;
beforeAll(async () => {
  server = await startServer({ roomHooks: (room, rules) => (wrapHooks ? wrapHooks(room, rules) : rules), ...FREE_FORM_REPORT });
});
// A failed check must not leave the room's queue stuck behind a held write.
let releaseStorage: (() => void) | null = null;
afterEach(() => {
  releaseStorage?.();
  wrapHooks = null;
  destroyAllClients();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

describe('a client that joins while an update is being stored', () => {
  it('receives that update only once it is stored, though the server already applied it', async () => {
    const w = await createWorkshop(server.app);
    const name = `${w.id}/report`;

    // Storage held up: the update is applied in memory and waits to be written. A room's hooks
    // are fixed when it loads, so the hold is given to the server before the room is opened,
    // as the rules' own `beforeStore` is (SQLite's append is synchronous underneath and cannot
    // be held from outside); it runs in the room's queue just before `appendUpdate`.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    releaseStorage = release;
    let holding = false;
    let storing = false;
    let stored = false;
    const { rooms } = server.app.crossboard;
    wrapHooks = (room, rules) => {
      if (room !== name) return rules;
      return {
        ...rules,
        beforeStore: async () => {
          if (holding) {
            storing = true;
            await gate;
          }
          await rules?.beforeStore?.();
        },
      };
    };
    const writer = await connectSynced(server.ws, name, w.facilitatorToken);
    writer.provider.awareness.setLocalStateField('user', { name: 'Writer' });
    const room = rooms.loaded(name)!;
    holding = true;
    writer.doc.getMap('notes').set('pending', 'applied, not yet stored');
    await waitFor(() => storing && room.document.getMap('notes').has('pending'), 'the update applied and waiting for storage');

    // The joiner asks for the document, then for presence. Presence is answered at once and
    // in order on the same socket, so once it arrives, a sync reply sent at once would have too.
    const joiner = rawSocket(wsUrl(server.ws, name, w.facilitatorToken));
    // A returning client with an edit of its own, so its state vector is not empty and the
    // reply is computed from the live document (an empty one is answered from a cache).
    const doc = new Y.Doc();
    doc.getMap('notes').set('offline', 'written while away');
    let awarenessSeen = 0;
    let heldWhileUnstored = false;
    joiner.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_AWARENESS) awarenessSeen++;
      if (type !== MESSAGE_SYNC) return;
      readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
      if (doc.getMap('notes').has('pending') && !stored) heldWhileUnstored = true;
    });
    await joiner.opened;
    // On joining, the server sends its own step 1 and who is here; only then ask.
    await waitFor(() => awarenessSeen > 0, 'the presence sent on joining');
    const seenBeforeQuery = awarenessSeen;
    joiner.ws.send(encodeSyncStep1(Y.encodeStateVector(doc)));
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, MESSAGE_QUERY_AWARENESS);
    joiner.ws.send(encoding.toUint8Array(query));
    await waitFor(() => awarenessSeen > seenBeforeQuery, 'the presence reply, sent after any immediate sync reply');
    expect(doc.getMap('notes').has('pending')).toBe(false);

    // Stored once the gate opens; `stored` is set before the write runs, so a reply in between
    // could only make the check below lenient, never strict.
    stored = true;
    release();
    await waitFor(() => doc.getMap('notes').get('pending') === 'applied, not yet stored', 'the joiner receives it after it is stored');
    expect(heldWhileUnstored).toBe(false);
    const persisted = await server.app.crossboard.storage.loadDocument(name);
    const fromDisk = new Y.Doc();
    if (persisted.snapshot) Y.applyUpdate(fromDisk, persisted.snapshot);
    for (const u of persisted.updates) Y.applyUpdate(fromDisk, u);
    expect(fromDisk.getMap('notes').get('pending')).toBe('applied, not yet stored');
    joiner.ws.close();
  });
});
