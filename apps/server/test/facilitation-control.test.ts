import { describe, expect, it } from 'vitest';
import { boardNotes, controlState, createNote } from '@crossboard/model';
import { connectSynced, rawSocket, waitFor, wsUrl, presenceOf } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

describe('the control room is the facilitator’s', () => {
  it("drops a participant's forged unlock, voting and tallies: no one receives them and the lock still holds", async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const room = `${w.id}/control`;
    const facilitator = await connectSynced(server.ws, room, w.facilitatorToken);
    facilitator.doc.getMap('state').set('locks', { painPoints: true });
    const anaControl = await connectSynced(server.ws, room, ana.token);
    await waitFor(() => JSON.stringify(controlState(anaControl.doc).get('locks')) === '{"painPoints":true}', 'lock reaches Ana');
    // Ben's bare socket keeps every byte the control room sends him.
    const benSocket = rawSocket(wsUrl(server.ws, room, ben.token));
    await benSocket.opened;
    const benReceived = () => Buffer.concat(benSocket.messages).toString('latin1');

    anaControl.doc.transact(() => {
      const state = controlState(anaControl.doc);
      state.set('locks', { painPoints: false });
      state.set('voting', { phase: 'painPoints', target: 'notes', votesPerPerson: 50, status: 'open' });
      state.set('tallies', { 'forged-item': 99 });
    });
    // Awareness travels after the writes on the same socket: once it arrives they were handled.
    anaControl.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => presenceOf(facilitator, anaControl) !== undefined, 'awareness relayed');
    await waitFor(() => benReceived().includes('"Ana"'), "Ana's awareness reached Ben");

    const received = benReceived();
    expect(received).not.toContain('forged-item');
    expect(received).not.toContain('votesPerPerson');
    expect(controlState(facilitator.doc).get('tallies')).toBeUndefined();
    const serverState = server.app.crossboard.rooms.loaded(room)!.document.getMap('state');
    expect(serverState.get('locks')).toEqual({ painPoints: true });
    expect(serverState.has('voting')).toBe(false);

    // Ana's own copy says unlocked; the server's does not, and the board follows the server.
    const anaBoard = await connectSynced(server.ws, `${w.id}/board`, ana.token);
    let id = '';
    anaBoard.doc.transact(() => {
      id = createNote(boardNotes(anaBoard.doc), { phase: 'painPoints', text: 'sneaked in' });
    });
    await waitFor(() => !boardNotes(anaBoard.doc).has(id), 'note on the locked phase removed');
    benSocket.ws.close();
  });
});
