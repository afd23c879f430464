import { describe, expect, it } from 'vitest';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { facilitatorAuthor, noteText, writeNote } from './helpers/notes.ts';
import { createWorkshop, removeDataDir, startServer } from './helpers/server.ts';

describe('stopping the server', () => {
  it('closes sockets with 1001, compacts every room, and reports unhealthy storage afterwards', async () => {
    const server = await startServer();
    try {
      const w = await createWorkshop(server.app);
      const room = `${w.id}/board`;
      const writer = await connectSynced(server.ws, room, w.facilitatorToken);
      writeNote(writer.doc, facilitatorAuthor(w), 'flushed', 'flushed on shutdown');
      const sock = rawSocket(wsUrl(server.ws, room, w.facilitatorToken));
      await sock.opened;
      await waitFor(() => server.app.crossboardBackend.sqlite!.loadDocument(room).updates.length > 0, 'update stored');
      const health = await server.app.inject('/healthz');
      expect(health.statusCode).toBe(200);

      const { storage } = server.app.crossboard;
      await server.close();
      expect(await sock.closed).toEqual({ code: 1001, reason: 'Server is shutting down; reconnect shortly.' });
      expect(await storage.healthy()).toBe(false);
      destroyAllClients();

      const again = await server.restart();
      try {
        const stored = again.app.crossboardBackend.sqlite!.loadDocument(room);
        expect(stored.updates).toHaveLength(0);
        expect(stored.snapshot).not.toBeNull();
        const reader = await connectSynced(again.ws, room, w.facilitatorToken);
        expect(noteText(reader.doc, 'flushed')).toBe('flushed on shutdown');
      } finally {
        destroyAllClients();
        await again.close();
      }
    } finally {
      removeDataDir(server.dataDir);
    }
  });

  it('answers /healthz with 503 when the database is not usable', async () => {
    const server = await startServer();
    try {
      server.app.crossboardBackend.sqlite!.close();
      const res = await server.app.inject('/healthz');
      expect(res.statusCode).toBe(503);
      expect(res.json().ok).toBe(false);
    } finally {
      await server.close().catch(() => {});
      removeDataDir(server.dataDir);
    }
  });
});
