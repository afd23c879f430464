import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { facilitatorAuthor, noteText, writeNote } from './helpers/notes.ts';
import { createWorkshop, removeDataDir, startServer, tempDataDir, type TestServer } from './helpers/server.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

const servers: TestServer[] = [];
afterEach(() => destroyAllClients());
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

/** SQLite that cannot read one room at all, as a damaged page or an I/O error would. */
class UnreadableStorage extends SqliteStorage {
  override loadDocument(room: string) {
    if (room.endsWith('/report')) throw new Error('SQLITE_IOERR: disk I/O error');
    return super.loadDocument(room);
  }
}

const rowCount = (db: SqliteStorage['db'], room: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room) as { n: number }).n;

describe('a room whose stored state cannot be read', () => {
  it('refuses connections with 1013 and a reason, stores nothing, and other rooms keep working', async () => {
    const dir = tempDataDir();
    const server = await startServer({ storage: new UnreadableStorage(dir), ...FREE_FORM_REPORT }, dir);
    servers.push(server);
    const w = await createWorkshop(server.app);
    const broken = `${w.id}/report`;
    const db = server.app.crossboardBackend.sqlite!.db;

    for (let attempt = 0; attempt < 2; attempt++) {
      const sock = rawSocket(wsUrl(server.ws, broken, w.facilitatorToken));
      const { code, reason } = await sock.closed;
      expect(code).toBe(1013);
      expect(reason).toMatch(/could not be loaded/);
      expect(sock.messages).toHaveLength(0);
    }
    expect(server.app.crossboard.rooms.loaded(broken)).toBeUndefined();
    expect(rowCount(db, broken)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE room = ?').get(broken)).toEqual({ n: 0 });

    const a = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const b = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    writeNote(a.doc, facilitatorAuthor(w), 'fine', 'still fine');
    await waitFor(() => noteText(b.doc, 'fine') === 'still fine', 'board still relays');
  });
});

describe('a room with a corrupt row in its update log', () => {
  it('loads every intact row, reports the bad one in log and metrics, keeps it, and goes on storing', async () => {
    const server = await startServer(FREE_FORM_REPORT);
    servers.push(server);
    const w = await createWorkshop(server.app);
    const room = `${w.id}/report`;
    const storage = server.app.crossboardBackend.sqlite!;
    // Three rows as the server writes them, the middle one overwritten by garbage. The third
    // comes from another person: Yjs would hold a later row of the same author until the lost one arrives.
    const ana = new Y.Doc();
    const ben = new Y.Doc();
    ana.getMap('items').set('first', 'kept');
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    ben.getMap('items').set('third', 'kept too');
    storage.appendUpdate(room, Y.encodeStateAsUpdate(ana));
    storage.appendUpdate(room, Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x01]));
    storage.appendUpdate(room, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(ana)));

    const reader = await connectSynced(server.ws, room, w.facilitatorToken);
    const items = reader.doc.getMap('items');
    await waitFor(() => items.get('first') === 'kept', 'the first row');
    expect(items.get('third')).toBe('kept too');
    expect(items.has('second')).toBe(false);
    expect((await server.app.inject('/metrics')).body).toMatch(/^crossboard_storage_corrupt_rows_total 1$/m);

    items.set('fourth', 'written after the load');
    await waitFor(() => rowCount(storage.db, room) === 4, 'the new write stored');
    // Unloading compacts: intact rows fold into the snapshot, the corrupt one stays for inspection.
    destroyAllClients();
    await waitFor(() => server.app.crossboard.rooms.loaded(room)?.clientCount === 0, 'room empty');
    await server.app.crossboard.rooms.unload(room);
    expect(rowCount(storage.db, room)).toBe(1);

    const again = await connectSynced(server.ws, room, w.facilitatorToken);
    expect(again.doc.getMap('items').toJSON()).toEqual({ first: 'kept', third: 'kept too', fourth: 'written after the load' });
  });
});
