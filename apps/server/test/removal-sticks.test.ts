import { describe, expect, it } from 'vitest';
import { boardNotes, createNote, listNotes } from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const person = { organisation: 'City of Porto', country: 'Portugal', timeZone: 'Europe/Lisbon', language: 'en' };
const join = (id: string, name: string, url = `/api/workshops/${id}/join`) =>
  server.app.inject({ method: 'POST', url, payload: { name, ...person } });
const setJoining = (id: string, token: string, open: boolean) =>
  server.app.inject({ method: 'PUT', url: `/api/workshops/${id}/joining`, headers: auth(token), payload: { open } });

describe('removing someone together with their notes', () => {
  it('deletes every note they wrote over their socket, after a version that restores them', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const anaBoard = await connectSynced(server.ws, `${w.id}/board`, ana.token);
    const benBoard = await connectSynced(server.ws, `${w.id}/board`, ben.token);
    const me = (p: { participantId: string }, name: string) => ({ id: p.participantId, name, organisation: person.organisation });
    createNote(boardNotes(anaBoard.doc), { phase: 'painPoints', text: 'Spam one', author: me(ana, 'Ana') });
    createNote(boardNotes(anaBoard.doc), { phase: 'visions', text: 'Spam two', author: me(ana, 'Ana') });
    createNote(boardNotes(benBoard.doc), { phase: 'painPoints', text: 'A real pain point', author: me(ben, 'Ben') });
    await waitFor(() => boardNotes(benBoard.doc).size === 3 || null, 'all three notes reach Ben');

    const res = await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}?notes=remove`,
      headers: auth(w.facilitatorToken),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, notesRemoved: 2, versionId: expect.any(String) });
    await waitFor(() => boardNotes(benBoard.doc).size === 1 || null, 'Ana’s notes leave Ben’s board');
    expect(listNotes(benBoard.doc, 'painPoints').map((n) => n.author?.name)).toEqual(['Ben']);

    const restored = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/versions/${res.json().versionId}/restore`,
      headers: auth(w.facilitatorToken),
    });
    expect(restored.statusCode).toBe(200);
    await waitFor(() => boardNotes(benBoard.doc).size === 3 || null, 'restoring the version brings them back');
  });

  it('keeps their notes unless asked, and refuses an unknown choice with 400', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const bad = await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}?notes=everything`,
      headers: auth(w.facilitatorToken),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_BODY');
    const kept = await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}`,
      headers: auth(w.facilitatorToken),
    });
    expect(kept.json()).toEqual({ ok: true });
  });
});

describe('closing joining', () => {
  it('refuses new participants with 403 JOINING_CLOSED until the facilitator reopens it', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    expect((await setJoining(w.id, ana.token, false)).statusCode).toBe(403);

    const closed = await setJoining(w.id, w.facilitatorToken, false);
    expect(closed.json()).toEqual({ joiningOpen: false });
    expect((await server.app.inject({ method: 'GET', url: `/api/workshops/${w.id}/public` })).json()).toMatchObject({ joiningOpen: false });
    await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}`,
      headers: auth(w.facilitatorToken),
    });

    const back = await join(w.id, 'Ana under another name');
    expect(back.statusCode).toBe(403);
    expect(back.json().error).toEqual({
      code: 'JOINING_CLOSED',
      message: 'This workshop is not taking new participants; ask the facilitator to reopen joining.',
    });

    await setJoining(w.id, w.facilitatorToken, true);
    expect((await join(w.id, 'Carla')).statusCode).toBe(201);
  });

  it('after the link is rotated, the old link brings no one back', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}`,
      headers: auth(w.facilitatorToken),
    });
    const rotated = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/join-link/rotate`,
      headers: auth(w.facilitatorToken),
    });
    const code = new URL(rotated.json().joinUrl, 'http://x').searchParams.get('code')!;

    const old = await join(w.id, 'Ana again');
    expect(old.statusCode).toBe(403);
    expect(old.json().error.code).toBe('JOIN_CODE_INVALID');
    const withNew = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/join`,
      payload: { name: 'Dario', code, ...person },
    });
    expect(withNew.statusCode).toBe(201);
  });
});
