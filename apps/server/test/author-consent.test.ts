import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, draftNotes, type Author } from '@crossboard/model';
import * as testkit from '@crossboard/testkit';
import { connectSynced, rawSocket, waitFor, wsUrl, type RawSocket, type TestClient } from './helpers/clients.ts';
import { killChildren, spawnServer } from './helpers/child-server.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { TEST_REDIS_URL } from './helpers/redis.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, tempDataDir } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';
import { encodeSyncStep1 } from '../src/sync/protocol.ts';

/**
 * Issue 15: a note's author stamp shows a person's organisation only when their directory
 * consent does (as presence does). Checked on the raw bytes another participant receives.
 */
const server = useServer();
const sockets: RawSocket[] = [];
const schemas: string[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate();
  killChildren();
  await Promise.all(schemas.splice(0).map(dropSchema));
  dirs.splice(0).forEach(removeDataDir);
});

const ANA_ORG = 'ANA-ORG-Camara-Municipal-do-Porto';
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

async function workshop() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana Lima', { organisation: ANA_ORG });
  const carol = await joinAsParticipant(server.app, w.id, 'Carol Diaz', { organisation: 'Carol Org' });
  const consent = async (show: boolean) => {
    const res = await server.call('PUT', `/api/workshops/${w.id}/directory/me`, ana.token, profile({ show: show ? ['organisation'] : [] }));
    expect(res.statusCode).toBe(200);
  };
  return { w, ana, carol, consent };
}

/** A socket that keeps every byte it receives, and asks for the whole document as a new reader does. */
async function listen(room: string, token: string, ws = server.ws): Promise<RawSocket> {
  const s = rawSocket(wsUrl(ws, room, token));
  sockets.push(s);
  await s.opened;
  s.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  return s;
}

const bytes = (s: RawSocket, from = 0) => Buffer.concat(s.messages.slice(from).map((m) => Buffer.from(m)));
const has = (s: RawSocket, needle: string, from = 0) => bytes(s, from).includes(needle);
const has1 = (m: Uint8Array, needle: string) => Buffer.from(m).includes(needle);
/** y-websocket's message type of a presence frame. */
const AWARENESS = 1;

/** A note as the web app writes it: with the writer's own organisation, which the server may take out. */
function write(c: TestClient, author: Author, text: string): string {
  let id = '';
  c.doc.transact(() => {
    id = createNote(boardNotes(c.doc), { phase: 'painPoints', text, author });
  });
  return id;
}

const authorOn = (c: TestClient, id: string) => boardNotes(c.doc).get(id)?.get('author') as Author | undefined;

describe('a note’s author stamp follows the directory consent', () => {
  it('never sends an organisation its person did not choose to show, and follows a change live', async () => {
    const { w, ana, carol, consent } = await workshop();
    const board = `${w.id}/board`;
    const own: Author = { id: ana.participantId, name: 'Ana Lima', organisation: ANA_ORG };
    const raw = await listen(board, carol.token);
    const carolBoard = await connectSynced(server.ws, board, carol.token);
    const anaBoard = await connectSynced(server.ws, board, ana.token);

    // Not listed: her note carries her name and no organisation, in every frame Carol gets.
    const first = write(anaBoard, own, 'first note');
    await waitFor(() => has(raw, first) && authorOn(carolBoard, first), 'Ana’s note reaches Carol');
    expect(authorOn(carolBoard, first)).toEqual({ id: ana.participantId, name: 'Ana Lima', organisation: '' });
    expect(has(raw, 'Ana Lima')).toBe(true);
    expect(has(raw, ANA_ORG)).toBe(false);

    // She shows her organisation: the stamp on her existing note is rewritten for everyone, and new ones carry it.
    await consent(true);
    await waitFor(() => authorOn(carolBoard, first)?.organisation === ANA_ORG, 'the stamp follows her consent');
    expect(has(raw, ANA_ORG)).toBe(true);
    const second = write(anaBoard, own, 'second note');
    await waitFor(() => authorOn(carolBoard, second)?.organisation === ANA_ORG, 'a new note carries it');
    // Every frame sent while she showed it has arrived (her presence shows it too), before the mark.
    await waitFor(() => has(raw, second) && raw.messages.some((m) => m[0] === AWARENESS && has1(m, ANA_ORG)), 'frames in flight');

    // She withdraws: every stamp loses it at once, and no frame after the change carries it.
    const mark = raw.messages.length;
    await consent(false);
    await waitFor(
      () => authorOn(carolBoard, first)?.organisation === '' && authorOn(carolBoard, second)?.organisation === '',
      'the stamps lose the organisation',
    );
    const third = write(anaBoard, own, 'third note');
    await waitFor(() => has(raw, third, mark) && authorOn(carolBoard, third), 'a later note reaches Carol');
    expect(authorOn(carolBoard, third)).toEqual({ id: ana.participantId, name: 'Ana Lima', organisation: '' });
    expect(has(raw, ANA_ORG, mark)).toBe(false);

    // A reader arriving now: the first sync holds her notes and not her organisation.
    const late = await listen(board, carol.token);
    await waitFor(() => has(late, first) && has(late, third), 'the late reader’s first sync');
    expect(has(late, 'Ana Lima')).toBe(true);
    expect(has(late, ANA_ORG)).toBe(false);
  });

  it('rewrites the stamps in a board, a group board and drafts nobody had open, before their next reader', async () => {
    const { w, ana, carol, consent } = await workshop();
    const split = await server.call('POST', `/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 1 });
    expect(split.statusCode).toBe(201);
    const group = `${w.id}/group/${split.json().breakout.groups[0].id}`;
    const board = `${w.id}/board`;
    const drafts = `${w.id}/drafts/${ana.participantId}`;
    const own: Author = { id: ana.participantId, name: 'Ana Lima', organisation: ANA_ORG };
    await consent(true);
    const ids = new Map<string, string>();
    for (const room of [board, group]) {
      const c = await connectSynced(server.ws, room, ana.token);
      const id = write(c, own, `note in ${room}`);
      await waitFor(() => (authorOn(c, id)?.organisation === ANA_ORG ? id : null), `Ana’s note stamped in ${room}`);
      ids.set(room, id);
      c.destroy();
    }
    const anaDrafts = await connectSynced(server.ws, drafts, ana.token);
    let draftId = '';
    anaDrafts.doc.transact(() => {
      draftId = createNote(draftNotes(anaDrafts.doc), { phase: 'painPoints', text: 'a draft', author: own });
    });
    const stored = (room: string, id: string) =>
      server.app.crossboard.rooms.use(room, (r) => boardNotes(r.document).get(id)?.get('author') as Author | undefined);
    await waitFor(() => server.app.crossboard.rooms.loaded(drafts)?.document.getMap('notes').has(draftId), 'draft stored');
    anaDrafts.destroy();
    // Everyone gone: the rooms are unloaded, so only storage holds the old stamps.
    for (const room of [board, group, drafts]) {
      await waitFor(() => server.app.crossboard.rooms.loaded(room)?.clientCount === 0, `${room} empty`);
      await server.app.crossboard.rooms.unload(room);
      expect(server.app.crossboard.rooms.loaded(room)).toBeUndefined();
    }

    await consent(false);
    for (const room of [board, group]) {
      const raw = await listen(room, carol.token);
      await waitFor(() => has(raw, ids.get(room)!), `the first sync of ${room}`);
      expect(has(raw, 'Ana Lima')).toBe(true);
      expect(has(raw, ANA_ORG)).toBe(false);
    }
    expect((await stored(drafts, draftId))?.organisation).toBe('');

    // Revealed after she withdrew, her draft goes onto the board without it too.
    const reveal = await server.call('POST', `/api/workshops/${w.id}/drafts/reveal`, w.facilitatorToken, {});
    expect(reveal.statusCode).toBe(200);
    expect(await stored(board, draftId)).toEqual({ id: ana.participantId, name: 'Ana Lima', organisation: '' });
  });

  it('does not bring a withdrawn organisation back when the facilitator restores an older version', async () => {
    const { w, ana, carol, consent } = await workshop();
    const board = `${w.id}/board`;
    const own: Author = { id: ana.participantId, name: 'Ana Lima', organisation: ANA_ORG };
    await consent(true);
    const anaBoard = await connectSynced(server.ws, board, ana.token);
    const kept = write(anaBoard, own, 'kept in the version');
    await waitFor(() => authorOn(anaBoard, kept)?.organisation === ANA_ORG, 'stamped while she shows it');
    await waitFor(() => server.app.crossboard.rooms.loaded(board)?.document.getMap('notes').has(kept), 'stored');
    const version = await server.call('POST', `/api/workshops/${w.id}/versions`, w.facilitatorToken);
    expect(version.statusCode).toBe(201);
    // The note is deleted, then she withdraws: the version still holds her old stamp.
    anaBoard.doc.transact(() => boardNotes(anaBoard.doc).delete(kept));
    await waitFor(() => !server.app.crossboard.rooms.loaded(board)?.document.getMap('notes').has(kept), 'deleted');
    await consent(false);

    const raw = await listen(board, carol.token);
    const carolBoard = await connectSynced(server.ws, board, carol.token);
    const restore = await server.call('POST', `/api/workshops/${w.id}/versions/${version.json().versionId}/restore`, w.facilitatorToken);
    expect(restore.statusCode).toBe(200);
    await waitFor(() => authorOn(carolBoard, kept), 'the note is back');
    expect(authorOn(carolBoard, kept)).toEqual({ id: ana.participantId, name: 'Ana Lima', organisation: '' });
    await waitFor(() => has(raw, kept), 'the restore reaches the raw socket');
    expect(has(raw, ANA_ORG)).toBe(false);
  });

  it('follows a choice saved through one process on the boards another process holds (PostgreSQL, Redis)', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const env = { DATABASE_URL: TEST_DATABASE_URL, CROSSBOARD_DB_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL };
    const [a, b] = await Promise.all(
      [0, 1].map(() => {
        const dir = tempDataDir();
        dirs.push(dir);
        return spawnServer(dir, env);
      }),
    );
    const w = await testkit.createWorkshop(a!.base, { title: 'Consent across processes' });
    const ana = await testkit.joinAsParticipant(a!.base, w.id, 'Ana Lima', { organisation: ANA_ORG });
    const carol = await testkit.joinAsParticipant(a!.base, w.id, 'Carol Diaz', { organisation: 'Carol Org' });
    const put = (show: string[]) =>
      fetch(`${a!.base}/api/workshops/${w.id}/directory/me`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.token}` },
        body: JSON.stringify(profile({ show })),
      });
    expect((await put(['organisation'])).status).toBe(200);
    // Ana and Carol are on process B; the choice is saved through process A.
    const board = `${w.id}/board`;
    const own: Author = { id: ana.participantId, name: 'Ana Lima', organisation: ANA_ORG };
    const raw = await listen(board, carol.token, b!.ws);
    const carolBoard = await connectSynced(b!.ws, board, carol.token);
    const anaBoard = await connectSynced(b!.ws, board, ana.token);
    const first = write(anaBoard, own, 'first note');
    await waitFor(() => authorOn(carolBoard, first)?.organisation === ANA_ORG, 'her note shows it while she does', 10_000);
    await waitFor(() => has(raw, first) && raw.messages.some((m) => m[0] === AWARENESS && has1(m, ANA_ORG)), 'frames in flight');

    const mark = raw.messages.length;
    expect((await put([])).status).toBe(200);
    await waitFor(() => authorOn(carolBoard, first)?.organisation === '', 'the stamp on B follows the choice made on A', 10_000);
    const second = write(anaBoard, own, 'second note');
    await waitFor(() => has(raw, second, mark) && authorOn(carolBoard, second), 'a later note on B', 10_000);
    expect(authorOn(carolBoard, second)).toEqual({ id: ana.participantId, name: 'Ana Lima', organisation: '' });
    expect(has(raw, ANA_ORG, mark)).toBe(false);
    // A reader on process A after the change: its first sync does not hold it either.
    const late = await listen(board, carol.token, a!.ws);
    await waitFor(() => has(late, first) && has(late, second), 'the first sync on A', 10_000);
    expect(has(late, ANA_ORG)).toBe(false);
  }, 60_000);
});
