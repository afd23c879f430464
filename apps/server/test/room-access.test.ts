import { describe, expect, it } from 'vitest';
import { boardNotes, createNote, createRecommendation, reportRecommendations } from '@crossboard/model';
import { connectSynced, rawSocket, text, waitFor, wsUrl, presenceOf } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

async function closeOf(room: string, token?: string) {
  const sock = rawSocket(wsUrl(server.ws, room, token));
  const closed = await sock.closed;
  return { ...closed, received: sock.messages.length };
}

describe('who may open which room', () => {
  it('refuses a missing token with 4401', async () => {
    const w = await createWorkshop(server.app);
    expect(await closeOf(`${w.id}/board`)).toEqual({ code: 4401, reason: 'Missing token.', received: 0 });
  });

  it('refuses a forged token with 4401', async () => {
    const w = await createWorkshop(server.app);
    const [payload] = w.facilitatorToken.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), r: 'facilitator', p: 'someone' }),
    ).toString('base64url');
    for (const token of [`${payload}.AAAA`, `${forgedPayload}.${w.facilitatorToken.split('.')[1]}`, 'garbage']) {
      const closed = await closeOf(`${w.id}/board`, token);
      expect(closed.code).toBe(4401);
      expect(closed.reason).toBe('Invalid token.');
      expect(closed.received).toBe(0);
    }
  });

  it('refuses a bad room name with 4400', async () => {
    const w = await createWorkshop(server.app);
    expect((await closeOf(`${w.id}/secrets`, w.facilitatorToken)).code).toBe(4400);
  });

  it('refuses anyone but the owner opening a drafts room with 4403: drafts reach nobody before reveal', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const anasDrafts = `${w.id}/drafts/${ana.participantId}`;
    const closed = await closeOf(anasDrafts, ben.token);
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/may not read/);
    expect(closed.received).toBe(0);

    const owner = await connectSynced(server.ws, anasDrafts, ana.token);
    const id = createNote(boardNotes(owner.doc), { phase: 'painPoints', text: 'private idea' });
    await waitFor(
      () =>
        server.app.crossboard.rooms.loaded(anasDrafts)?.document &&
        boardNotes(server.app.crossboard.rooms.loaded(anasDrafts)!.document).has(id),
      'stored',
    );
    // The facilitator (and a co-facilitator) get counts over HTTP, never the text.
    const facilitator = await closeOf(anasDrafts, w.facilitatorToken);
    expect(facilitator).toEqual({ code: 4403, reason: expect.stringMatching(/may not read/), received: 0 });
    expect(boardNotes(owner.doc).has(id)).toBe(true);
  });

  it('refuses a token from another workshop with 4403', async () => {
    const w = await createWorkshop(server.app);
    const other = await createWorkshop(server.app);
    expect((await closeOf(`${w.id}/board`, other.facilitatorToken)).code).toBe(4403);
  });

  it("drops a participant's writes to the control room: they never reach anyone else", async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/control`;
    const facilitator = await connectSynced(server.ws, room, w.facilitatorToken);
    const participant = await connectSynced(server.ws, room, ana.token);
    const bystander = await connectSynced(server.ws, room, (await joinAsParticipant(server.app, w.id, 'Ben')).token);

    participant.doc.getMap('state').set('phase', 'recommendations');
    participant.doc.getMap('settings').set('title', 'Hijacked');
    // Awareness is allowed and travels on the same socket after the writes: once others see
    // it, the server has already handled (and dropped) the writes before it.
    participant.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    for (const doc of [facilitator, bystander]) {
      await waitFor(() => presenceOf(doc, participant) !== undefined, 'awareness relayed');
    }
    for (const other of [facilitator, bystander]) {
      expect(other.doc.getMap('settings').get('title')).toBe('Cross-border mobility');
      expect(other.doc.getMap('state').has('phase')).toBe(false);
    }
    const late = await connectSynced(server.ws, room, w.facilitatorToken);
    expect(late.doc.getMap('settings').get('title')).toBe('Cross-border mobility');
    expect(late.doc.getMap('state').has('phase')).toBe(false);

    // The facilitator's writes do go through.
    facilitator.doc.getMap('state').set('phase', 'visions');
    await waitFor(() => bystander.doc.getMap('state').get('phase') === 'visions', 'facilitator write relayed');
  });

  it('closes a removed person with 4410 and refuses them from then on', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const sock = rawSocket(wsUrl(server.ws, `${w.id}/board`, ana.token));
    await sock.opened;
    await waitFor(() => sock.messages.length > 0, 'server said hello');
    const res = await server.app.inject({
      method: 'DELETE',
      url: `/api/workshops/${w.id}/people/${ana.participantId}`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect((await sock.closed).code).toBe(4410);
    const again = await closeOf(`${w.id}/board`, ana.token);
    expect(again).toEqual({ code: 4410, reason: 'You were removed from this workshop.', received: 0 });
  });

  it('lets an organiser read the board but not write it', async () => {
    const w = await createWorkshop(server.app);
    const inv = await server.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/invitations`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
      payload: { role: 'organiser' },
    });
    const organiser = await connectSynced(server.ws, `${w.id}/board`, inv.json().token);
    const facilitator = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    organiser.doc.getText('text').insert(0, 'organiser edit');
    organiser.provider.awareness.setLocalStateField('user', { name: 'Olga' });
    await waitFor(() => presenceOf(facilitator, organiser) !== undefined, 'awareness after the write');
    expect(text(facilitator.doc)).toBe('');
    expect(server.app.crossboardBackend.sqlite!.loadDocument(`${w.id}/board`).updates).toHaveLength(0);
  });

  it('lets participants write the report only while the facilitator allows it', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const report = `${w.id}/report`;
    const facilitator = await connectSynced(server.ws, report, w.facilitatorToken);

    const before = await connectSynced(server.ws, report, ana.token);
    // A recommendation, as the report page writes one: an unknown top-level name would be dropped by the room's schema.
    createRecommendation(before.doc, { id: 'notYet', title: 'not yet' });
    before.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => presenceOf(facilitator, before) !== undefined, 'awareness after the write');
    expect(reportRecommendations(facilitator.doc).size).toBe(0);
    before.destroy();

    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    control.doc.getMap('state').set('participantsMayEditReport', true);
    await waitFor(
      () => server.app.crossboard.rooms.loaded(`${w.id}/control`)?.document.getMap('state').get('participantsMayEditReport') === true,
      'setting stored',
    );
    const after = await connectSynced(server.ws, report, ana.token);
    createRecommendation(after.doc, { id: 'nowAllowed', title: 'now allowed' });
    await waitFor(() => reportRecommendations(facilitator.doc).has('nowAllowed'), 'participant write relayed');
  });
});
