import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERSIZED_FRAME_CUT_AFTER_MS, WS_FRAME_HARD_LIMIT_BYTES } from '../src/limits.ts';
import { rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/**
 * README / limits.ts: after a frame past WS_FRAME_HARD_LIMIT_BYTES the socket stops being read
 * (TCP holds the sender back instead of the server reading and discarding the rest) and is
 * cut OVERSIZED_FRAME_CUT_AFTER_MS after its 1009.
 */

let server: TestServer;
const serverSockets: Socket[] = [];
beforeAll(async () => {
  server = await startServer();
  server.app.server.on('connection', (s: Socket) => serverSockets.push(s));
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

describe('a frame that announces 50 MB', () => {
  it('is not read past its header, and its socket is cut one OVERSIZED_FRAME_CUT_AFTER_MS later', async () => {
    const w = await createWorkshop(server.app);
    const sock = rawSocket(wsUrl(server.ws, `${w.id}/report`, w.facilitatorToken));
    await sock.opened;
    const serverSide = serverSockets.at(-1)!;
    const tcp = (sock.ws as unknown as { _socket: Socket })._socket;
    // The cut is the server's own socket going away: the client's may close earlier, once it
    // has sent its FIN after the server's, while its bytes still sit unread on the server.
    let cutAt = 0;
    serverSide.once('close', () => (cutAt = Date.now()));

    // A masked binary frame header announcing TOTAL bytes, then the bytes, as fast as TCP takes them.
    const TOTAL = 50 * 1024 * 1024;
    const header = Buffer.alloc(14);
    header[0] = 0x82;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(TOTAL), 2);
    const readBefore = serverSide.bytesRead;
    const headerAt = Date.now();
    tcp.write(header);
    const chunk = Buffer.alloc(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (cutAt === 0 && !tcp.destroyed && sent < TOTAL) {
        sent += chunk.length;
        if (!tcp.write(chunk)) return void tcp.once('drain', pump);
      }
    };
    pump();

    await waitFor(() => cutAt, 'the server cuts the connection', OVERSIZED_FRAME_CUT_AFTER_MS + 10_000);
    // The cut waits for its timer (which never fires early) after the header was read.
    expect(cutAt - headerAt).toBeGreaterThanOrEqual(OVERSIZED_FRAME_CUT_AFTER_MS);
    // Read no further than about the header: the rest stayed in TCP's buffers, holding the sender back.
    const read = serverSide.bytesRead - readBefore;
    expect(read).toBeLessThan(WS_FRAME_HARD_LIMIT_BYTES);
    expect(sent).toBeLessThan(TOTAL);
    console.log(`oversized frame: server read ${read} bytes of ${sent} sent; cut ${cutAt - headerAt} ms after the header`);
  });
});
