import { describe, expect, it } from 'vitest';
import {
  boardClusters,
  boardNotes,
  createCluster,
  createNote,
  noteContent,
  plainText,
  setPlainText,
  updateNote,
  type NewNote,
} from '@crossboard/model';
import { connectSynced, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

/** Every POST here carries an empty JSON body. */
const call = (method: 'GET' | 'POST', url: string, token: string) => server.call(method, url, token, method === 'POST' ? {} : undefined);

function addNote(c: TestClient, init: NewNote): string {
  let id = '';
  c.doc.transact(() => {
    id = createNote(boardNotes(c.doc), init);
  });
  return id;
}

/** What a person sees on the board: every note's text and position, every cluster's title. */
function boardView(c: TestClient) {
  const notes = [...boardNotes(c.doc).entries()].map(([id, m]) => `${id}:${plainText(noteContent(m))}@${m.get('x')}`).sort();
  const clusters = [...boardClusters(c.doc).entries()].map(([id, m]) => `${id}:${m.get('title')}`).sort();
  return JSON.stringify({ notes, clusters });
}

describe('board versions', () => {
  it('restores an earlier board for everyone, and the restore itself can be undone', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const base = `/api/workshops/${w.id}`;
    const anaBoard = await connectSynced(server.ws, `${w.id}/board`, ana.token);
    const facilitatorBoard = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);

    const kept = addNote(anaBoard, { phase: 'painPoints', text: 'No learning loops', x: 10 });
    const removedLater = addNote(anaBoard, { phase: 'painPoints', text: 'Undeveloped ecosystems', x: 20 });
    let cluster = '';
    facilitatorBoard.doc.transact(() => {
      cluster = createCluster(boardClusters(facilitatorBoard.doc), { phase: 'painPoints', title: 'Learning' });
    });
    await waitFor(() => boardNotes(facilitatorBoard.doc).size === 2 && boardClusters(anaBoard.doc).size === 1, 'board synced');
    const earlier = boardView(anaBoard);

    const taken = await call('POST', `${base}/versions`, w.facilitatorToken);
    expect(taken.statusCode).toBe(201);
    const { versionId } = taken.json() as { versionId: string };

    // Work continues: an edit, a move, a new note, a deletion, a removed cluster.
    anaBoard.doc.transact(() => {
      setPlainText(noteContent(boardNotes(anaBoard.doc).get(kept)!), 'No learning loops at all');
      updateNote(boardNotes(anaBoard.doc), kept, { x: 500 });
      boardNotes(anaBoard.doc).delete(removedLater);
    });
    const added = addNote(anaBoard, { phase: 'visions', text: 'Shared data spaces' });
    facilitatorBoard.doc.transact(() => boardClusters(facilitatorBoard.doc).delete(cluster));
    await waitFor(() => boardNotes(facilitatorBoard.doc).has(added) && boardClusters(anaBoard.doc).size === 0, 'later work synced');
    const later = boardView(anaBoard);
    expect(later).not.toBe(earlier);
    await waitFor(() => boardView(facilitatorBoard) === later, 'both see the later board');

    const restored = await call('POST', `${base}/versions/${versionId}/restore`, w.facilitatorToken);
    expect(restored.statusCode).toBe(200);
    const saved = (restored.json() as { versionId: string }).versionId;
    expect(saved).not.toBe(versionId);
    for (const c of [anaBoard, facilitatorBoard]) await waitFor(() => boardView(c) === earlier, 'earlier board restored for everyone');

    const undo = await call('POST', `${base}/versions/${saved}/restore`, w.facilitatorToken);
    expect(undo.statusCode).toBe(200);
    for (const c of [anaBoard, facilitatorBoard]) await waitFor(() => boardView(c) === later, 'the restore undone for everyone');

    // A client joining now gets the same board from storage.
    const late = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    expect(boardView(late)).toBe(later);

    const reasons = (await call('GET', `${base}/versions`, w.facilitatorToken)).json().versions as { reason: string; versionId: string }[];
    expect(reasons.filter((v) => v.reason === 'before-restore')).toHaveLength(2);
    expect(reasons.find((v) => v.versionId === versionId)?.reason).toBe('manual');
    // What each version holds, so the console can say it in words.
    const contents = (await call('GET', `${base}/versions`, w.facilitatorToken)).json().versions as { versionId: string; notes: unknown }[];
    expect(contents.find((v) => v.versionId === versionId)?.notes).toEqual({ painPoints: 2, visions: 0, recommendations: 0 });
    expect(contents.find((v) => v.versionId === saved)?.notes).toEqual({ painPoints: 1, visions: 1, recommendations: 0 });
  });

  it('takes a version when the facilitator changes the phase', async () => {
    const w = await createWorkshop(server.app);
    const base = `/api/workshops/${w.id}`;
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    const phaseVersions = async () =>
      ((await call('GET', `${base}/versions`, w.facilitatorToken)).json().versions as { reason: string }[]).filter(
        (v) => v.reason === 'phase-change',
      ).length;
    expect(await phaseVersions()).toBe(0);
    control.doc.getMap('state').set('phase', 'visions');
    const deadline = Date.now() + 10_000;
    while ((await phaseVersions()) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await phaseVersions()).toBe(1);
    // Other control changes (the timer, a lock) are not phase changes.
    control.doc.getMap('state').set('locks', { painPoints: true });
    control.doc.getMap('state').set('phase', 'recommendations');
    while ((await phaseVersions()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await phaseVersions()).toBe(2);
  });

  it('saves a version when people start writing, then not again within a few minutes', async () => {
    const w = await createWorkshop(server.app);
    const base = `/api/workshops/${w.id}`;
    const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    const versions = async (reason: string) =>
      ((await call('GET', `${base}/versions`, w.facilitatorToken)).json().versions as { reason: string }[]).filter(
        (v) => v.reason === reason,
      ).length;
    addNote(board, { phase: 'painPoints', text: 'first' });
    const deadline = Date.now() + 10_000;
    while ((await versions('activity')) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await versions('activity')).toBe(1);
    const second = addNote(board, { phase: 'painPoints', text: 'second' });
    await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').has(second), 'second note stored');
    // A version for the second note would have been queued when it was applied. A phase change
    // queued after it takes a version by the same path, so once that one is listed, a second
    // activity version would be too.
    control.doc.getMap('state').set('phase', 'visions');
    while ((await versions('phase-change')) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await versions('phase-change')).toBe(1);
    expect(await versions('activity')).toBe(1);
  });

  it('refuses unknown versions with 404 and participants with 403', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const base = `/api/workshops/${w.id}`;
    const missing = await call('POST', `${base}/versions/nope/restore`, w.facilitatorToken);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('VERSION_NOT_FOUND');
    for (const [method, url] of [
      ['GET', `${base}/versions`],
      ['POST', `${base}/versions`],
    ] as const) {
      expect((await call(method, url, ana.token)).statusCode).toBe(403);
    }
  });
});
