import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { controlSettings, readSettings, roomName } from '@crossboard/model';
import { MAX_NAME_LENGTH, MAX_ORGANISATION_LENGTH, MAX_WORKSHOP_TITLE_LENGTH } from '../src/limits.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const inject = (options: InjectOptions) => server.app.inject(options);

const participant = { name: 'Ana', organisation: 'City of Porto', country: 'Portugal', timeZone: 'Europe/Lisbon', language: 'en' };

describe('creating a workshop', () => {
  it('answers 201 with an unguessable id, a facilitator token and a join link', async () => {
    const res = await inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Cross-border mobility' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.joinUrl).toBe(`/w/${body.id}/join`);
    expect(typeof body.facilitatorToken).toBe('string');
    expect(typeof body.facilitatorId).toBe('string');
  });

  it('writes the settings into the control room, converting local session times in the home zone', async () => {
    const w = await createWorkshop(server.app, {
      title: 'Pilots that expect to succeed',
      purpose: 'Recommendations for the ministers',
      themes: ['Budgets', 'Learning loops'],
      homeTimeZone: 'Europe/Paris',
      sessions: [{ label: 'Kick-off', start: '2025-06-12T15:30', end: '2025-06-12T17:00' }],
      phaseMinutes: { visions: 40 },
      votesPerParticipant: 7,
    });
    const settings = await server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
      readSettings(room.document),
    );
    expect(settings).toMatchObject({
      title: 'Pilots that expect to succeed',
      purpose: 'Recommendations for the ministers',
      themes: ['Budgets', 'Learning loops'],
      homeTimeZone: 'Europe/Paris',
      phaseMinutes: { painPoints: 30, visions: 40, recommendations: 45 },
      votesPerParticipant: 7,
    });
    // 15:30 in Paris in June (CEST, UTC+2) is 13:30 UTC.
    expect(settings.sessions).toEqual([{ label: 'Kick-off', start: Date.UTC(2025, 5, 12, 13, 30), end: Date.UTC(2025, 5, 12, 15, 0) }]);
    // Persisted as a room update, not only in memory.
    const stored = server.app.crossboardBackend.sqlite!.loadDocument(`${w.id}/control`);
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBeGreaterThan(0);
    expect(controlSettings(await server.app.crossboard.rooms.use(`${w.id}/control`, (r) => r.document)).get('title')).toBe(
      'Pilots that expect to succeed',
    );
  });

  it.each([
    ['no title', {}, /title/],
    ['a number for a title', { title: 5 }, /title must be string/],
    ['a blank title', { title: '   ' }, /blank/],
    ['a title one past the limit', { title: 'x'.repeat(MAX_WORKSHOP_TITLE_LENGTH + 1) }, /title/],
    ['an unknown time zone', { title: 'T', homeTimeZone: 'Mars/Olympus' }, /time zone/],
    ['minutes as a string', { title: 'T', phaseMinutes: { visions: '40' } }, /visions must be integer/],
    [
      'a session ending before it starts',
      { title: 'T', sessions: [{ label: 's', start: '2025-06-12T15:30', end: '2025-06-12T15:00' }] },
      /end after/,
    ],
    ['an unknown field', { title: 'T', admin: true }, /additional properties/],
  ])('refuses %s with 400 and a message', async (_what, payload, message) => {
    const res = await inject({ method: 'POST', url: '/api/workshops', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
    expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
  });

  it('accepts a title exactly at the limit', async () => {
    const res = await inject({ method: 'POST', url: '/api/workshops', payload: { title: 'x'.repeat(MAX_WORKSHOP_TITLE_LENGTH) } });
    expect(res.statusCode).toBe(201);
  });

  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/workshops',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/workshops',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'T', purpose: 'x'.repeat(100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });
});

describe('joining', () => {
  it('gives a participant an id and a token that identifies them', async () => {
    const w = await createWorkshop(server.app);
    const res = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, payload: participant });
    expect(res.statusCode).toBe(201);
    const { participantId, token, role } = res.json();
    expect(role).toBe('participant');
    const me = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: w.id,
      title: 'Cross-border mobility',
      you: { personId: participantId, role: 'participant', name: 'Ana', organisation: 'City of Porto', timeZone: 'Europe/Lisbon' },
    });
  });

  it.each([
    ['an unknown language', { language: 'de' }, /language/],
    ['an invalid time zone', { timeZone: 'Europe/Atlantis' }, /time zone/],
    ['a name one past the limit', { name: 'x'.repeat(MAX_NAME_LENGTH + 1) }, /name/],
    ['an empty organisation', { organisation: '' }, /organisation/],
  ])('refuses %s with 400', async (_what, override, message) => {
    const w = await createWorkshop(server.app);
    const res = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, payload: { ...participant, ...override } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
  });

  it('accepts a name exactly at the limit', async () => {
    const w = await createWorkshop(server.app);
    const res = await inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/join`,
      payload: { ...participant, name: 'x'.repeat(MAX_NAME_LENGTH) },
    });
    expect(res.statusCode).toBe(201);
  });

  it('answers 404 for a workshop that does not exist', async () => {
    const res = await inject({ method: 'POST', url: '/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/join', payload: participant });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('WORKSHOP_NOT_FOUND');
  });

  it('after rotation the old link fails and the new one works', async () => {
    const w = await createWorkshop(server.app);
    const before = await inject({ method: 'GET', url: `/api/workshops/${w.id}/public` });
    expect(before.json()).toEqual({ id: w.id, title: 'Cross-border mobility', purpose: '', codeRequired: false, joiningOpen: true });

    const rotated = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join-link/rotate`, headers: bearer(w.facilitatorToken) });
    expect(rotated.statusCode).toBe(200);
    const { joinUrl } = rotated.json();
    const code = new URL(joinUrl, 'http://x').searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await inject({ method: 'GET', url: `/api/workshops/${w.id}/public` })).json().codeRequired).toBe(true);

    const oldLink = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, payload: participant });
    expect(oldLink.statusCode).toBe(403);
    expect(oldLink.json().error.code).toBe('JOIN_CODE_INVALID');
    const withCode = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, payload: { ...participant, code } });
    expect(withCode.statusCode).toBe(201);

    const again = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join-link/rotate`, headers: bearer(w.facilitatorToken) });
    const stale = await inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, payload: { ...participant, code } });
    expect(stale.statusCode).toBe(403);
    expect(again.json().joinUrl).not.toBe(joinUrl);
  });
});

describe('who may call what', () => {
  it("refuses a missing token with 401, a forged one with 401, another workshop's with 403", async () => {
    const w = await createWorkshop(server.app);
    const other = await createWorkshop(server.app);
    const missing = await inject({ method: 'GET', url: `/api/workshops/${w.id}` });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('MISSING_TOKEN');

    const [payload] = w.facilitatorToken.split('.');
    const forged = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(`${payload}.AAAA`) });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('INVALID_TOKEN');

    const wrong = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(other.facilitatorToken) });
    expect(wrong.statusCode).toBe(403);
  });

  it('lets only a facilitator invite, rotate and remove', async () => {
    const w = await createWorkshop(server.app);
    const p = await joinAsParticipant(server.app, w.id);
    for (const [method, url, payload] of [
      ['POST', `/api/workshops/${w.id}/invitations`, { role: 'organiser' }],
      ['POST', `/api/workshops/${w.id}/join-link/rotate`, undefined],
      ['DELETE', `/api/workshops/${w.id}/people/${w.facilitatorId}`, undefined],
    ] as const) {
      const res = await inject({ method, url, headers: bearer(p.token), ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('invites an organiser whose token works, and a removed person is refused from then on', async () => {
    const w = await createWorkshop(server.app);
    const inv = await inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/invitations`,
      headers: bearer(w.facilitatorToken),
      payload: { role: 'organiser' },
    });
    expect(inv.statusCode).toBe(201);
    const { token, personId } = inv.json();
    const me = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(token) });
    expect(me.json().you).toMatchObject({ personId, role: 'organiser' });

    const people = await inject({ method: 'GET', url: `/api/workshops/${w.id}/people`, headers: bearer(token) });
    expect(
      people
        .json()
        .people.map((p: { role: string }) => p.role)
        .sort(),
    ).toEqual(['facilitator', 'organiser']);

    const removed = await inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${personId}`,
      headers: bearer(w.facilitatorToken),
    });
    expect(removed.statusCode).toBe(200);
    const after = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(token) });
    expect(after.statusCode).toBe(403);
    expect(after.json().error.code).toBe('PERSON_REMOVED');
  });

  it('names the invitee and their organisation, up to the length limits', async () => {
    const w = await createWorkshop(server.app);
    const post = (payload: object) =>
      inject({ method: 'POST', url: `/api/workshops/${w.id}/invitations`, headers: bearer(w.facilitatorToken), payload });
    const organisation = 'o'.repeat(MAX_ORGANISATION_LENGTH);
    const inv = await post({ role: 'facilitator', name: ' Marta ', organisation });
    expect(inv.statusCode).toBe(201);
    const me = await inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: bearer(inv.json().token) });
    expect(me.json().you).toMatchObject({ role: 'facilitator', name: 'Marta', organisation });

    const tooLong = await post({ role: 'organiser', name: 'Lu', organisation: organisation + 'o' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toMatch(/organisation/);
  });

  it('refuses an invitation for an unknown role with 400', async () => {
    const w = await createWorkshop(server.app);
    const res = await inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/invitations`,
      headers: bearer(w.facilitatorToken),
      payload: { role: 'admin' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers 404 for an unknown workshop before looking at the token', async () => {
    const res = await inject({ method: 'GET', url: '/api/workshops/AAAAAAAAAAAAAAAAAAAAAA/public' });
    expect(res.statusCode).toBe(404);
  });
});

describe('server basics', () => {
  it('tells the time, health and metrics', async () => {
    const before = Date.now();
    const time = await inject({ method: 'GET', url: '/api/time' });
    expect(time.json().now).toBeGreaterThanOrEqual(before);
    expect((await inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      ok: true,
      backends: { database: 'sqlite', storage: 'ok' },
    });
    const metrics = await inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    for (const name of [
      'crossboard_rooms_loaded',
      'crossboard_storage_write_seconds_bucket',
      'nodejs_eventloop_lag_p99_seconds',
      'process_cpu_user_seconds_total',
    ]) {
      expect(metrics.body).toContain(name);
    }
  });

  it('answers unknown API paths with a JSON 404 and app paths with the web app', async () => {
    const api = await inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const page = await inject({ method: 'GET', url: '/w/abc/board' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
