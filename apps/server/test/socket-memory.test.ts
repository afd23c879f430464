import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { connectSynced } from './helpers/clients.ts';
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
