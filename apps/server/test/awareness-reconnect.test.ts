import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { rebaseAwareness } from '../src/sync/awareness-clock.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

type Presence = { user?: { name: string }; cursor?: { x: number } } | undefined;

describe('a participant whose connection drops and comes back', () => {
  it('is back in everyone’s presence at once, and their next moves show too', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/board`;
    const a = await connectSynced(server.ws, room, ana.token);
    const watcher = await connectSynced(server.ws, room, w.facilitatorToken);
    const id = a.doc.clientID;
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const seen = () => watcher.provider.awareness.getStates().get(id) as Presence;
    await waitFor(() => seen()?.user?.name === 'Ana', 'watcher sees Ana');

    // The network drops: the server removes Ana; her provider reconnects by itself.
    (a.provider.ws as unknown as { terminate(): void } | null)?.terminate();
    await waitFor(() => !watcher.provider.awareness.getStates().has(id), 'Ana removed');
    // Well within the provider's 15 s renewal: the return itself must be accepted.
    await waitFor(() => seen()?.user?.name === 'Ana', 'Ana back in presence', 5_000);

    a.provider.awareness.setLocalStateField('cursor', { x: 42 });
    await waitFor(() => seen()?.cursor?.x === 42, 'her next cursor move arrives', 5_000);
  });
});

describe('rebaseAwareness', () => {
  const entry = (clientID: number, clock: number, state: unknown = { user: 'x' }) => ({ clientID, clock, state });

  it('moves a returning client ahead of the room and keeps the shift for later messages', () => {
    const shifts = new Map<number, number>();
    const room = new Map([[7, 5]]);
    const first = rebaseAwareness([entry(7, 4)], (i) => room.get(i), () => false, shifts);
    expect(first.entries[0]!.clock).toBe(6);
    const next = rebaseAwareness([entry(7, 5)], (i) => room.get(i), () => true, shifts);
    expect(next.entries[0]!.clock).toBe(7);
  });

  it('leaves present clients, newcomers and goodbyes alone', () => {
    const room = new Map([[1, 3]]);
    expect(rebaseAwareness([entry(1, 4)], (i) => room.get(i), () => true, new Map()).rewritten).toBe(false);
    expect(rebaseAwareness([entry(2, 0)], (i) => room.get(i), () => false, new Map()).rewritten).toBe(false);
    expect(rebaseAwareness([entry(1, 2, null)], (i) => room.get(i), () => false, new Map()).rewritten).toBe(false);
  });
});
