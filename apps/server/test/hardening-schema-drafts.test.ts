import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_EXTENT,
  MAX_NOTE_BYTES_PER_PERSON_PER_ROOM,
  MAX_NOTE_TEXT_LENGTH,
  boardNotes,
  createNote,
  draftNotes,
  noteContent,
  plainText,
} from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, item 7: drafts rooms had no rules. A stock Yjs client writes its own drafts room
 * past every cap the board has; before the drafts rules the reveal copied it all as it was.
 */

const server = useServer();

describe('a drafts room gets the board’s rules', () => {
  it('caps text, drops the cluster id and clamps the position, so reveal, export and import work', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/drafts/${ana.participantId}`;
    const drafts = await connectSynced(server.ws, room, ana.token);
    let id = '';
    drafts.doc.transact(() => {
      id = createNote(draftNotes(drafts.doc), { phase: 'painPoints', text: 'q'.repeat(50_000), clusterId: 'c1' });
      draftNotes(drafts.doc).get(id)!.set('x', 1e300);
    });
    const serverDoc = () => server.app.crossboard.rooms.loaded(room)?.document;
    await waitFor(() => serverDoc() && draftNotes(serverDoc()!).has(id), 'the draft is stored');
    const stored = draftNotes(serverDoc()!).get(id)!;
    expect(plainText(noteContent(stored))).toHaveLength(MAX_NOTE_TEXT_LENGTH);
    expect(stored.get('clusterId')).toBeNull();
    expect(stored.get('x')).toBe(BOARD_EXTENT);

    const reveal = await server.call('POST', `/api/workshops/${w.id}/drafts/reveal`, w.facilitatorToken, {});
    expect(reveal.json()).toEqual({ moved: 1 });
    const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const note = boardNotes(board.doc).get(id)!;
    expect(plainText(noteContent(note)).length).toBeLessThanOrEqual(MAX_NOTE_TEXT_LENGTH);
    expect(note.get('clusterId')).toBeNull();
    // Reveal lays drafts out in a tidy block: a place on the board, whatever the draft said.
    expect(Math.abs(note.get('x') as number)).toBeLessThanOrEqual(BOARD_EXTENT);
    expect(Math.abs(note.get('y') as number)).toBeLessThanOrEqual(BOARD_EXTENT);

    const json = await server.call('GET', `/api/workshops/${w.id}/export?format=json`, w.facilitatorToken);
    expect(json.statusCode).toBe(200);
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/workshops/import',
      payload: json.body,
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.statusCode).toBe(201);
  });

  it(`keeps one person's drafts under ${MAX_NOTE_BYTES_PER_PERSON_PER_ROOM / 1024} KiB, and reveal answers 200`, async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/drafts/${ana.participantId}`;
    const drafts = await connectSynced(server.ws, room, ana.token);
    const text = 'w'.repeat(MAX_NOTE_TEXT_LENGTH);
    const written = 2 * Math.ceil(MAX_NOTE_BYTES_PER_PERSON_PER_ROOM / MAX_NOTE_TEXT_LENGTH / 2) + 40;
    // In batches under the message limit; a marker after them proves the server has them all.
    for (let batch = 0; batch < written; batch += 100) {
      drafts.doc.transact(() => {
        for (let i = batch; i < Math.min(written, batch + 100); i++) {
          createNote(draftNotes(drafts.doc), { phase: i % 2 ? 'painPoints' : 'visions', text });
        }
      });
    }
    const serverDoc = () => server.app.crossboard.rooms.loaded(room)!.document;
    const stored = () => draftNotes(serverDoc()).size;
    await waitFor(
      () => draftNotes(drafts.doc).size < written && draftNotes(drafts.doc).size === stored(),
      'the drafts past the quota are taken back',
    );
    expect(stored()).toBeLessThan(written);
    expect(Y.encodeStateAsUpdate(serverDoc()).byteLength).toBeLessThan(MAX_NOTE_BYTES_PER_PERSON_PER_ROOM * 1.2);
    const reveal = await server.call('POST', `/api/workshops/${w.id}/drafts/reveal`, w.facilitatorToken, {});
    expect(reveal.statusCode).toBe(200);
  });
});
