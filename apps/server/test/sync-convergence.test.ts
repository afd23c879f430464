import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, connectSynced, waitFor, presenceOf } from './helpers/clients.ts';
import { boardNotes } from '@crossboard/model';
import { facilitatorAuthor, firstLine, noteText, participantAuthor, writeNote } from './helpers/notes.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d))].sort(([x], [y]) => x - y));
  return sv(a) === sv(b) && isDeepStrictEqual(a.getMap('notes').toJSON(), b.getMap('notes').toJSON());
}

describe('two people editing one board', () => {
  it('converge on concurrent edits, and a late third client receives everything', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/board`;
    const a = await connectSynced(server.ws, room, w.facilitatorToken);
    const b = await connectSynced(server.ws, room, ana.token);
    // One note both write into, character by character.
    writeNote(a.doc, facilitatorAuthor(w), 'shared', '.');
    await waitFor(() => noteText(b.doc, 'shared') === '.', 'Ana sees the shared note');
    const shared = (c: { doc: Y.Doc }) => noteText(c.doc, 'shared') ?? '';

    // Concurrent: both write before either has seen the other's change.
    for (let i = 0; i < 20; i++) {
      writeNote(a.doc, facilitatorAuthor(w), `a${i}`, `from facilitator ${i}`);
      writeNote(b.doc, participantAuthor(ana), `b${i}`, `from Ana ${i}`);
      firstLine(a.doc, 'shared').insert(0, 'A');
      firstLine(b.doc, 'shared').insert(0, 'B');
    }
    await waitFor(() => boardNotes(a.doc).size === 41 && boardNotes(b.doc).size === 41, 'both see 40 notes and the shared one');
    await waitFor(() => sameState(a.doc, b.doc) && shared(a) === shared(b), 'convergence');
    expect(shared(a)).toHaveLength(41);
    expect([...shared(a)].filter((c) => c === 'A')).toHaveLength(20);

    const late = connectClient(server.ws, room, ana.token);
    await waitFor(() => late.provider.synced && boardNotes(late.doc).size === 41, 'late client has everything');
    expect(shared(late)).toBe(shared(a));
    expect(late.doc.getMap('notes').toJSON()).toEqual(a.doc.getMap('notes').toJSON());
  });

  it('shows presence while a client is here and removes it when the client drops', async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/board`;
    const a = await connectSynced(server.ws, room, w.facilitatorToken);
    const b = await connectSynced(server.ws, room, w.facilitatorToken);
    a.provider.awareness.setLocalStateField('cursor', { x: 1 });
    await waitFor(() => presenceOf(b, a)?.cursor?.x === 1, 'b sees a');

    // A dropped connection (no goodbye message), not a polite disconnect.
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as { terminate(): void } | null)?.terminate();
    await waitFor(() => presenceOf(b, a) === undefined, 'a removed from b', 15_000);
  });

  it('serves a joiner the current state when many join at once', async () => {
    const w = await createWorkshop(server.app);
    const room = `${w.id}/board`;
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    writeNote(writer.doc, facilitatorAuthor(w), 'hello', 'hello everyone');
    const joiners = Array.from({ length: 8 }, () => connectClient(server.ws, room, w.facilitatorToken));
    await waitFor(() => joiners.every((j) => noteText(j.doc, 'hello') === 'hello everyone'), 'all joiners');
  });
});
