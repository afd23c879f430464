import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes } from '@crossboard/model';
import { connectClient, connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { facilitatorAuthor, firstLine, noteText, writeNote } from './helpers/notes.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  destroyAllClients();
  for (const s of servers.splice(0)) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function start(options: Parameters<typeof startServer>[0] = {}, dir?: string) {
  const s = await startServer(options, dir);
  servers.push(s);
  return s;
}

describe('what was written survives', () => {
  it('a restart on the same data dir: a new client gets the full state', async () => {
    const first = await start();
    const w = await createWorkshop(first.app);
    const room = `${w.id}/board`;
    const writer = await connectSynced(first.ws, room, w.facilitatorToken);
    // A note, then 30 edits of its text, each its own update.
    writeNote(writer.doc, facilitatorAuthor(w), 'edited', '>');
    for (let i = 0; i < 30; i++) firstLine(writer.doc, 'edited').insert(1 + i, String(i % 10));
    const watcher = await connectSynced(first.ws, room, w.facilitatorToken);
    await waitFor(() => noteText(watcher.doc, 'edited')?.length === 31, 'watcher has all 30 edits');
    const expected = noteText(writer.doc, 'edited');
    expect(expected).toBe('>012345678901234567890123456789');
    destroyAllClients();

    const second = await first.restart();
    servers.push(second);
    const reader = connectClient(second.ws, room, w.facilitatorToken);
    await waitFor(() => reader.provider.synced, 'reader synced');
    expect(noteText(reader.doc, 'edited')).toBe(expected);
  });

  it('compaction past the threshold keeps the state identical, before and after a restart', async () => {
    const first = await start({ limits: { compactAfterUpdates: 5 } });
    const w = await createWorkshop(first.app);
    const room = `${w.id}/board`;
    const writer = await connectSynced(first.ws, room, w.facilitatorToken);
    const watcher = await connectSynced(first.ws, room, w.facilitatorToken);
    const author = facilitatorAuthor(w);
    for (let i = 0; i < 23; i++) {
      writeNote(writer.doc, author, `n${i}`, `note ${i}`);
      if (i % 3 === 0) boardNotes(writer.doc).delete(`n${i}`);
      // One update per message, so the server's log really grows past the threshold.
      await waitFor(() => watcher.doc.getMap('notes').get(`n${i}`) !== undefined || i % 3 === 0, `note ${i} relayed`);
    }
    await waitFor(() => watcher.doc.getMap('notes').size === writer.doc.getMap('notes').size, 'watcher caught up');
    // Compactions are paced (one every few ms), not run inside the write that passed the threshold.
    const stored = () => first.app.crossboardBackend.sqlite!.loadDocument(room);
    await waitFor(() => stored().snapshot !== null && stored().updates.length < 5, 'log compacted');

    const late = connectClient(first.ws, room, w.facilitatorToken);
    await waitFor(() => late.provider.synced, 'late synced');
    expect(late.doc.getMap('notes').toJSON()).toEqual(writer.doc.getMap('notes').toJSON());

    destroyAllClients();
    const second = await first.restart();
    servers.push(second);
    const reader = connectClient(second.ws, room, w.facilitatorToken);
    await waitFor(() => reader.provider.synced, 'reader synced after restart');
    expect(reader.doc.getMap('notes').toJSON()).toEqual(writer.doc.getMap('notes').toJSON());
  });

  it('an idle room is unloaded and compacted, and loads again with everything in it', async () => {
    const server = await start({ limits: { unloadDelayMs: 50 } });
    const w = await createWorkshop(server.app);
    const room = `${w.id}/board`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    writeNote(writer.doc, facilitatorAuthor(w), 'kept', 'kept across unload');
    const watcher = await connectSynced(server.ws, room, w.facilitatorToken);
    await waitFor(() => noteText(watcher.doc, 'kept') === 'kept across unload', 'relayed');
    destroyAllClients();

    const { rooms } = server.app.crossboard;
    const { sqlite } = server.app.crossboardBackend;
    await waitFor(() => rooms.loaded(room) === undefined, 'room unloaded');
    const stored = sqlite!.loadDocument(room);
    expect(stored.updates).toHaveLength(0);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, stored.snapshot!);
    expect(noteText(fromSnapshot, 'kept')).toBe('kept across unload');

    const reader = connectClient(server.ws, room, w.facilitatorToken);
    await waitFor(() => reader.provider.synced, 'reader synced');
    expect(noteText(reader.doc, 'kept')).toBe('kept across unload');
  });
});
