import { describe, expect, it } from 'vitest';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

// Long enough that no stall of a loaded machine looks like a timer of its own: a release
// that waited for a second delay could not come in under it, since timers never fire early.
const UNLOAD_DELAY_MS = 5_000;
const server = useServer({ limits: { unloadDelayMs: UNLOAD_DELAY_MS } });

describe('a board whose last participant leaves', () => {
  it('releases the control room it kept loaded together with itself, not one delay later', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const rooms = server.app.crossboard.rooms;
    const board = `${w.id}/board`;
    const control = `${w.id}/control`;
    const client = await connectSynced(server.ws, board, ana.token);
    // The board rules read the control room, so it is loaded alongside the board.
    await waitFor(() => rooms.loaded(control), 'control loaded as the board’s companion');

    client.provider.destroy();
    await waitFor(() => !rooms.loaded(board), 'board unloaded', 10_000);
    const boardGoneAt = Date.now();
    await waitFor(() => !rooms.loaded(control), 'control unloaded', 10_000);
    // Under one unload delay after the board: not a second wait of its own.
    expect(Date.now() - boardGoneAt).toBeLessThan(UNLOAD_DELAY_MS);
  });
});
