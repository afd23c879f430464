import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Limits } from '../src/limits.ts';
import { encodeSyncStep1, MESSAGE_SYNC, SYNC_STEP2 } from '../src/sync/protocol.ts';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl, type RawSocket } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

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

async function server(limits: Partial<Limits> = {}) {
  const s = await startServer({ limits: { unloadDelayMs: 60_000, ...limits } });
  servers.push(s);
  return s;
}

function open(url: string): RawSocket {
  const sock = rawSocket(url);
  sockets.push(sock);
  return sock;
}

/** Opened and joined: the room answers our sync step 1 (read-only sockets too). */
async function joined(sock: RawSocket): Promise<void> {
  await sock.opened;
  sock.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  await waitFor(() => sock.messages.some((m) => m[0] === MESSAGE_SYNC && m[1] === SYNC_STEP2), 'the room answered');
}

describe('rooms of people who do not exist', () => {
  it('refuses a facilitator opening drafts rooms of made-up people, so invitations cannot pin rooms', async () => {
    const s = await server();
    const w = await createWorkshop(s.app);
    for (const who of ['nobody', 'ghost-1', w.facilitatorId + 'x']) {
      const sock = open(wsUrl(s.ws, `${w.id}/drafts/${who}`, w.facilitatorToken));
      expect(await sock.closed).toEqual({ code: 4403, reason: expect.stringMatching(/may not read/) });
      expect(sock.messages).toHaveLength(0);
      expect(s.app.crossboard.rooms.loaded(`${w.id}/drafts/${who}`)).toBeUndefined();
    }
  });
});

describe('rooms per workshop', () => {
  it('lets a workshop hold rooms up to its cap and refuses the next with 1013; other workshops still open', async () => {
    // board + its control companion + one drafts room = 3, the cap.
    const s = await server({ maxRoomsPerWorkshop: 3 });
    const w = await createWorkshop(s.app);
    const ana = await joinAsParticipant(s.app, w.id, 'Ana');
    const ben = await joinAsParticipant(s.app, w.id, 'Ben');
    const { rooms } = s.app.crossboard;
    await joined(open(wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken)));
    await joined(open(wsUrl(s.ws, `${w.id}/drafts/${ana.participantId}`, ana.token)));
    expect([...rooms.withPrefix(`${w.id}/`)]).toHaveLength(3);

    const past = open(wsUrl(s.ws, `${w.id}/drafts/${ben.participantId}`, ben.token));
    expect(await past.closed).toEqual({ code: 1013, reason: expect.stringMatching(/workshop has as many rooms open/) });
    expect(rooms.loaded(`${w.id}/drafts/${ben.participantId}`)).toBeUndefined();
    // A room the workshop already holds still takes more people.
    await joined(open(wsUrl(s.ws, `${w.id}/board`, ana.token)));

    const other = await createWorkshop(s.app);
    const otherBoard = await connectSynced(s.ws, `${other.id}/board`, other.facilitatorToken);
    expect(otherBoard.provider.wsconnected).toBe(true);
  });
});

describe('rooms per person', () => {
  it('lets one person hold rooms up to the cap (tabs on one room count once) and refuses the next with 1013', async () => {
    const s = await server({ maxRoomsPerPerson: 2 });
    const w = await createWorkshop(s.app);
    const key = `${w.id}/${w.facilitatorId}`;
    await joined(open(wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken)));
    const control = open(wsUrl(s.ws, `${w.id}/control`, w.facilitatorToken));
    await joined(control);
    await joined(open(wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken)));
    expect(s.app.crossboardSockets.personRooms.rooms(key)).toBe(2);

    const past = open(wsUrl(s.ws, `${w.id}/report`, w.facilitatorToken));
    expect(await past.closed).toEqual({ code: 1013, reason: expect.stringMatching(/as many rooms open as allowed/) });
    expect(s.app.crossboard.rooms.loaded(`${w.id}/report`)).toBeUndefined();
    // Someone else in the workshop is not held back by it.
    const ana = await joinAsParticipant(s.app, w.id, 'Ana');
    await joined(open(wsUrl(s.ws, `${w.id}/report`, ana.token)));

    control.ws.close();
    await waitFor(() => s.app.crossboardSockets.personRooms.rooms(key) === 1, 'the control room released');
    await joined(open(wsUrl(s.ws, `${w.id}/report`, w.facilitatorToken)));
  });
});

describe('/healthz and saturation', () => {
  it('answers 200 below the room limit and 503 with a reason once every room slot is held', async () => {
    const s = await server({ maxRooms: 3 });
    const w = await createWorkshop(s.app);
    await joined(open(wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken)));
    expect(s.app.crossboard.rooms.size).toBe(2);
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    const report = open(wsUrl(s.ws, `${w.id}/report`, w.facilitatorToken));
    await joined(report);
    const saturated = await s.app.inject({ method: 'GET', url: '/healthz' });
    expect(saturated.statusCode).toBe(503);
    expect(saturated.json()).toMatchObject({ ok: false, error: { code: 'ROOMS_SATURATED' } });

    // Once a room is idle it can make way: the server can serve again.
    report.ws.close();
    await waitFor(() => s.app.crossboard.rooms.idle === 1, 'the report room idle');
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
