import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DIRECTORY_TEXT_LENGTH } from '@crossboard/model';
import {
  connectClient,
  connectSynced,
  destroyAllClients,
  presenceOf,
  rawSocket,
  waitFor,
  wsUrl,
  type RawSocket,
} from './helpers/clients.ts';
import type { RuleHooks } from '../src/sync/rooms.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';
import { callAndRead } from '@crossboard/testkit';

const THEMES = ['mobility', 'sustainability', 'data sharing and interoperable systems'];
let server: TestServer;
const sockets: RawSocket[] = [];
// A room's hooks are fixed when it loads: the server is given a wrapper once, armed per test.
let wrapHooks: ((room: string, rules: RuleHooks | null) => RuleHooks | null) | null = null;
let releaseLoad: (() => void) | null = null;
beforeAll(async () => {
  server = await startServer({ roomHooks: (room, rules) => (wrapHooks ? wrapHooks(room, rules) : rules) });
});
afterEach(() => {
  releaseLoad?.();
  wrapHooks = null;
  destroyAllClients();
  for (const s of sockets.splice(0)) s.ws.terminate();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** Real HTTP: the status and the body exactly as the bytes arrived. */
const call = (method: string, path: string, token?: string, body?: unknown) => callAndRead(server.http, method, path, token, body);

const profile = (over: Record<string, unknown>) => ({
  listed: true,
  show: [],
  role: '',
  themes: [],
  canHelp: '',
  lookingFor: '',
  contact: '',
  ...over,
});

async function workshopWithPeople() {
  const w = await createWorkshop(server.app, { themes: THEMES });
  const ana = await joinAsParticipant(server.app, w.id, 'Ana Lima', { organisation: 'City of Porto', country: 'Portugal' });
  const bob = await joinAsParticipant(server.app, w.id, 'Bob Tane', {
    organisation: 'Pacific Islands Innovation Lab',
    country: 'Fiji',
    timeZone: 'Pacific/Fiji',
  });
  const carol = await joinAsParticipant(server.app, w.id, 'Carol Diaz', { country: 'Colombia', timeZone: 'America/Bogota' });
  // Ana lists herself with her organisation and what she can help with, not her contact or what she seeks.
  expect(
    (
      await call(
        'PUT',
        `/api/workshops/${w.id}/directory/me`,
        ana.token,
        profile({
          show: ['organisation', 'canHelp', 'themes'],
          canHelp: 'Data sharing agreements between cities',
          lookingFor: 'ANA-LOOKING-PRIVATE',
          contact: 'ana.private@example.org',
          themes: ['mobility'],
          role: 'ANA-ROLE-PRIVATE',
        }),
      )
    ).status,
  ).toBe(200);
  // Bob fills everything in but does not want to be listed.
  expect(
    (
      await call(
        'PUT',
        `/api/workshops/${w.id}/directory/me`,
        bob.token,
        profile({
          listed: false,
          show: ['organisation', 'country', 'role', 'canHelp', 'lookingFor', 'contact'],
          role: 'BOB-ROLE-PRIVATE',
          canHelp: 'BOB-HELP-PRIVATE',
          lookingFor: 'BOB-LOOKING-PRIVATE',
          contact: 'https://example.org/bob-private',
        }),
      )
    ).status,
  ).toBe(200);
  return { w, ana, bob, carol };
}

const PRIVATE = [
  'ANA-LOOKING-PRIVATE',
  'ana.private@example.org',
  'ANA-ROLE-PRIVATE',
  'BOB-ROLE-PRIVATE',
  'BOB-HELP-PRIVATE',
  'BOB-LOOKING-PRIVATE',
  'bob-private',
];

describe('the people directory, with consent', () => {
  it('lists only who opted in, with only the fields they chose, to people of the workshop', async () => {
    const { w, ana, bob, carol } = await workshopWithPeople();
    const { status, raw } = await call('GET', `/api/workshops/${w.id}/directory`, carol.token);
    expect(status).toBe(200);
    expect(JSON.parse(raw)).toEqual({
      people: [
        {
          personId: ana.participantId,
          name: 'Ana Lima',
          organisation: 'City of Porto',
          canHelp: 'Data sharing agreements between cities',
          themes: ['mobility'],
        },
      ],
    });
    for (const secret of PRIVATE) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('Bob Tane');
    expect(raw).not.toContain(bob.participantId);
    expect(raw).not.toContain('Portugal');

    // Nobody outside the workshop, and nobody without a token.
    const other = await createWorkshop(server.app);
    expect((await call('GET', `/api/workshops/${w.id}/directory`, other.facilitatorToken)).status).toBe(403);
    expect((await call('GET', `/api/workshops/${w.id}/directory`)).status).toBe(401);
  });

  it('shows each person their own full profile and nobody else’s', async () => {
    const { w, bob, carol } = await workshopWithPeople();
    const own = JSON.parse((await call('GET', `/api/workshops/${w.id}/directory/me`, bob.token)).raw);
    expect(own.profile.canHelp).toBe('BOB-HELP-PRIVATE');
    const carols = await call('GET', `/api/workshops/${w.id}/directory/me`, carol.token);
    for (const secret of PRIVATE) expect(carols.raw).not.toContain(secret);
  });

  it('removes a person from the directory in the very next response when they withdraw', async () => {
    const { w, ana, carol } = await workshopWithPeople();
    expect((await call('GET', `/api/workshops/${w.id}/directory`, carol.token)).raw).toContain('Ana Lima');
    await call(
      'PUT',
      `/api/workshops/${w.id}/directory/me`,
      ana.token,
      profile({ listed: false, show: ['organisation', 'canHelp'], canHelp: 'Data sharing agreements between cities' }),
    );
    const after = await call('GET', `/api/workshops/${w.id}/directory`, carol.token);
    expect(JSON.parse(after.raw)).toEqual({ people: [] });
    expect(after.raw).not.toContain('Data sharing agreements');
    // Un-ticking one field hides that field only.
    await call(
      'PUT',
      `/api/workshops/${w.id}/directory/me`,
      ana.token,
      profile({ show: ['canHelp'], canHelp: 'Data sharing agreements between cities' }),
    );
    const partial = await call('GET', `/api/workshops/${w.id}/directory`, carol.token);
    expect(partial.raw).toContain('Data sharing agreements');
    expect(partial.raw).not.toContain('City of Porto');
  });

  it('drops a removed person from the directory', async () => {
    const { w, ana, carol } = await workshopWithPeople();
    const res = await call('DELETE', `/api/workshops/${w.id}/people/${ana.participantId}`, w.facilitatorToken);
    expect(res.status).toBe(200);
    expect(JSON.parse((await call('GET', `/api/workshops/${w.id}/directory`, carol.token)).raw)).toEqual({ people: [] });
  });

  it('sends none of a person’s private directory fields in any socket frame to another participant', async () => {
    const { w, ana, bob, carol } = await workshopWithPeople();
    const watch = ['board', 'control'].map((room) => {
      const s = rawSocket(wsUrl(server.ws, `${w.id}/${room}`, carol.token));
      sockets.push(s);
      return s;
    });
    await Promise.all(watch.map((s) => s.opened));
    // Ana and Bob are present on both rooms (presence frames reach Carol) and Bob writes a note.
    const clients = [];
    for (const t of [ana.token, bob.token])
      for (const room of ['board', 'control']) clients.push(await connectSynced(server.ws, `${w.id}/${room}`, t));
    for (const c of clients) c.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => watch.every((s) => s.messages.some((m) => Buffer.from(m).includes('Bob Tane'))), 'presence of Bob reaches Carol');
    // Bob withdraws and re-lists while Carol watches: nothing of his profile travels to her.
    await call(
      'PUT',
      `/api/workshops/${w.id}/directory/me`,
      bob.token,
      profile({ listed: true, show: ['country'], canHelp: 'BOB-HELP-PRIVATE', role: 'BOB-ROLE-PRIVATE' }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const bytes = Buffer.concat(watch.flatMap((s) => s.messages.map((m) => Buffer.from(m)))).toString('latin1');
    for (const secret of PRIVATE) expect(bytes).not.toContain(secret);
    const dir = await call('GET', `/api/workshops/${w.id}/directory`, carol.token);
    expect(dir.raw).toContain('Fiji');
    for (const secret of PRIVATE) expect(dir.raw).not.toContain(secret);
  });

  it('stamps presence with an organisation only its person chose to show, and re-stamps it live when they change their mind', async () => {
    const { w, ana, bob, carol } = await workshopWithPeople();
    const BOB_ORG = 'Pacific Islands Innovation Lab';
    const ANA_ORG = 'City of Porto';
    const rooms = ['board', 'control'];
    const watch = rooms.map((room) => {
      const s = rawSocket(wsUrl(server.ws, `${w.id}/${room}`, carol.token));
      sockets.push(s);
      return s;
    });
    await Promise.all(watch.map((s) => s.opened));
    // Carol also watches through a stock provider, as the web app's "Here now" does.
    const carolBoard = await connectSynced(server.ws, `${w.id}/board`, carol.token);
    const present = [];
    for (const t of [ana.token, bob.token]) for (const room of rooms) present.push(await connectSynced(server.ws, `${w.id}/${room}`, t));
    for (const c of present) c.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    const [anaBoard, , bobBoard] = present;
    const bytesSince = (from: number[]) =>
      Buffer.concat(watch.flatMap((s, i) => s.messages.slice(from[i]).map((m) => Buffer.from(m)))).toString('utf8');
    const marks = () => watch.map((s) => s.messages.length);
    const seenOnEvery = (from: number[], needle: string) =>
      watch.every((s, i) => s.messages.slice(from[i]).some((m) => Buffer.from(m).toString('utf8').includes(needle)));

    // Ana listed herself with her organisation: it travels. Bob did not: only his name does.
    const start = watch.map(() => 0);
    await waitFor(() => seenOnEvery(start, 'Bob Tane') && seenOnEvery(start, ANA_ORG), 'presence of Ana and Bob reaches Carol');
    expect(bytesSince(start)).not.toContain(BOB_ORG);
    await waitFor(() => presenceOf(carolBoard, bobBoard!)?.user?.name === 'Bob Tane', 'Bob in Carol’s presence');
    expect(presenceOf(carolBoard, bobBoard!)?.user).not.toHaveProperty('organisation');
    expect(presenceOf(carolBoard, anaBoard!)?.user?.organisation).toBe(ANA_ORG);

    // Ana withdraws while connected: her presence is stamped again at once, without the organisation.
    const beforeWithdrawal = marks();
    const put = (token: string, over: Record<string, unknown>) => call('PUT', `/api/workshops/${w.id}/directory/me`, token, profile(over));
    expect((await put(ana.token, { listed: false, show: ['organisation'] })).status).toBe(200);
    await waitFor(() => seenOnEvery(beforeWithdrawal, 'Ana Lima'), 'Ana’s presence re-sent after she withdrew');
    await waitFor(
      () => presenceOf(carolBoard, anaBoard!)?.user?.organisation === undefined,
      'Ana’s organisation gone from Carol’s presence',
    );
    for (const c of present) c.provider.awareness.setLocalStateField('cursor', { x: 3, y: 4 });
    await waitFor(() => seenOnEvery(beforeWithdrawal, '"x":3'), 'later cursor moves reach Carol');
    expect(bytesSince(beforeWithdrawal)).not.toContain(ANA_ORG);
    expect(bytesSince(beforeWithdrawal)).not.toContain(BOB_ORG);

    // Bob now shows his organisation: it appears live, on every room, without a reconnect.
    const beforeBob = marks();
    expect((await put(bob.token, { show: ['organisation'] })).status).toBe(200);
    await waitFor(() => seenOnEvery(beforeBob, BOB_ORG), 'Bob’s organisation, once shown, reaches Carol');
    await waitFor(() => presenceOf(carolBoard, bobBoard!)?.user?.organisation === BOB_ORG, 'Bob’s organisation in Carol’s presence');
  });

  it('re-stamps a socket that read its person’s choice just before they changed it, while its room was opening', async () => {
    const { w, ana, carol } = await workshopWithPeople();
    const name = `${w.id}/board`;
    // The board's load is held: Ana's socket has read her profile (listed, organisation shown) and waits.
    let held = false;
    const gate = new Promise<void>((r) => (releaseLoad = r));
    wrapHooks = (room, rules) =>
      room !== name
        ? rules
        : {
            ...rules,
            prepare: async () => {
              held = true;
              await gate;
              await rules?.prepare?.();
            },
          };
    const anaBoard = connectClient(server.ws, name, ana.token);
    await waitFor(() => held, 'the board is opening');
    // She withdraws meanwhile: no room is loaded yet for the change to re-stamp.
    expect(
      (await call('PUT', `/api/workshops/${w.id}/directory/me`, ana.token, profile({ listed: false, show: ['organisation'] }))).status,
    ).toBe(200);
    releaseLoad!();
    await waitFor(() => anaBoard.provider.synced, 'Ana in the room');
    anaBoard.provider.awareness.setLocalStateField('cursor', { x: 7, y: 7 });
    const watch = rawSocket(wsUrl(server.ws, name, carol.token));
    sockets.push(watch);
    const carolBoard = await connectSynced(server.ws, name, carol.token);
    await waitFor(() => presenceOf(carolBoard, anaBoard)?.cursor?.x === 7, 'Carol sees Ana');
    expect(presenceOf(carolBoard, anaBoard)?.user?.name).toBe('Ana Lima');
    expect(presenceOf(carolBoard, anaBoard)?.user).not.toHaveProperty('organisation');
    expect(Buffer.concat(watch.messages.map((m) => Buffer.from(m))).toString('utf8')).not.toContain('City of Porto');
  });

  it('lists the consenting people of the series’ other workshops, with only what they chose, to the series’ people only', async () => {
    const { w: lyon, ana, bob } = await workshopWithPeople();
    const porto = await createWorkshop(server.app, { title: 'Porto session', themes: THEMES });
    const dan = await joinAsParticipant(server.app, porto.id, 'Dan Silva', { organisation: 'DAN-ORG-PRIVATE' });
    // Not in a series yet: nothing to list.
    expect(JSON.parse((await call('GET', `/api/workshops/${porto.id}/directory/series`, dan.token)).raw)).toEqual({ series: null });
    const created = await call('POST', '/api/series', porto.facilitatorToken, { title: 'Cities that move' });
    expect(created.status).toBe(201);
    const seriesId = JSON.parse(created.raw).id;
    expect((await call('POST', `/api/series/${seriesId}/workshops`, porto.facilitatorToken, { token: lyon.facilitatorToken })).status).toBe(
      201,
    );

    const { status, raw } = await call('GET', `/api/workshops/${porto.id}/directory/series`, dan.token);
    expect(status).toBe(200);
    expect(JSON.parse(raw)).toEqual({
      series: {
        title: 'Cities that move',
        workshops: [
          {
            title: 'Cross-border mobility',
            people: [
              {
                personId: ana.participantId,
                name: 'Ana Lima',
                organisation: 'City of Porto',
                canHelp: 'Data sharing agreements between cities',
                themes: ['mobility'],
              },
            ],
          },
        ],
      },
    });
    // Bob is not listed; Ana's unchosen fields stay home; Lyon's id is not handed out.
    for (const secret of PRIVATE) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('Bob Tane');
    expect(raw).not.toContain(bob.participantId);
    expect(raw).not.toContain(lyon.id);

    // And the other way: Dan, unlisted, is not shown to Lyon's people; once listed, only what he chose.
    const fromLyon = await call('GET', `/api/workshops/${lyon.id}/directory/series`, bob.token);
    expect(JSON.parse(fromLyon.raw)).toEqual({ series: { title: 'Cities that move', workshops: [] } });
    await call('PUT', `/api/workshops/${porto.id}/directory/me`, dan.token, profile({ show: ['country'], role: 'DAN-ROLE-PRIVATE' }));
    const listed = await call('GET', `/api/workshops/${lyon.id}/directory/series`, bob.token);
    expect(JSON.parse(listed.raw).series.workshops).toEqual([
      { title: 'Porto session', people: [{ personId: dan.participantId, name: 'Dan Silva', country: 'Portugal' }] },
    ]);
    expect(listed.raw).not.toContain('DAN-ORG-PRIVATE');
    expect(listed.raw).not.toContain('DAN-ROLE-PRIVATE');

    // Withdrawn: gone from the series directory in the next response.
    await call('PUT', `/api/workshops/${lyon.id}/directory/me`, ana.token, profile({ listed: false }));
    const after = await call('GET', `/api/workshops/${porto.id}/directory/series`, dan.token);
    expect(after.raw).not.toContain('Ana Lima');

    // Nobody outside the series' workshops, and nobody without a token.
    const outsider = await createWorkshop(server.app);
    expect((await call('GET', `/api/workshops/${porto.id}/directory/series`, outsider.facilitatorToken)).status).toBe(403);
    expect((await call('GET', `/api/workshops/${porto.id}/directory/series`)).status).toBe(401);
  });

  it('suggests people to meet only among listed people, only to listed people, with common hours and an .ics', async () => {
    const { w, ana, bob, carol } = await workshopWithPeople();
    // Carol (Bogotá) lists herself looking for what Ana can help with.
    await call(
      'PUT',
      `/api/workshops/${w.id}/directory/me`,
      carol.token,
      profile({ show: ['lookingFor', 'themes'], lookingFor: 'Agreements for data sharing', themes: ['mobility'] }),
    );
    const forCarol = JSON.parse((await call('GET', `/api/workshops/${w.id}/directory/suggestions`, carol.token)).raw);
    expect(forCarol.listed).toBe(true);
    expect(forCarol.suggestions.map((s: { entry: { name: string }; reasons: string[] }) => [s.entry.name, s.reasons])).toEqual([
      ['Ana Lima', ['themes', 'canHelpYou']],
    ]);
    const [toAna] = forCarol.suggestions;
    // Lisbon and Bogotá share working hours every weekday; the .ics proposes the first.
    expect(toAna.sharedHours.length).toBeGreaterThan(10);
    expect(toAna.ics).toContain('BEGIN:VEVENT');
    // Bob is not listed: he is never suggested, and he is shown no one.
    const forBob = await call('GET', `/api/workshops/${w.id}/directory/suggestions`, bob.token);
    expect(JSON.parse(forBob.raw)).toEqual({ listed: false, suggestions: [] });
    const raw = (await call('GET', `/api/workshops/${w.id}/directory/suggestions`, ana.token)).raw;
    expect(raw).not.toContain('Bob Tane');
    for (const secret of PRIVATE) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('America/Bogota');
  });

  it('refuses a profile past its limits, a contact that is not an address or a link, and a theme the workshop lacks', async () => {
    const { w, carol } = await workshopWithPeople();
    const put = (over: Record<string, unknown>) => call('PUT', `/api/workshops/${w.id}/directory/me`, carol.token, profile(over));
    expect((await put({ canHelp: 'x'.repeat(MAX_DIRECTORY_TEXT_LENGTH) })).status).toBe(200);
    const past = await put({ canHelp: 'x'.repeat(MAX_DIRECTORY_TEXT_LENGTH + 1) });
    expect(past.status).toBe(400);
    expect(JSON.parse(past.raw).error.code).toBe('INVALID_BODY');
    expect((await put({ contact: 'javascript:alert(1)' })).status).toBe(400);
    expect((await put({ themes: ['not a theme'] })).status).toBe(400);
    expect((await put({ show: ['email'] })).status).toBe(400);
  });
});
