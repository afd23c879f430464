import { describe, expect, it } from 'vitest';
import { controlState, MAX_AGENDA_ITEMS, readOwnSessionAgendas, readPhaseQuestions, readSessionAgenda, roomName } from '@crossboard/model';
import { MAX_SESSIONS } from '../src/limits.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const control = (id: string) =>
  server.app.crossboard.rooms.use(roomName({ workshopId: id, kind: 'control' }), (room) => ({
    questions: readPhaseQuestions(room.document),
    agenda: readSessionAgenda(room.document),
    state: controlState(room.document).toJSON(),
  }));

const me = (id: string, token: string) =>
  server.app.inject({ method: 'GET', url: `/api/workshops/${id}`, headers: { authorization: `Bearer ${token}` } });

describe('setting a workshop up from the wizard', () => {
  it('brings the cross-border questions and its 150-minute agenda', async () => {
    const w = await createWorkshop(server.app, { title: 'Borders', template: 'cross-border' });
    const { questions, agenda } = await control(w.id);
    expect(questions.painPoints).toMatch(/hard/);
    expect(questions.recommendations).toMatch(/action steps/);
    expect(agenda.reduce((n, i) => n + i.minutes, 0)).toBe(150);
  });

  it('names the facilitator and their organisation instead of "Facilitator"', async () => {
    const w = await createWorkshop(server.app, { title: 'Borders', facilitatorName: 'Ana Ruiz', facilitatorOrganisation: 'OPSI' });
    expect((await me(w.id, w.facilitatorToken)).json().you).toMatchObject({ name: 'Ana Ruiz', organisation: 'OPSI' });
  });

  it('gives a session its own agenda, by position, while the others follow the shared one', async () => {
    const own = [{ kind: 'plenary', minutes: 150 }];
    const w = await createWorkshop(server.app, {
      title: 'Borders',
      template: 'cross-border',
      homeTimeZone: 'Europe/Paris',
      sessions: [
        { label: 'Session 1', start: '2027-06-03T15:30', end: '2027-06-03T18:00' },
        { label: 'Session 2', start: '2027-06-07T09:00', end: '2027-06-07T11:30' },
      ],
      sessionAgendas: [null, own],
    });
    const own2 = await server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'control' }), (room) =>
      readOwnSessionAgendas(room.document),
    );
    // 7 June 09:00 in Paris (CEST) is 07:00 UTC.
    expect(own2).toEqual([{ session: Date.UTC(2027, 5, 7, 7, 0), items: own }]);
  });

  it('refuses per-session agendas past the caps or for sessions that do not exist', async () => {
    const post = (payload: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'X', ...payload } });
    const sessions = Array.from({ length: MAX_SESSIONS + 1 }, (_, i) => ({
      label: `S${i + 1}`,
      start: `2027-07-${String(i + 1).padStart(2, '0')}T10:00`,
      end: `2027-07-${String(i + 1).padStart(2, '0')}T11:00`,
    }));
    const item = { kind: 'other', minutes: 5 };
    expect(
      (await post({ sessions: sessions.slice(0, MAX_SESSIONS), sessionAgendas: sessions.slice(0, MAX_SESSIONS).map(() => [item]) }))
        .statusCode,
    ).toBe(201);
    expect((await post({ sessions, sessionAgendas: sessions.map(() => [item]) })).statusCode).toBe(400);
    const one = sessions.slice(0, 1);
    expect((await post({ sessions: one, sessionAgendas: [Array.from({ length: MAX_AGENDA_ITEMS }, () => item)] })).statusCode).toBe(201);
    expect((await post({ sessions: one, sessionAgendas: [Array.from({ length: MAX_AGENDA_ITEMS + 1 }, () => item)] })).statusCode).toBe(
      400,
    );
    const extra = await post({ sessions: one, sessionAgendas: [null, [item]] });
    expect(extra.statusCode).toBe(400);
    expect(JSON.stringify(extra.json())).toMatch(/more entries than body\/sessions/);
    expect((await post({ sessions: one, sessionAgendas: [[{ kind: 'nap', minutes: 5 }]] })).statusCode).toBe(400);
  });

  it('keeps the language the facilitator set the workshop up in, for their console in any browser', async () => {
    const w = await createWorkshop(server.app, { title: 'Fronteras', facilitatorName: 'Ana Ruiz', facilitatorLanguage: 'es' });
    expect((await me(w.id, w.facilitatorToken)).json().you).toMatchObject({ language: 'es' });
    const plain = await createWorkshop(server.app, { title: 'Borders' });
    expect((await me(plain.id, plain.facilitatorToken)).json().you).toMatchObject({ language: 'en' });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/workshops',
      payload: { title: 'Grenzen', facilitatorLanguage: 'de' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/facilitatorLanguage/);
  });

  it('keeps the request’s own questions, agenda and switches over the template’s', async () => {
    const w = await createWorkshop(server.app, {
      title: 'Borders',
      template: 'cross-border',
      phaseQuestions: { visions: 'What would ten years of it look like?' },
      agenda: [{ kind: 'phase', phase: 'visions', minutes: 40 }],
      drafting: true,
      anonymous: true,
    });
    const { questions, agenda, state } = await control(w.id);
    expect(questions.visions).toBe('What would ten years of it look like?');
    expect(questions.painPoints).toMatch(/hard/);
    expect(agenda).toEqual([{ kind: 'phase', phase: 'visions', minutes: 40 }]);
    expect(state).toMatchObject({ drafting: true, anonymous: true });
  });

  it('refuses an oversized organisation or a malformed agenda item', async () => {
    const long = await server.app.inject({
      method: 'POST',
      url: '/api/workshops',
      payload: { title: 'X', facilitatorOrganisation: 'o'.repeat(151) },
    });
    expect(long.statusCode).toBe(400);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/workshops',
      payload: { title: 'X', agenda: [{ kind: 'nap', minutes: 5 }] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the participant link to facilitators only', async () => {
    const w = await createWorkshop(server.app, { title: 'Borders' });
    expect((await me(w.id, w.facilitatorToken)).json().joinUrl).toBe(w.joinUrl);
    const join = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/join`,
      payload: { name: 'Sam', organisation: 'City', country: 'UAE', timeZone: 'Asia/Dubai', language: 'en' },
    });
    expect((await me(w.id, join.json().token)).json().joinUrl).toBeUndefined();
  });
});
