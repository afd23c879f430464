import { describe, expect, it } from 'vitest';
import { boardNotes, createNote, setAsyncWindow } from '@crossboard/model';
import { connectSynced, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const HOUR = 3_600_000;
const addNote = (c: TestClient, text: string) => {
  let id = '';
  c.doc.transact(() => {
    id = createNote(boardNotes(c.doc), { phase: 'painPoints', text });
  });
  return id;
};

describe('between live sessions', () => {
  it('refuses a participant’s note until the facilitator opens an async window, then keeps it', async () => {
    const start = Date.now() + 3 * 24 * HOUR;
    const w = await createWorkshop(server.app, {
      sessions: [{ label: 'Session 1', start: new Date(start).toISOString(), end: new Date(start + 2 * HOUR).toISOString() }],
    });
    const fiji = await joinAsParticipant(server.app, w.id, 'Mere', { timeZone: 'Pacific/Fiji' });
    const board = await connectSynced(server.ws, `${w.id}/board`, fiji.token);
    const watcher = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);

    // Every note id the watcher ever holds, however briefly.
    const watcherHeld = new Set<string>();
    boardNotes(watcher.doc).observe((event) => {
      for (const key of event.keysChanged) if (boardNotes(watcher.doc).has(key)) watcherHeld.add(key);
    });
    const early = addNote(board, 'Written while the board is closed');
    // The server takes the note back: the writer's board loses it, nobody else ever holds it.
    await waitFor(() => !boardNotes(board.doc).has(early), 'closed board refuses the note');
    // A facilitator's note (facilitators may write a closed board) goes through the room's
    // queue after the refused one, so once the watcher has it, anything the server sent the
    // watcher about the refused note has arrived too.
    const marker = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const after = addNote(marker, 'Marker sent after the refusal');
    await waitFor(() => boardNotes(watcher.doc).has(after), 'the watcher receives the later marker');
    expect(watcherHeld.has(early)).toBe(false);
    expect(boardNotes(watcher.doc).has(early)).toBe(false);

    control.doc.transact(() => setAsyncWindow(control.doc, 'painPoints', { opensAt: Date.now() - HOUR, closesAt: Date.now() + 48 * HOUR }));
    await waitFor(() => {
      const state = server.app.crossboard.rooms.loaded(`${w.id}/control`)?.document.getMap('state');
      return state?.get('asyncWindows') !== undefined;
    }, 'server has the window');

    const inWindow = addNote(board, 'Island ferries share no data with the mainland');
    await waitFor(() => boardNotes(watcher.doc).has(inWindow), 'the facilitator receives the note');
    // A refusal travels in the same update as the note, so a note others received is kept.
    expect(boardNotes(board.doc).has(inWindow)).toBe(true);
    expect((boardNotes(watcher.doc).get(inWindow)!.get('author') as { name: string }).name).toBe('Mere');
  });
});
