import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { boardNotes, colourFor, controlState, createNote } from '@crossboard/model';
import { encodeAwareness, MESSAGE_AWARENESS } from '../src/sync/protocol.ts';
import { connectSynced, destroyAllClients, presenceOf, rawSocket, waitFor, wsUrl, type RawSocket } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

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

type Entry = { clientID: number; clock: number; state: any };

/** The entries of every awareness frame a raw socket received. */
function awarenessEntries(sock: RawSocket): Entry[] {
  const out: Entry[] = [];
  for (const frame of sock.messages) {
    if (frame[0] !== MESSAGE_AWARENESS) continue;
    const outer = decoding.createDecoder(frame);
    decoding.readVarUint(outer);
    const d = decoding.createDecoder(decoding.readVarUint8Array(outer));
    const n = decoding.readVarUint(d);
    for (let i = 0; i < n; i++) {
      out.push({ clientID: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: JSON.parse(decoding.readVarString(d)) });
    }
  }
  return out;
}

function awarenessFrame(entries: Entry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(e, clientID);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encodeAwareness(encoding.toUint8Array(e));
}

function open(room: string, token: string): RawSocket {
  const sock = rawSocket(wsUrl(server.ws, room, token));
  sockets.push(sock);
  return sock;
}

/** Every Yjs client id in the structs of the board's update that wrote the note `noteId`. */
function clientIdsOfNote(doc: Y.Doc, noteId: string): Set<number> {
  const ids = new Set<number>();
  const note = boardNotes(doc).get(noteId)!;
  const visit = (type: Y.AbstractType<unknown>) => {
    if (type._item) ids.add(type._item.id.client);
    for (let item = type._start; item; item = item.right) {
      ids.add(item.id.client);
      if (item.content instanceof Y.ContentType) visit(item.content.type);
    }
    for (const item of type._map.values()) {
      ids.add(item.id.client);
      if (item.content instanceof Y.ContentType) visit(item.content.type);
    }
  };
  visit(note as unknown as Y.AbstractType<unknown>);
  return ids;
}

describe('anonymous mode against someone reading the raw protocol', () => {
  it("sends no presence under a client id that wrote the sender's note", async () => {
    const w = await createWorkshop(server.app);
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    controlState(control.doc).set('anonymous', true);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const room = `${w.id}/board`;
    const spy = open(room, ben.token);
    await spy.opened;
    // Ana as the web app is: presence with her user, a cursor, and a note of hers.
    const a = await connectSynced(server.ws, room, ana.token);
    a.provider.awareness.setLocalStateField('user', { id: ana.participantId, name: 'Ana' });
    a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20, phase: 'painPoints' });
    const noteId = createNote(boardNotes(a.doc), { phase: 'painPoints', text: 'Pilots are budgeted to fail' });
    a.provider.awareness.setLocalStateField('selection', noteId);
    await waitFor(() => awarenessEntries(spy).some((e) => e.state?.selection === noteId), 'the spy sees Ana pointing at her note');
    await waitFor(
      () =>
        server.app.crossboard.rooms.loaded(room)?.document && boardNotes(server.app.crossboard.rooms.loaded(room)!.document).has(noteId),
      'note stored',
    );
    expect(boardNotes(a.doc).get(noteId)!.get('author')).toBeNull();

    const writers = clientIdsOfNote(a.doc, noteId);
    expect(writers.has(a.doc.clientID)).toBe(true);
    const seen = awarenessEntries(spy);
    expect(seen.some((e) => e.state?.user?.name === 'Ana')).toBe(true);
    for (const e of seen) expect(writers.has(e.clientID)).toBe(false);
  });
});

describe('presence identity is the server’s', () => {
  it('stamps name, role and colour from the token over what the client claims, and no organisation the person did not choose to show', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/board`;
    const watcher = await connectSynced(server.ws, room, w.facilitatorToken);
    const a = await connectSynced(server.ws, room, ana.token);
    a.provider.awareness.setLocalStateField('user', {
      id: w.facilitatorId,
      name: 'Facilitator',
      organisation: 'OECD',
      role: 'facilitator',
      colour: '#000000',
    });
    a.provider.awareness.setLocalStateField('cursor', { x: 5 });
    await waitFor(() => presenceOf(watcher, a)?.cursor?.x === 5, 'the watcher sees Ana');
    // Ana is not listed in the directory: neither her own organisation nor the claimed one travels.
    expect(presenceOf(watcher, a)!.user).toEqual({
      id: ana.participantId,
      name: 'Ana',
      timeZone: 'Europe/Lisbon',
      role: 'participant',
      colour: colourFor(ana.participantId),
    });
  });
});

describe('one presence id per connection, owned by it', () => {
  it("ignores entries for someone else's presence id, live or after their connection dropped", async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const room = `${w.id}/board`;
    const watcher = await connectSynced(server.ws, room, w.facilitatorToken);
    const spy = open(room, ben.token);
    await spy.opened;
    const a = await connectSynced(server.ws, room, ana.token);
    a.provider.awareness.setLocalStateField('cursor', { x: 1 });
    await waitFor(() => awarenessEntries(spy).find((e) => e.state?.user?.name === 'Ana'), 'the spy learns Ana’s presence id');
    const anasId = awarenessEntries(spy).find((e) => e.state?.user?.name === 'Ana')!.clientID;

    // Ben announces himself, then speaks for Ana's id, live.
    spy.ws.send(awarenessFrame([{ clientID: 777, clock: 1, state: { cursor: { x: 7 } } }]));
    spy.ws.send(awarenessFrame([{ clientID: anasId, clock: 99, state: { cursor: { x: 666 }, user: { name: 'Ana' } } }]));
    spy.ws.send(awarenessFrame([{ clientID: 778, clock: 1, state: { cursor: { x: 8 } } }]));
    spy.ws.send(awarenessFrame([{ clientID: 777, clock: 2, state: { cursor: { x: 9 } } }]));
    const states = () => [...watcher.provider.awareness.getStates().values()];
    await waitFor(() => states().some((s) => s?.user?.name === 'Ben' && s.cursor?.x === 9), 'Ben’s own later move');
    expect(presenceOf(watcher, a)?.cursor?.x).toBe(1);
    expect(states().filter((s) => s?.user?.name === 'Ben')).toHaveLength(1);
    expect(states().some((s) => s?.cursor?.x === 666 || s?.cursor?.x === 8)).toBe(false);

    // Ana drops; Ben tries to take her presence id over.
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !presenceOf(watcher, a), 'Ana removed');
    spy.ws.send(awarenessFrame([{ clientID: anasId, clock: 200, state: { cursor: { x: 666 }, user: { name: 'Ana' } } }]));
    spy.ws.send(awarenessFrame([{ clientID: 777, clock: 3, state: { cursor: { x: 10 } } }]));
    await waitFor(() => states().some((s) => s?.user?.name === 'Ben' && s.cursor?.x === 10), 'Ben’s next move');
    expect(watcher.provider.awareness.getStates().has(anasId)).toBe(false);
    expect(states().some((s) => s?.user?.name === 'Ana')).toBe(false);
  });
});
