import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boardNotes, createNote, readTallies } from '@crossboard/model';
import { connectSynced, destroyAllClients, waitFor } from './helpers/clients.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { createWorkshop, injectAs, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, item 12: a co-facilitator could remove the workshop's creator and the last
 * facilitator could remove themselves (a workshop nobody can run); a removed participant's
 * votes still counted.
 */

const backends: { name: string; options: () => { databaseUrl?: string; databaseSchema?: string } }[] = [
  { name: 'SQLite', options: () => ({}) },
  { name: 'PostgreSQL', options: () => ({ databaseUrl: TEST_DATABASE_URL, databaseSchema: freshSchema() }) },
];

describe.each(backends)('removing people on $name', ({ options }) => {
  let server: TestServer;
  const opts = options();
  beforeAll(async () => {
    server = await startServer(opts);
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
    if (opts.databaseSchema) await dropSchema(opts.databaseSchema);
  });

  const remove = (workshopId: string, personId: string, token: string) =>
    injectAs(server.app, 'DELETE', `/api/workshops/${workshopId}/people/${personId}`, token);
  async function coFacilitator(workshopId: string, creatorToken: string) {
    const res = await injectAs(server.app, 'POST', `/api/workshops/${workshopId}/invitations`, creatorToken, {
      role: 'facilitator',
      name: 'Co',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { personId: string; token: string };
  }

  it("refuses a co-facilitator removing the workshop's creator with 409; the creator keeps running it", async () => {
    const w = await createWorkshop(server.app);
    const co = await coFacilitator(w.id, w.facilitatorToken);
    const res = await remove(w.id, w.facilitatorId, co.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'CREATOR_NOT_REMOVABLE',
      message: expect.stringMatching(/creator cannot be removed by others/),
    });
    expect((await injectAs(server.app, 'GET', `/api/workshops/${w.id}`, w.facilitatorToken)).statusCode).toBe(200);
    // The creator may still remove the co-facilitator, and a co-facilitator may leave.
    const other = await coFacilitator(w.id, w.facilitatorToken);
    expect((await remove(w.id, co.personId, w.facilitatorToken)).statusCode).toBe(200);
    expect((await remove(w.id, other.personId, other.token)).statusCode).toBe(200);
  });

  it('refuses the last facilitator removing themselves with 409; with another facilitator the creator may leave', async () => {
    const w = await createWorkshop(server.app);
    const res = await remove(w.id, w.facilitatorId, w.facilitatorToken);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({ code: 'LAST_FACILITATOR', message: expect.stringMatching(/last facilitator cannot be removed/) });
    expect((await injectAs(server.app, 'GET', `/api/workshops/${w.id}`, w.facilitatorToken)).statusCode).toBe(200);

    const co = await coFacilitator(w.id, w.facilitatorToken);
    expect((await remove(w.id, w.facilitatorId, w.facilitatorToken)).statusCode).toBe(200);
    // Now the co-facilitator is the last one.
    expect((await remove(w.id, co.personId, co.token)).json().error.code).toBe('LAST_FACILITATOR');
  });

  it("stops counting a removed participant's votes: in progress, in the tallies at close, and in tallies already published", async () => {
    const w = await createWorkshop(server.app);
    const people = await Promise.all(['Ana', 'Ben', 'Chloé'].map((name) => joinAsParticipant(server.app, w.id, name)));
    const [ana, ben, chloe] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const note = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'Pilots budgeted to fail' });
    await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').has(note), 'note stored');
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
    for (const p of [ana, ana, ben, chloe])
      expect((await injectAs(server.app, 'POST', `${base}/votes`, p.token, { itemId: note })).statusCode).toBe(201);
    expect((await injectAs(server.app, 'GET', `${base}/voting/progress`, w.facilitatorToken)).json()).toEqual({ voters: 3, votesCast: 4 });

    expect((await remove(w.id, ana.participantId, w.facilitatorToken)).statusCode).toBe(200);
    expect((await injectAs(server.app, 'GET', `${base}/voting/progress`, w.facilitatorToken)).json()).toEqual({ voters: 2, votesCast: 2 });
    const closed = await injectAs(server.app, 'POST', `${base}/voting/close`, w.facilitatorToken);
    expect(closed.json().tallies).toEqual({ [note]: 2 });

    // Removed after the close: the published totals are counted again.
    expect((await remove(w.id, ben.participantId, w.facilitatorToken)).statusCode).toBe(200);
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    await waitFor(() => readTallies(control.doc)?.[note] === 1, 'tallies without the removed voters');
  });
});
