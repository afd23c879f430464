import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Limits } from '../src/limits.ts';
import type { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { encodeUpdate } from '../src/sync/protocol.ts';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl, type RawSocket } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

const servers: TestServer[] = [];
const sockets: RawSocket[] = [];
afterEach(() => {
  destroyAllClients();
  for (const s of sockets.splice(0)) s.ws.terminate();
});
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(limits: Partial<Limits>) {
  const s = await startServer({ limits, ...FREE_FORM_REPORT });
  servers.push(s);
  return s;
}

function open(url: string): RawSocket {
  const sock = rawSocket(url);
  sockets.push(sock);
  return sock;
}

/** The HTTP answer to an upgrade the server refuses before it becomes a WebSocket. */
function refusedUpgrade(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => reject(new Error('upgrade accepted')));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
}

describe('connections per IP address', () => {
  it('accepts the limit, answers one more with HTTP 429 and a JSON reason, and frees the slot on close', async () => {
    const s = await server({ maxConnectionsPerIp: 3 });
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    const three = [open(url), open(url), open(url)];
    await Promise.all(three.map((x) => x.opened));

    const refused = await refusedUpgrade(url);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      error: { code: 'TOO_MANY_CONNECTIONS', message: expect.stringMatching(/Too many open connections/) },
    });

    three[0]!.ws.close();
    await three[0]!.closed;
    await waitFor(() => s.app.crossboardSockets.perIp.count('127.0.0.1') === 2, 'slot freed');
    const fourth = open(url);
    await fourth.opened;
    expect((await s.app.inject('/metrics')).body).toMatch(/crossboard_connections_refused_total\{reason="per_ip"\} 1/);
  });
});

describe('many sockets arriving at once', () => {
  it('each admitted one is served, and a burst past the per-address limit is refused all the same', async () => {
    const LIMIT = 40;
    const s = await server({ maxConnectionsPerIp: LIMIT, maxConnectionsPerToken: LIMIT + 10 });
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    // Opened in one tick: their handshakes are completed a few per turn, not all at once.
    const burst = Array.from({ length: LIMIT + 5 }, () => open(url));
    const outcomes = await Promise.all(
      burst.map((x) =>
        x.opened.then(
          () => 'open',
          () => 'refused',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'open')).toHaveLength(LIMIT);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(5);
    expect(s.app.crossboardSockets.perIp.count('127.0.0.1')).toBe(LIMIT);
    // Every admitted socket is served: the room asks each for its state (sync step 1).
    const admitted = burst.filter((_, i) => outcomes[i] === 'open');
    await waitFor(() => admitted.every((x) => x.messages.length > 0), 'every admitted socket hears from its room');
    for (const x of burst) x.ws.terminate();
    await waitFor(() => s.app.crossboardSockets.perIp.count('127.0.0.1') === 0, 'every slot freed');
  });
});

describe('connections per token', () => {
  it('accepts the limit for one person, closes one more with 1013 and a reason, and lets others in', async () => {
    const s = await server({ maxConnectionsPerToken: 2 });
    const w = await createWorkshop(s.app);
    const ana = await joinAsParticipant(s.app, w.id, 'Ana');
    const url = wsUrl(s.ws, `${w.id}/board`, ana.token);
    const two = [open(url), open(url)];
    await Promise.all(two.map((x) => x.opened));
    await waitFor(() => s.app.crossboard.rooms.loaded(`${w.id}/board`)?.clientCount === 2, 'two in the room');

    const third = open(url);
    expect(await third.closed).toEqual({ code: 1013, reason: expect.stringMatching(/Too many open connections with this token/) });
    // Another person is not affected by Ana's tabs.
    const facilitator = await connectSynced(s.ws, `${w.id}/board`, w.facilitatorToken);
    expect(facilitator.provider.wsconnected).toBe(true);

    two[0]!.ws.close();
    await waitFor(() => s.app.crossboardSockets.perToken.count(`${w.id}/${ana.participantId}`) === 1, 'slot freed');
    await open(url).opened;
  });
});

describe('rooms per process', () => {
  it('refuses a room past the limit with 1013, and makes way by unloading an idle room', async () => {
    const s = await server({ maxRooms: 2, unloadDelayMs: 60_000 });
    const w = await createWorkshop(s.app);
    const { rooms } = s.app.crossboard;
    const board = await connectSynced(s.ws, `${w.id}/board`, w.facilitatorToken);
    await connectSynced(s.ws, `${w.id}/control`, w.facilitatorToken);
    expect(rooms.size).toBe(2);

    const refused = open(wsUrl(s.ws, `${w.id}/report`, w.facilitatorToken));
    expect(await refused.closed).toEqual({ code: 1013, reason: expect.stringMatching(/too many open rooms/) });
    expect(rooms.loaded(`${w.id}/report`)).toBeUndefined();
    // An HTTP command that needs a room answers 503 with a reason, not a 500.
    const created = await s.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'One room too many' } });
    expect(created.statusCode).toBe(503);
    expect(created.json().error.code).toBe('ROOM_UNAVAILABLE');

    board.destroy();
    await waitFor(() => rooms.idle === 1, 'the board is idle');
    const report = await connectSynced(s.ws, `${w.id}/report`, w.facilitatorToken);
    expect(report.provider.wsconnected).toBe(true);
    expect(rooms.size).toBe(2);
    expect(rooms.loaded(`${w.id}/board`)).toBeUndefined();
  });
});

/** An update of exactly `bytes` bytes from a fresh client. */
function updateOfSize(bytes: number): Uint8Array {
  let length = bytes;
  for (let attempt = 0; attempt < 10; attempt++) {
    const doc = new Y.Doc();
    doc.getMap('blobs').set('b', 'x'.repeat(length));
    const update = Y.encodeStateAsUpdate(doc);
    if (update.byteLength === bytes) return update;
    length += bytes - update.byteLength;
  }
  throw new Error(`no ${bytes}-byte update`);
}

describe('document size per room', () => {
  const LIMIT = 8 * 1024;

  it('stores an update that brings the room exactly to the limit', async () => {
    const s = await server({ maxDocumentBytes: LIMIT });
    const w = await createWorkshop(s.app);
    const room = `${w.id}/report`;
    const reader = await connectSynced(s.ws, room, w.facilitatorToken);
    const writer = open(wsUrl(s.ws, room, w.facilitatorToken));
    await writer.opened;
    writer.ws.send(encodeUpdate(updateOfSize(LIMIT)));
    await waitFor(() => reader.doc.getMap('blobs').has('b'), 'the update at the limit arrived');
    expect(writer.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses one byte more with 4413 and a reason, stores nothing, and keeps serving the room', async () => {
    const s = await server({ maxDocumentBytes: LIMIT });
    const w = await createWorkshop(s.app);
    const room = `${w.id}/report`;
    const db = s.app.crossboardBackend.sqlite!.db;
    const reader = await connectSynced(s.ws, room, w.facilitatorToken);
    const writer = open(wsUrl(s.ws, room, w.facilitatorToken));
    await writer.opened;
    writer.ws.send(encodeUpdate(updateOfSize(LIMIT + 1)));
    expect(await writer.closed).toEqual({ code: 4413, reason: expect.stringMatching(/document is full/) });
    expect(db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room)).toEqual({ n: 0 });
    expect(reader.doc.getMap('blobs').has('b')).toBe(false);

    const other = await connectSynced(s.ws, room, w.facilitatorToken);
    other.doc.getMap('items').set('small', 'fits');
    await waitFor(() => reader.doc.getMap('items').get('small') === 'fits', 'a small write still relayed');
    expect((await s.app.inject('/metrics')).body).toMatch(/crossboard_messages_dropped_total\{reason="document_too_large"\} 1/);
  });
});
