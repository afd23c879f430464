import { describe, expect, it } from 'vitest';
import { controlState, roomName } from '@crossboard/model';
import { MAX_CHECKIN_ANSWER_LENGTH } from '../src/people/checkin-routes.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { callAndRead } from '@crossboard/testkit';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const call = (method: string, path: string, token?: string, body?: unknown) => callAndRead(server.http, method, path, token, body);

const PROMPT = 'Where are you joining from, and what brings you here?';

describe('the check-in round', () => {
  it('shows each answer as a card with name, country and time zone; answering counts as ready', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana', { country: 'Portugal', timeZone: 'Europe/Lisbon' });
    const bob = await joinAsParticipant(server.app, w.id, 'Bob', { country: 'Fiji', timeZone: 'Pacific/Fiji' });
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json()).toEqual({
      round: null,
      open: false,
      cards: [],
      ready: 0,
      people: 2,
    });
    expect((await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Porto' })).status).toBe(404);

    expect((await call('POST', `/api/workshops/${w.id}/checkin`, ana.token, { prompt: PROMPT })).status).toBe(403);
    expect((await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: PROMPT })).status).toBe(201);
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, bob.token, { answer: 'Suva, to meet other island states' });
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Porto' });
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, bob.token, { answer: 'Suva, to meet other small island states' });
    // Each answer is the same "ready" the board's "I'm done" shows the facilitator.
    const ready = await server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
      controlState(room.document).get('ready'),
    );
    expect(Object.keys(ready as object).sort()).toEqual([ana.participantId, bob.participantId].sort());
    // The open round is in the control room every board syncs, so its link appears live.
    const open = await server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
      controlState(room.document).get('checkinOpen'),
    );
    expect(open).toBe(true);
    const wall = (await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json();
    expect(wall.round.prompt).toBe(PROMPT);
    expect(wall.ready).toBe(2);
    expect(wall.people).toBe(2);
    // Bob answered first and keeps his place after editing.
    expect(wall.cards.map((c: Record<string, string>) => [c.name, c.country, c.timeZone, c.answer])).toEqual([
      ['Bob', 'Fiji', 'Pacific/Fiji', 'Suva, to meet other small island states'],
      ['Ana', 'Portugal', 'Europe/Lisbon', 'Porto'],
    ]);

    // A new round starts an empty wall; nobody is ready in it yet.
    await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: 'One word for today?' });
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, bob.token)).json()).toMatchObject({ cards: [], ready: 0 });
  });

  it('ends a round: the link leaves open boards, answers are refused with 409, the wall stays; a new round reopens', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const checkinOpen = () =>
      server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
        controlState(room.document).get('checkinOpen'),
      );
    expect((await call('POST', `/api/workshops/${w.id}/checkin/end`, w.facilitatorToken)).status).toBe(404);
    await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: PROMPT });
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Porto' });
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json()).toMatchObject({ open: true, round: { endedAt: null } });

    expect((await call('POST', `/api/workshops/${w.id}/checkin/end`, ana.token)).status).toBe(403);
    const ended = await call('POST', `/api/workshops/${w.id}/checkin/end`, w.facilitatorToken);
    expect(ended.status).toBe(200);
    expect(ended.json().round.endedAt).toEqual(expect.any(Number));
    expect(await checkinOpen()).toBe(false);
    // Ending again is harmless: it stays ended at the first time.
    expect((await call('POST', `/api/workshops/${w.id}/checkin/end`, w.facilitatorToken)).json().round.endedAt).toBe(
      ended.json().round.endedAt,
    );

    const late = await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Porto, again' });
    expect(late.status).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'CHECKIN_ENDED', message: expect.stringMatching(/ended/) });
    const wall = (await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json();
    expect(wall).toMatchObject({ open: false, round: { prompt: PROMPT } });
    expect(wall.cards.map((c: Record<string, string>) => c.answer)).toEqual(['Porto']);

    await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: 'One word for today?' });
    expect(await checkinOpen()).toBe(true);
    expect((await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Curious' })).status).toBe(200);
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json()).toMatchObject({
      open: true,
      cards: [{ answer: 'Curious' }],
    });
  });

  it('counts participants only, as the console does: the facilitator’s card is not one of "ready"', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    await joinAsParticipant(server.app, w.id, 'Bob');
    await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: PROMPT });
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, w.facilitatorToken, { answer: 'Running it from Lisbon' });
    await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'Porto' });
    const wall = (await call('GET', `/api/workshops/${w.id}/checkin`, ana.token)).json();
    expect(wall.cards).toHaveLength(2);
    expect({ ready: wall.ready, people: wall.people }).toEqual({ ready: 1, people: 2 });
  });

  it('drops a removed person’s card and refuses answers past the limit', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    await call('POST', `/api/workshops/${w.id}/checkin`, w.facilitatorToken, { prompt: PROMPT });
    expect(
      (await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'x'.repeat(MAX_CHECKIN_ANSWER_LENGTH) })).status,
    ).toBe(200);
    expect(
      (await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: 'x'.repeat(MAX_CHECKIN_ANSWER_LENGTH + 1) })).status,
    ).toBe(400);
    expect((await call('PUT', `/api/workshops/${w.id}/checkin/me`, ana.token, { answer: '   ' })).status).toBe(400);
    await call('DELETE', `/api/workshops/${w.id}/people/${ana.participantId}`, w.facilitatorToken);
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, w.facilitatorToken)).json()).toMatchObject({ cards: [], ready: 0 });
    const other = await createWorkshop(server.app);
    expect((await call('GET', `/api/workshops/${w.id}/checkin`, other.facilitatorToken)).status).toBe(403);
  });
});
