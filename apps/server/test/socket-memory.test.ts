import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.ts';
import type { Metrics } from '../src/metrics.ts';
import { RoomPresence } from '../src/sync/presence.ts';
import { connectSynced, presenceOf, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

// Vitest gives no per-file execArgv; this exposes gc() to this file only.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const server = useServer();

async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
}

describe('an open socket', () => {
  // A thousand open boards held a thousand upgrade requests (~2 kB each with their URL and
  // head buffer) until their sockets closed.
  it('keeps nothing of the HTTP upgrade that opened it', async () => {
    const upgrades: WeakRef<IncomingMessage>[] = [];
    server.app.server.on('upgrade', (req: IncomingMessage) => upgrades.push(new WeakRef(req)));
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const board = `${w.id}/board`;
    await connectSynced(server.ws, board, ana.token);
    await collect();

    expect(server.app.crossboard.rooms.loaded(board)?.clientCount).toBe(1);
    expect(upgrades).toHaveLength(1);
    expect(upgrades.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('a room nobody has joined', () => {
  // Each board keeps its control room loaded for its rules; with 1,000 boards open, 1,000
  // presences nobody could see held an Awareness, its document and a 3 s interval each.
  it('holds no presence, and one comes with the first person to join', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const { rooms } = server.app.crossboard;
    // Setting the workshop up wrote to it: it starts from unloaded here.
    await rooms.unload(`${w.id}/control`);
    const before = timers();
    const control = await rooms.open(`${w.id}/control`);
    expect(control.clientCount).toBe(0);
    expect(timers()).toBe(before);

    const first = await connectSynced(server.ws, `${w.id}/control`, ana.token);
    const second = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    await waitFor(() => presenceOf(second, first), 'the first person’s presence reaches the second');
  });
});

/** What one room's presence may hold before anyone joins (Awareness, coalescer, maps). */
const PRESENCE_BYTES_LIMIT = 2_500;

describe("a room's presence", () => {
  // Each held a Yjs document of its own that it only read a client id from: 2.3 kB a board.
  it(`holds at most ${PRESENCE_BYTES_LIMIT} bytes before anyone joins`, async () => {
    const host = {
      clients: [],
      deliver: () => true,
      sent: () => {},
      isDocumentClient: () => false,
      publish: () => {},
      limits: DEFAULT_LIMITS,
      metrics: {} as Metrics,
    };
    const count = 500;
    await collect();
    const before = process.memoryUsage().heapUsed;
    const presences = Array.from({ length: count }, () => new RoomPresence(host));
    await collect();
    const perPresence = (process.memoryUsage().heapUsed - before) / count;
    for (const p of presences) p.destroy();
    expect(perPresence).toBeLessThanOrEqual(PRESENCE_BYTES_LIMIT);
  });
});
