import { describe, expect, it } from 'vitest';
import { boardNotes, controlState, createNote, draftNotes, noteContent, plainText, type NewNote } from '@crossboard/model';
import { connectSynced, rawSocket, waitFor, wsUrl, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

function draft(c: TestClient, init: NewNote): string {
  let id = '';
  c.doc.transact(() => {
    id = createNote(draftNotes(c.doc), init);
  });
  return id;
}

async function draftsWorkshop() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana', { organisation: 'City of Porto' });
  const ben = await joinAsParticipant(server.app, w.id, 'Ben', { organisation: 'Region of Galicia' });
  const carla = await joinAsParticipant(server.app, w.id, 'Carla', { organisation: 'Interreg' });
  const drafts = (p: { participantId: string }) => `${w.id}/drafts/${p.participantId}`;
  return { w, ana, ben, carla, drafts, base: `/api/workshops/${w.id}` };
}

const serverDrafts = (room: string) => server.app.crossboard.rooms.loaded(room)?.document;

describe('private drafts', () => {
  it("never sends a participant's drafts to another participant's socket", async () => {
    const { w, ana, ben, drafts } = await draftsWorkshop();
    const refused = rawSocket(wsUrl(server.ws, drafts(ana), ben.token));
    expect(await refused.closed).toEqual({ code: 4403, reason: 'Your role may not read this room.' });
    expect(refused.messages).toHaveLength(0);

    // Ben listens on every room he may open, as raw sockets that keep every byte.
    const rooms = [`${w.id}/board`, `${w.id}/control`, `${w.id}/report`, drafts(ben)];
    const listeners = rooms.map((room) => rawSocket(wsUrl(server.ws, room, ben.token)));
    await Promise.all(listeners.map((l) => l.opened));

    const anaDrafts = await connectSynced(server.ws, drafts(ana), ana.token);
    const secret = 'SECRET-DRAFT-about-the-ministry';
    const id = draft(anaDrafts, { phase: 'painPoints', text: secret });
    await waitFor(() => serverDrafts(drafts(ana))?.getMap('notes').has(id), 'draft stored');
    // Something Ben may see, sent after the draft: once it reaches him, so would have the draft.
    const facilitatorBoard = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const marker = createNote(boardNotes(facilitatorBoard.doc), { phase: 'visions', text: 'public marker' });
    await waitFor(() => Buffer.concat(listeners[0]!.messages).includes(marker), 'marker reached Ben');

    const everything = Buffer.concat(listeners.flatMap((l) => l.messages));
    expect(everything.byteLength).toBeGreaterThan(0);
    expect(everything.includes(secret)).toBe(false);
    expect(everything.includes(id)).toBe(false);
    for (const l of listeners) l.ws.close();
  });
});

describe('drafts commands', () => {
  it('counts drafts per participant and lets the facilitator remove one', async () => {
    const { w, ana, ben, drafts, base } = await draftsWorkshop();
    const anaDrafts = await connectSynced(server.ws, drafts(ana), ana.token);
    const keep = draft(anaDrafts, { phase: 'painPoints', text: 'keep me' });
    const remove = draft(anaDrafts, { phase: 'painPoints', text: 'offensive' });
    await waitFor(() => serverDrafts(drafts(ana))?.getMap('notes').size === 2, 'drafts stored');

    const summary = await server.call('GET', `${base}/drafts`, w.facilitatorToken);
    expect(summary.statusCode).toBe(200);
    expect(summary.json().drafts).toEqual([
      {
        personId: ana.participantId,
        name: 'Ana',
        count: 2,
        notes: expect.arrayContaining([
          { id: keep, length: 'keep me'.length },
          { id: remove, length: 'offensive'.length },
        ]),
      },
      { personId: ben.participantId, name: 'Ben', count: 0, notes: [] },
      expect.objectContaining({ name: 'Carla', count: 0, notes: [] }),
    ]);
    expect(summary.json().drafts[0].notes).toHaveLength(2);
    // Ids and lengths to moderate by, never the words: drafts reach nobody before reveal.
    expect(summary.body).not.toContain('offensive');
    expect(summary.body).not.toContain('keep me');
    expect((await server.call('GET', `${base}/drafts`, ana.token)).statusCode).toBe(403);

    expect((await server.call('DELETE', `${base}/drafts/${ana.participantId}/${remove}`, ana.token)).statusCode).toBe(403);
    expect((await server.call('DELETE', `${base}/drafts/${ana.participantId}/${remove}`, w.facilitatorToken)).statusCode).toBe(200);
    await waitFor(() => !draftNotes(anaDrafts.doc).has(remove), 'the owner sees the draft removed');
    expect(draftNotes(anaDrafts.doc).has(keep)).toBe(true);
    const again = await server.call('DELETE', `${base}/drafts/${ana.participantId}/${remove}`, w.facilitatorToken);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('DRAFT_NOT_FOUND');
  });

  it('reveals every draft on the board in one update a third client receives at once', async () => {
    const { w, ana, ben, carla, drafts, base } = await draftsWorkshop();
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    control.doc.getMap('state').set('drafting', true);
    const anaDrafts = await connectSynced(server.ws, drafts(ana), ana.token);
    const benDrafts = await connectSynced(server.ws, drafts(ben), ben.token);
    const ids = [
      draft(anaDrafts, { phase: 'painPoints', text: 'Ana one', author: { id: 'forged', name: 'Mallory', organisation: 'x' } }),
      draft(anaDrafts, { phase: 'painPoints', text: 'Ana two' }),
      draft(benDrafts, { phase: 'visions', text: 'Ben one' }),
    ];
    await waitFor(
      () => serverDrafts(drafts(ana))?.getMap('notes').size === 2 && serverDrafts(drafts(ben))?.getMap('notes').size === 1,
      'drafts stored',
    );
    // Ben disconnects: his drafts room is loaded from storage for the reveal.
    benDrafts.destroy();

    const carlaBoard = await connectSynced(server.ws, `${w.id}/board`, carla.token);
    const arrivals: number[] = [];
    boardNotes(carlaBoard.doc).observe((event) => arrivals.push(event.keysChanged.size));

    const res = await server.call('POST', `${base}/drafts/reveal`, w.facilitatorToken, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ moved: 3 });
    await waitFor(() => boardNotes(carlaBoard.doc).size === 3, 'revealed notes reach the third client');
    expect(arrivals).toEqual([3]);

    const notes = boardNotes(carlaBoard.doc);
    expect(ids.map((id) => plainText(noteContent(notes.get(id)!)))).toEqual(['Ana one', 'Ana two', 'Ben one']);
    // Neither is listed in the directory: no organisation on the stamp (author-consent.test.ts).
    expect(notes.get(ids[0]!)!.get('author')).toEqual({ id: ana.participantId, name: 'Ana', organisation: '' });
    expect(notes.get(ids[2]!)!.get('author')).toEqual({ id: ben.participantId, name: 'Ben', organisation: '' });

    await waitFor(() => draftNotes(anaDrafts.doc).size === 0, "the owner's drafts are emptied");
    expect(await server.app.crossboard.rooms.use(drafts(ben), (room) => draftNotes(room.document).size)).toBe(0);
    await waitFor(() => controlState(control.doc).get('drafting') === false, 'drafting switched off');
    const versions = (await server.call('GET', `${base}/versions`, w.facilitatorToken)).json().versions as { reason: string }[];
    expect(versions.map((v) => v.reason)).toContain('reveal');

    // A second reveal has nothing left to move.
    expect((await server.call('POST', `${base}/drafts/reveal`, w.facilitatorToken, {})).json()).toEqual({ moved: 0 });
    expect((await server.call('POST', `${base}/drafts/reveal`, ana.token, {})).statusCode).toBe(403);
  });
});
