import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_AWARENESS } from '../src/sync/protocol.ts';
import { connectClient, connectSynced, destroyAllClients, presenceOf, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

const servers: TestServer[] = [];
afterEach(() => destroyAllClients());
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(awarenessTickMs?: number) {
  const s = await startServer(awarenessTickMs === undefined ? {} : { limits: { awarenessTickMs } });
  servers.push(s);
  return s;
}

type Cursor = { cursor?: { x: number } } | undefined;

describe('awareness', () => {
  it('merges 50 rapid changes from one client into far fewer messages, ending on the latest state', async () => {
    const s = await server();
    const w = await createWorkshop(s.app);
    const room = `${w.id}/board`;
    const mover = await connectSynced(s.ws, room, w.facilitatorToken);
    const watcher = await connectSynced(s.ws, room, w.facilitatorToken);
    const counter = rawSocket(wsUrl(s.ws, room, w.facilitatorToken));
    await counter.opened;
    await waitFor(() => s.app.crossboard.rooms.loaded(room)?.clientCount === 3, 'three clients');
    const awarenessFrames = () => counter.messages.filter((m) => m[0] === MESSAGE_AWARENESS).length;
    const before = awarenessFrames();

    for (let x = 1; x <= 50; x++) mover.provider.awareness.setLocalStateField('cursor', { x });
    await waitFor(() => (presenceOf(watcher, mover) as Cursor)?.cursor?.x === 50, 'the final cursor');
    // Let any straggling tick arrive before counting.
    await waitFor(() => awarenessFrames() > before, 'the counter saw presence');
    await new Promise((r) => setTimeout(r, 200));
    const received = awarenessFrames() - before;
    expect(received).toBeGreaterThanOrEqual(1);
    expect(received).toBeLessThanOrEqual(10);
  });

  it('still removes a departed client at once, without waiting for a tick', async () => {
    // Longer than the test may run: no tick can fire, so a removal that arrives at all went out at once.
    const TICK = 10 * 60_000;
    const s = await server(TICK);
    const w = await createWorkshop(s.app);
    const room = `${w.id}/board`;
    const leaver = await connectSynced(s.ws, room, w.facilitatorToken);
    leaver.provider.awareness.setLocalStateField('user', { name: 'Leaver' });
    await waitFor(() => s.app.crossboard.rooms.loaded(room) !== undefined, 'room open');
    // A joiner receives current presence on join, whatever the tick.
    const stayer = connectClient(s.ws, room, w.facilitatorToken);
    await waitFor(() => presenceOf(stayer, leaver), 'stayer sees the leaver', 15_000);

    leaver.provider.shouldConnect = false;
    (leaver.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !presenceOf(stayer, leaver), 'leaver removed before any tick', 15_000);
  });
});
