import { describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { connectSynced, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { boardNotes, MAX_NOTE_TEXT_LENGTH } from '@crossboard/model';
import { facilitatorAuthor, writeNote } from './helpers/notes.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const BUFFER_LIMIT = 256 * 1024;
const server = useServer({ limits: { maxBufferedBytes: BUFFER_LIMIT, compactAfterBytes: 512 * 1024 * 1024 } });

describe('a client that stops reading', () => {
  it('is closed with 1013 and a reason once its queue passes the limit, while others keep up', async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/board`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    const reader = await connectSynced(server.ws, room, w.facilitatorToken);
    const slow = rawSocket(wsUrl(server.ws, room, w.facilitatorToken));
    await slow.opened;
    // Stop reading at the TCP level: the kernel buffers fill, then the server's queue grows.
    (slow.ws as unknown as { _socket: Socket })._socket.pause();
    const roomState = () => server.app.crossboard.rooms.loaded(room);
    await waitFor(() => roomState()?.clientCount === 3, 'three clients in the room');

    // Each write is one update of ~200 KB, as the board's schema accepts it: 100 full-length
    // notes by the facilitator (no per-person quota applies to a facilitator).
    const author = facilitatorAuthor(w);
    const NOTES_PER_WRITE = 100;
    const text = 'x'.repeat(MAX_NOTE_TEXT_LENGTH);
    let sent = 0;
    while (roomState()!.clientCount === 3 && sent < 400) {
      const batch = sent++;
      writer.doc.transact(() => {
        for (let i = 0; i < NOTES_PER_WRITE; i++) writeNote(writer.doc, author, `b${batch}-${i}`, text);
      });
      await waitFor(() => boardNotes(reader.doc).size === sent * NOTES_PER_WRITE, `write ${sent} at the reader`);
    }
    expect(roomState()!.clientCount).toBe(2);

    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/too slow/);
    expect(boardNotes(reader.doc).size).toBe(sent * NOTES_PER_WRITE);
  });
});
