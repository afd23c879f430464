import { describe, expect, it } from 'vitest';
import { boardNotes, createNote, STEP_STATUSES, WORKSHOP_JSON_FORMAT, WORKSHOP_JSON_VERSION } from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, critical: an id from a user used as an object key. On the code before the fix,
 * importing a facilitator with id `__proto__`, voting once on `pwned` and reading
 * `GET /votes/mine` set `Object.prototype.pwned` in the server process; every strict route then
 * answered 400 and the process died a few seconds later.
 */
const OBJECT_NAMES = ['__proto__', 'constructor', 'prototype', 'toString'] as const;

const server = useServer();

function snapshot(
  overrides: { person?: string; note?: string; cluster?: string; recommendation?: string; step?: string; link?: string } = {},
) {
  const person = overrides.person ?? 'p1';
  const cluster = overrides.cluster ?? 'c1';
  return {
    format: WORKSHOP_JSON_FORMAT,
    version: WORKSHOP_JSON_VERSION,
    workshop: { title: 'Keys', purpose: '', themes: [], homeTimeZone: 'Europe/Paris', sessions: [], anonymous: false },
    people: [{ id: person, name: 'Fa', organisation: 'OPSI', country: 'FR', role: 'facilitator', credit: 'named' }],
    clusters: [{ id: cluster, phase: 'painPoints', title: 'Money', votes: 0 }],
    notes: [
      {
        id: overrides.note ?? 'n1',
        phase: 'painPoints',
        text: 'Pilots budgeted to fail',
        authorId: person,
        clusterId: cluster,
        colour: 'yellow',
        createdAt: '2021-06-03T13:30:00.000Z',
        votes: 0,
      },
    ],
    recommendations: [
      {
        id: overrides.recommendation ?? 'r1',
        title: 'Budget for success',
        description: '',
        order: 0,
        sourceClusterId: null,
        painPointLinks: [overrides.link ?? 'n1'],
        visionLinks: [],
        actionSteps: [
          { id: overrides.step ?? 's1', text: 'Fund a 100-day pilot', owner: 'OPSI', horizon: 'short', status: STEP_STATUSES[0] },
        ],
      },
    ],
  };
}

const importWorkshop = (payload: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/workshops/import', payload: payload as object });

function expectNoPollution() {
  const probe = {} as Record<string, unknown>;
  expect(probe.pwned).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('ids that are object names', () => {
  it('a plain export imports (the fixture below is valid)', async () => {
    const res = await importWorkshop(snapshot());
    expect(res.json()).toMatchObject({ id: expect.any(String) });
    expect(res.statusCode).toBe(201);
  });

  const places = ['person', 'note', 'cluster', 'recommendation', 'step', 'link'] as const;
  for (const place of places) {
    it.each(OBJECT_NAMES)(`an import with a ${place} id %s is refused with a message naming the field`, async (name) => {
      const res = await importWorkshop(snapshot({ [place]: name }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_BODY');
      expect(res.json().error.message).toMatch(/\$\.(people|notes|clusters|recommendations)\[0\]\.\w+.*expected an id/);
      expectNoPollution();
    });
  }

  it('refuses an import that gives two notes one id', async () => {
    const s = snapshot();
    s.notes.push({ ...s.notes[0]! });
    const res = await importWorkshop(s);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/\$\.notes\[1\]\.id: "n1" appears twice/);
  });

  it.each(OBJECT_NAMES)('a vote on item %s is refused at the door', async (name) => {
    const w = await createWorkshop(server.app);
    const open = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/voting/open`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
      payload: { phase: 'painPoints', target: 'notes', votesPerPerson: 3 },
    });
    expect(open.statusCode).toBe(200);
    const vote = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/votes`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
      payload: { itemId: name },
    });
    expect(vote.statusCode).toBe(400);
    const withdraw = await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/votes/${name}`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(withdraw.statusCode).toBe(400);
    expectNoPollution();
  });

  it('ballots stored under __proto__ (a database written before the fix) are read as data, and the server keeps serving', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    let note = '';
    board.doc.transact(() => {
      note = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'No learning loops' });
    });
    await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').size === 1, 'note stored');
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/voting/open`,
      headers: auth(w.facilitatorToken),
      payload: { phase: 'painPoints', target: 'notes', votesPerPerson: 3 },
    });
    // What the attack left behind: rows whose person and item are object names.
    await server.app.crossboard.records.setBallot(w.id, '__proto__', 'pwned', 1);
    await server.app.crossboard.records.setBallot(w.id, 'constructor', 'prototype', 2);

    const mine = await server.app.inject({ method: 'GET', url: `/api/workshops/${w.id}/votes/mine`, headers: auth(ana.token) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ votes: {}, remaining: 3 });
    const cast = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/votes`,
      headers: auth(ana.token),
      payload: { itemId: note },
    });
    expect(cast.json()).toEqual({ votes: { [note]: 1 }, remaining: 2 });
    const closed = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/voting/close`,
      headers: auth(w.facilitatorToken),
    });
    expect(closed.statusCode).toBe(200);
    expectNoPollution();

    // Strict routes still answer on every workshop: the symptom users saw was 400 everywhere.
    const another = await server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Still works' } });
    expect(another.statusCode).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});
