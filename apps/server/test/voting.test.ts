import { describe, expect, it } from 'vitest';
import { boardNotes, controlState, createCluster, boardClusters, createNote } from '@crossboard/model';
import { connectSynced, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

async function votingWorkshop() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana');
  const ben = await joinAsParticipant(server.app, w.id, 'Ben');
  const board = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
  const ids: Record<string, string> = {};
  board.doc.transact(() => {
    ids.a = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'No learning loops' });
    ids.b = createNote(boardNotes(board.doc), { phase: 'painPoints', text: 'Pilots budgeted to fail' });
    ids.vision = createNote(boardNotes(board.doc), { phase: 'visions', text: 'Shared data spaces' });
    ids.cluster = createCluster(boardClusters(board.doc), { phase: 'painPoints', title: 'Funding' });
  });
  await waitFor(() => server.app.crossboard.rooms.loaded(`${w.id}/board`)?.document.getMap('notes').size === 3, 'notes stored');
  return { w, ana, ben, ids, base: `/api/workshops/${w.id}` };
}

describe('dot voting', () => {
  it('opens a round in the control room, counts dots within the rules, and publishes tallies on close', async () => {
    const { w, ana, ben, ids, base } = await votingWorkshop();
    const watcher = await connectSynced(server.ws, `${w.id}/control`, ben.token);

    const opened = await server.call('POST', `${base}/voting/open`, w.facilitatorToken, {
      phase: 'painPoints',
      target: 'notes',
      votesPerPerson: 3,
      maxPerItem: 2,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().voting).toEqual({
      phase: 'painPoints',
      target: 'notes',
      votesPerPerson: 3,
      maxPerItem: 2,
      status: 'open',
      roundId: expect.stringMatching(/^round-/),
    });
    await waitFor(
      () => (controlState(watcher.doc).get('voting') as { status?: string } | undefined)?.status === 'open',
      'round reaches participants',
    );

    const vote = (token: string, itemId: string) => server.call('POST', `${base}/votes`, token, { itemId });
    expect((await vote(ana.token, ids.a!)).json()).toEqual({ votes: { [ids.a!]: 1 }, remaining: 2 });
    const second = await vote(ana.token, ids.a!);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual({ votes: { [ids.a!]: 2 }, remaining: 1 });

    const third = await vote(ana.token, ids.a!);
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toEqual({ code: 'ITEM_LIMIT', message: 'You can put at most 2 votes on one item.' });

    expect((await vote(ana.token, ids.b!)).json()).toEqual({ votes: { [ids.a!]: 2, [ids.b!]: 1 }, remaining: 0 });
    const noneLeft = await vote(ana.token, ids.b!);
    expect(noneLeft.statusCode).toBe(409);
    expect(noneLeft.json().error.code).toBe('NO_VOTES_LEFT');
    expect(noneLeft.json().error.message).toMatch(/all 3 of your votes/);

    for (const item of ['no-such-note', ids.vision!, ids.cluster!]) {
      const unknown = await vote(ben.token, item);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('UNKNOWN_ITEM');
    }

    const withdrawn = await server.call('DELETE', `${base}/votes/${ids.a}`, ana.token);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toEqual({ votes: { [ids.a!]: 1, [ids.b!]: 1 }, remaining: 1 });
    expect((await server.call('DELETE', `${base}/votes/${ids.vision}`, ana.token)).statusCode).toBe(409);
    await vote(ben.token, ids.b!);
    expect((await server.call('GET', `${base}/votes/mine`, ana.token)).json()).toEqual({
      votes: { [ids.a!]: 1, [ids.b!]: 1 },
      remaining: 1,
    });

    const progress = await server.call('GET', `${base}/voting/progress`, w.facilitatorToken);
    expect(progress.json()).toEqual({ voters: 2, votesCast: 3 });
    expect((await server.call('GET', `${base}/voting/progress`, ana.token)).statusCode).toBe(403);

    const closed = await server.call('POST', `${base}/voting/close`, w.facilitatorToken, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ tallies: { [ids.a!]: 1, [ids.b!]: 2 } });
    await waitFor(() => controlState(watcher.doc).get('tallies'), 'tallies published');
    expect(controlState(watcher.doc).get('tallies')).toEqual({ [ids.a!]: 1, [ids.b!]: 2 });
    expect((controlState(watcher.doc).get('voting') as { status: string }).status).toBe('closed');

    const late = await vote(ben.token, ids.a!);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toEqual({ code: 'VOTING_CLOSED', message: 'Voting is closed.' });
    expect((await server.call('DELETE', `${base}/votes/${ids.b}`, ben.token)).json().error.code).toBe('VOTING_CLOSED');
    expect((await server.call('GET', `${base}/votes/mine`, ben.token)).json()).toEqual({ votes: { [ids.b!]: 1 }, remaining: 0 });
  });

  it('refuses votes before any round is opened, and only the facilitator opens and closes', async () => {
    const { w, ana, ids, base } = await votingWorkshop();
    const early = await server.call('POST', `${base}/votes`, ana.token, { itemId: ids.a });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VOTING_CLOSED');
    const body = { phase: 'painPoints', target: 'clusters', votesPerPerson: 2 };
    expect((await server.call('POST', `${base}/voting/open`, ana.token, body)).statusCode).toBe(403);
    expect((await server.call('POST', `${base}/voting/close`, ana.token, {})).statusCode).toBe(403);
    for (const bad of [
      { ...body, votesPerPerson: 0 },
      { ...body, votesPerPerson: 51 },
      { ...body, target: 'people' },
      { ...body, phase: 'lunch' },
      { ...body, votesPerPerson: '2' },
    ]) {
      const res = await server.call('POST', `${base}/voting/open`, w.facilitatorToken, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_BODY');
    }
    // At the limit of 50 dots a round opens; clusters are the items this time.
    expect((await server.call('POST', `${base}/voting/open`, w.facilitatorToken, { ...body, votesPerPerson: 50 })).statusCode).toBe(200);
    expect((await server.call('POST', `${base}/votes`, ana.token, { itemId: ids.cluster })).statusCode).toBe(201);
    expect((await server.call('POST', `${base}/votes`, ana.token, { itemId: ids.a })).json().error.code).toBe('UNKNOWN_ITEM');
  });

  it('never puts a ballot in any room: no socket and no stored document names a voter', async () => {
    const { w, ana, ben, ids, base } = await votingWorkshop();
    const spy = rawSocket(wsUrl(server.ws, `${w.id}/control`, w.facilitatorToken));
    const boardSpy = rawSocket(wsUrl(server.ws, `${w.id}/board`, w.facilitatorToken));
    await Promise.all([spy.opened, boardSpy.opened]);
    await server.call('POST', `${base}/voting/open`, w.facilitatorToken, { phase: 'painPoints', target: 'notes', votesPerPerson: 5 });
    await server.call('POST', `${base}/votes`, ana.token, { itemId: ids.a });
    await server.call('POST', `${base}/votes`, ben.token, { itemId: ids.b });
    await server.call('POST', `${base}/voting/close`, w.facilitatorToken, {});
    const late = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    await waitFor(() => controlState(late.doc).get('tallies'), 'tallies stored');
    await waitFor(() => spy.messages.length >= 3, 'control updates received');

    const voters = [ana.participantId, ben.participantId];
    const received = Buffer.concat([...spy.messages, ...boardSpy.messages]).toString('latin1');
    const db = server.app.crossboardBackend.sqlite!.db;
    const stored = (db.prepare('SELECT data FROM updates UNION ALL SELECT data FROM snapshots').all() as { data: Buffer }[])
      .map((r) => r.data.toString('latin1'))
      .join('');
    for (const voter of voters) {
      expect(received.includes(voter)).toBe(false);
      expect(stored.includes(voter)).toBe(false);
      expect(JSON.stringify(controlState(late.doc).toJSON())).not.toContain(voter);
    }
    // The totals themselves did arrive.
    expect(controlState(late.doc).get('tallies')).toEqual({ [ids.a!]: 1, [ids.b!]: 1 });
    spy.ws.close();
    boardSpy.ws.close();
  });
});
