import { describe, expect, it } from 'vitest';
import { ORIGIN } from '@crossboard/model';
import { MAX_DOCUMENT_BYTES } from '../src/limits.ts';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { connectSynced, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, item 6: a board over 8 MiB cut every fresh joiner with 1013 "too slow", because
 * the first sync (the whole document in one message) passed the send buffer. The document
 * limit now sits below the buffer: a board filled to its limit still reaches a joiner.
 */

const server = useServer();

const CHUNK = 512 * 1024;

describe('a board at the document limit', () => {
  // The limits' own order is checked without a server in limits-invariants.test.ts.
  it('still sends a fresh joiner its first sync', async () => {
    const w = await createWorkshop(server.app);
    const board = `${w.id}/board`;
    // Filled by server changes of half a MiB each, until the next one would not fit.
    const filled = await server.app.crossboard.rooms.use(board, async (room) => {
      let chunks = 0;
      for (;;) {
        try {
          await room.change((doc) => doc.getMap('meta').set(`filler-${chunks}`, 'f'.repeat(CHUNK)), ORIGIN.serverCommand);
          chunks++;
        } catch {
          return chunks;
        }
      }
    });
    expect(filled * CHUNK).toBeGreaterThan(MAX_DOCUMENT_BYTES - 2 * CHUNK);
    // A joiner on a slow link: it asks for the document and does not read for a while.
    const slow = rawSocket(wsUrl(server.ws, board, w.facilitatorToken));
    await slow.opened;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    slow.ws.send(encoding.toUint8Array(step1));
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    // Someone else joins and writes: the room has sent both the slow joiner's sync and this.
    const client = await connectSynced(server.ws, board, w.facilitatorToken);
    expect(client.doc.getMap('meta').get(`filler-${filled - 1}`)).toHaveLength(CHUNK);
    client.doc.getMap('meta').set('after', 'x');
    await waitFor(() => server.app.crossboard.rooms.loaded(board)!.document.getMap('meta').get('after') === 'x', 'the write is applied');
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.resume();
    const received = () => slow.messages.reduce((n, m) => n + m.byteLength, 0);
    let closed: { code: number } | null = null;
    void slow.closed.then((c) => (closed = c));
    await waitFor(() => received() > filled * CHUNK || closed, 'the slow joiner receives the whole board');
    expect(closed).toBeNull();
  });
});
