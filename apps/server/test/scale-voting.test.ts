import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardNotes, createNote } from '@crossboard/model';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { createWorkshop, injectAs, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/** With an asynchronous database, a vote's read-check-write must not interleave with another's. */

let server: TestServer;
const schema = freshSchema();
beforeAll(async () => {
  // PostgreSQL: every read and write is a round trip, so concurrent requests do interleave.
  server = await startServer({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema });
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
  await dropSchema(schema);
});

describe('votes cast at the same moment', () => {
  it('a burst of one person’s votes stops exactly at the limit', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const ids: string[] = [];
    board.doc.transact(() => {
      for (let i = 0; i < 6; i++) ids.push(createNote(boardNotes(board.doc), { phase: 'painPoints', text: `Note ${i}` }));
    });
    await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').size === 6, 'notes stored');
    const base = `/api/workshops/${w.id}`;
    expect(
      (
        await injectAs(server.app, 'POST', `${base}/voting/open`, w.facilitatorToken, {
          phase: 'painPoints',
          target: 'notes',
          votesPerPerson: 3,
        })
      ).statusCode,
    ).toBe(200);

    const burst = await Promise.all(ids.map((itemId) => injectAs(server.app, 'POST', `${base}/votes`, ana.token, { itemId })));
    expect(burst.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    const mine = (await injectAs(server.app, 'GET', `${base}/votes/mine`, ana.token)).json() as {
      votes: Record<string, number>;
      remaining: number;
    };
    expect(Object.values(mine.votes).reduce((a, b) => a + b, 0)).toBe(3);
    expect(mine.remaining).toBe(0);
  });
});
