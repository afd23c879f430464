import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REGISTRATION_ANSWER_LENGTH, REGISTRATIONS_PER_ADDRESS_PER_MINUTE } from '../src/people/people-schemas.ts';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl, type RawSocket } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { callAndRead } from '@crossboard/testkit';

const THEMES = ['sustainability', 'mobility', 'collaborative policy making'];
// The 2021 sessions, announced in Paris time (CEST in June).
const SESSIONS = [
  { label: 'Thursday 3 June', start: '2021-06-03T15:30', end: '2021-06-03T18:00' },
  { label: 'Monday 7 June', start: '2021-06-07T09:00', end: '2021-06-07T11:30' },
  { label: 'Thursday 10 June', start: '2021-06-10T10:00', end: '2021-06-10T12:30' },
];
const QUESTION = 'What is your experience with cross-border collaboration?';

let server: TestServer;
const sockets: RawSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  destroyAllClients();
  for (const s of sockets.splice(0)) s.ws.terminate();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

const call = (method: string, path: string, token?: string, body?: unknown, base = server.http) =>
  callAndRead(base, method, path, token, body);

async function openRegistration(form: Record<string, unknown> = {}, base = server.http, app = server.app) {
  const w = await createWorkshop(app, { themes: THEMES, homeTimeZone: 'Europe/Paris', sessions: SESSIONS });
  const res = await call(
    'PUT',
    `/api/workshops/${w.id}/registration`,
    w.facilitatorToken,
    { open: true, deadline: '2099-05-25T23:59', question: QUESTION, ...form },
    base,
  );
  expect(res.status).toBe(200);
  const code = res.json().url.split('/').pop() as string;
  return { w, code };
}

const registrant = (over: Record<string, unknown> = {}) => ({
  name: 'Ana Lima',
  organisation: 'City of Porto',
  country: 'Portugal',
  timeZone: 'Europe/Lisbon',
  email: 'ana.private@example.org',
  sessions: [0],
  themes: ['mobility'],
  answer: 'ANA-ANSWER-PRIVATE it was hard but had positive outcomes',
  directory: { listed: false, show: [] },
  ...over,
});

describe('registration', () => {
  it('shows the public form with the workshop’s sessions, themes, question and deadline in the organiser’s zone', async () => {
    const { code } = await openRegistration();
    const form = (await call('GET', `/api/registration/${code}`)).json();
    expect(form).toMatchObject({
      title: 'Cross-border mobility',
      themes: THEMES,
      question: QUESTION,
      homeTimeZone: 'Europe/Paris',
      open: true,
    });
    expect(form.sessions.map((s: { start: number }) => new Date(s.start).toISOString())).toEqual([
      '2021-06-03T13:30:00.000Z',
      '2021-06-07T07:00:00.000Z',
      '2021-06-10T08:00:00.000Z',
    ]);
    // 23:59 in Paris in May is 21:59 UTC.
    expect(new Date(form.deadline).toISOString()).toBe('2099-05-25T21:59:00.000Z');
  });

  it('confirms with an .ics of the chosen sessions and a personal link that joins without retyping, once admitted', async () => {
    const { w, code } = await openRegistration();
    const res = await call(
      'POST',
      `/api/registration/${code}`,
      undefined,
      registrant({ sessions: [0, 2], directory: { listed: true, show: ['organisation', 'canHelp'], canHelp: 'Tram networks' } }),
    );
    expect(res.status).toBe(201);
    const confirmation = res.json();
    expect(confirmation.status).toBe('pending');
    expect(confirmation.ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(confirmation.ics).toContain('DTSTART:20210603T133000Z');
    expect(confirmation.ics).toContain('DTSTART:20210610T080000Z');
    expect(confirmation.ics).not.toContain('20210607');
    const secret = confirmation.secret as string;
    const ics = await call('GET', `/api/registered/${secret}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');

    // Waiting for the organiser: the link does not join yet.
    expect((await call('POST', `/api/registered/${secret}/join`)).status).toBe(403);
    const list = (await call('GET', `/api/workshops/${w.id}/registrations`, w.facilitatorToken)).json();
    const id = list.registrations[0].id;
    expect(
      (await call('POST', `/api/workshops/${w.id}/registrations/${id}/status`, w.facilitatorToken, { status: 'admitted' })).status,
    ).toBe(200);

    const joined = await call('POST', `/api/registered/${secret}/join`);
    expect(joined.status).toBe(201);
    const { participantId, token, workshopId } = joined.json();
    expect(workshopId).toBe(w.id);
    const me = (await call('GET', `/api/workshops/${w.id}`, token)).json();
    expect(me.you).toMatchObject({
      name: 'Ana Lima',
      organisation: 'City of Porto',
      country: 'Portugal',
      timeZone: 'Europe/Lisbon',
      role: 'participant',
    });
    // The directory choice made at registration holds from the first minute.
    const dir = (await call('GET', `/api/workshops/${w.id}/directory`, token)).json();
    expect(dir.people).toEqual([{ personId: participantId, name: 'Ana Lima', organisation: 'City of Porto', canHelp: 'Tram networks' }]);
    // The same link later is the same person, not a second one.
    expect((await call('POST', `/api/registered/${secret}/join`)).json().participantId).toBe(participantId);
    const people = (await call('GET', `/api/workshops/${w.id}/people`, w.facilitatorToken)).json().people;
    expect(people.filter((p: { name: string }) => p.name === 'Ana Lima')).toHaveLength(1);
  });

  it('gives the organiser counts per session, country and theme, and a CSV; a declined registrant cannot join', async () => {
    const { w, code } = await openRegistration();
    await call('POST', `/api/registration/${code}`, undefined, registrant({ sessions: [0, 1], themes: ['mobility', 'sustainability'] }));
    await call(
      'POST',
      `/api/registration/${code}`,
      undefined,
      registrant({ name: 'Bob', country: 'Fiji', timeZone: 'Pacific/Fiji', sessions: [1], themes: ['mobility'], email: '' }),
    );
    const bob = (
      await call(
        'POST',
        `/api/registration/${code}`,
        undefined,
        registrant({ name: '=HYPERLINK("x")', country: 'Fiji', sessions: [2], themes: [] }),
      )
    ).json();
    const list = (await call('GET', `/api/workshops/${w.id}/registrations`, w.facilitatorToken)).json();
    expect(list.counts.total).toBe(3);
    expect(list.counts.bySession).toEqual([
      { key: 1, count: 2 },
      { key: 0, count: 1 },
      { key: 2, count: 1 },
    ]);
    expect(list.counts.byCountry).toEqual([
      { key: 'Fiji', count: 2 },
      { key: 'Portugal', count: 1 },
    ]);
    expect(list.counts.byTheme).toEqual([
      { key: 'mobility', count: 2 },
      { key: 'sustainability', count: 1 },
    ]);

    const csv = await call('GET', `/api/workshops/${w.id}/registrations.csv`, w.facilitatorToken);
    expect(csv.status).toBe(200);
    expect(csv.raw.startsWith('\ufeffregistered (UTC),status,name')).toBe(true);
    expect(csv.raw).toContain('ana.private@example.org');
    expect(csv.raw).toContain('Thursday 3 June; Monday 7 June');
    expect(csv.raw).toContain(`"'=HYPERLINK(""x"")"`);

    const third = list.registrations[2].id;
    await call('POST', `/api/workshops/${w.id}/registrations/${third}/status`, w.facilitatorToken, { status: 'declined' });
    const refused = await call('POST', `/api/registered/${bob.secret}/join`);
    expect(refused.status).toBe(403);
    expect(refused.json().error.message).toContain('declined');
  });

  it('shows registration details only to staff: never in any response or socket frame to a participant', async () => {
    const { w, code } = await openRegistration();
    const ana = (await call('POST', `/api/registration/${code}`, undefined, registrant())).json();
    const id = (await call('GET', `/api/workshops/${w.id}/registrations`, w.facilitatorToken)).json().registrations[0].id;
    await call('POST', `/api/workshops/${w.id}/registrations/${id}/status`, w.facilitatorToken, { status: 'admitted' });
    const anaJoin = (await call('POST', `/api/registered/${ana.secret}/join`)).json();
    const carol = await joinAsParticipant(server.app, w.id, 'Carol');
    const watch = ['board', 'control'].map((room) => {
      const s = rawSocket(wsUrl(server.ws, `${w.id}/${room}`, carol.token));
      sockets.push(s);
      return s;
    });
    await Promise.all(watch.map((s) => s.opened));
    const anaBoard = await connectSynced(server.ws, `${w.id}/board`, anaJoin.token);
    anaBoard.provider.awareness.setLocalStateField('cursor', { x: 3, y: 4 });
    await waitFor(() => watch[0]!.messages.some((m) => Buffer.from(m).includes('Ana Lima')), 'Ana’s presence reaches Carol');

    const responses = [
      await call('GET', `/api/workshops/${w.id}/registrations`, carol.token),
      await call('GET', `/api/workshops/${w.id}/registrations.csv`, carol.token),
      await call('POST', `/api/workshops/${w.id}/registrations/${id}/status`, carol.token, { status: 'declined' }),
      await call('GET', `/api/workshops/${w.id}/directory`, carol.token),
      await call('GET', `/api/workshops/${w.id}/people`, carol.token),
      await call('GET', `/api/workshops/${w.id}/directory/me`, carol.token),
      await call('GET', `/api/registration/${code}`),
    ];
    expect(responses.slice(0, 3).map((r) => r.status)).toEqual([403, 403, 403]);
    const frames = Buffer.concat(watch.flatMap((s) => s.messages.map((m) => Buffer.from(m)))).toString('latin1');
    for (const secret of ['ana.private@example.org', 'ANA-ANSWER-PRIVATE', ana.secret]) {
      for (const r of responses) expect(r.raw).not.toContain(secret);
      expect(frames).not.toContain(secret);
    }
    // Ana did not choose to be listed: the directory is empty.
    expect(responses[3]!.json()).toEqual({ people: [] });
  });

  it('refuses registrations after the deadline, while closed, and past the answer’s length', async () => {
    const late = await openRegistration({ deadline: '2021-05-25T23:59' });
    expect((await call('GET', `/api/registration/${late.code}`)).json().open).toBe(false);
    expect((await call('POST', `/api/registration/${late.code}`, undefined, registrant())).status).toBe(403);
    const closed = await openRegistration({ open: false });
    expect((await call('POST', `/api/registration/${closed.code}`, undefined, registrant())).status).toBe(403);

    const { code } = await openRegistration();
    expect(
      (await call('POST', `/api/registration/${code}`, undefined, registrant({ answer: 'x'.repeat(MAX_REGISTRATION_ANSWER_LENGTH) })))
        .status,
    ).toBe(201);
    const past = await call(
      'POST',
      `/api/registration/${code}`,
      undefined,
      registrant({ answer: 'x'.repeat(MAX_REGISTRATION_ANSWER_LENGTH + 1) }),
    );
    expect(past.status).toBe(400);
    expect(past.json().error.code).toBe('INVALID_BODY');
    expect((await call('POST', `/api/registration/${code}`, undefined, registrant({ sessions: [3] }))).status).toBe(400);
    expect((await call('POST', `/api/registration/${code}`, undefined, registrant({ themes: ['space travel'] }))).status).toBe(400);
    expect((await call('POST', `/api/registration/${code}`, undefined, registrant({ timeZone: 'Mars/Olympus' }))).status).toBe(400);
    expect((await call('POST', `/api/registration/${code}`, undefined, registrant({ email: 'not an address' }))).status).toBe(400);
    expect((await call('GET', `/api/registration/${'A'.repeat(22)}`)).status).toBe(404);
    expect((await call('GET', '/api/registration/__proto__')).status).toBe(400);
  });

  it('lets only staff open registration', async () => {
    const w = await createWorkshop(server.app, { themes: THEMES });
    const p = await joinAsParticipant(server.app, w.id);
    expect((await call('PUT', `/api/workshops/${w.id}/registration`, p.token, { open: true })).status).toBe(403);
  });

  it(`answers 429 to the ${REGISTRATIONS_PER_ADDRESS_PER_MINUTE + 1}th registration from one address within a minute`, async () => {
    // A server of its own: the count is per address and this test spends it.
    const own = await startServer();
    try {
      const { code } = await openRegistration({}, own.http, own.app);
      for (let i = 0; i < REGISTRATIONS_PER_ADDRESS_PER_MINUTE; i++) {
        expect((await call('POST', `/api/registration/${code}`, undefined, registrant({ name: `P${i}` }), own.http)).status).toBe(201);
      }
      const refused = await call('POST', `/api/registration/${code}`, undefined, registrant(), own.http);
      expect(refused.status).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      expect(
        (await call('GET', `/api/workshops/${(await createWorkshop(own.app)).id}/public`, undefined, undefined, own.http)).status,
      ).toBe(200);
    } finally {
      await own.close();
      removeDataDir(own.dataDir);
    }
  });
});
