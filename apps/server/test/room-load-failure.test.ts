import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, destroyAllClients, rawSocket, text, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import type { SqliteStorage } from '../src/storage/sqlite-storage.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  destroyAllClients();
  await server.close();
  removeDataDir(server.dataDir);
});

describe('a room whose stored state cannot be read', () => {
  it('refuses connections with 1013 and a reason, stores nothing, and other rooms keep working', async () => {
    const w = await createWorkshop(server.app);
    const broken = `${w.id}/report`;
    const db = (server.app.crossboard.storage as SqliteStorage).db;
    // Not a Yjs update: a disk error or a bug in an older version could leave this behind.
    db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run(broken, Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01]));
    const rowsBefore = db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number };

    for (let attempt = 0; attempt < 2; attempt++) {
      const sock = rawSocket(wsUrl(server.ws, broken, w.facilitatorToken));
      const { code, reason } = await sock.closed;
      expect(code).toBe(1013);
      expect(reason).toMatch(/could not be loaded/);
      expect(sock.messages).toHaveLength(0);
    }
    expect(server.app.crossboard.rooms.loaded(broken)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM updates').get()).toEqual(rowsBefore);
    expect(db.prepare('SELECT COUNT(*) AS n FROM snapshots WHERE room = ?').get(broken)).toEqual({ n: 0 });

    const a = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const b = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    a.doc.getText('text').insert(0, 'still fine');
    await waitFor(() => text(b.doc) === 'still fine', 'board still relays');
  });
});
