import { describe, expect, it } from 'vitest';
import {
  boardClusters,
  boardNotes,
  createNote,
  noteContent,
  plainText,
  readBreakout,
  readCluster,
  readNote,
  roomName,
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_GROUPS_PER_WORKSHOP,
  MAX_MEMBERS_PER_GROUP,
  type Breakout,
} from '@crossboard/model';
import { connectSynced, presenceOf, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (url: string, token: string, payload: unknown) =>
  server.app.inject({ method: 'POST', url, headers: auth(token), payload: payload as object });
const breakoutOf = (workshopId: string) =>
  server.app.crossboard.rooms.use(roomName({ workshopId, kind: 'control' }), (room) => readBreakout(room.document));

async function workshopWith(n: number) {
  const w = await createWorkshop(server.app);
  const people: { participantId: string; token: string }[] = [];
  for (let i = 0; i < n; i++) people.push(await joinAsParticipant(server.app, w.id, `P${i}`, { organisation: `Org ${i}` }));
  return { w, people };
}

describe('POST /api/workshops/:id/groups', () => {
  it('splits the participants, facilitators only', async () => {
    const { w, people } = await workshopWith(5);
    expect((await post(`/api/workshops/${w.id}/groups`, people[0]!.token, { mode: 'mixed', groups: 2 })).statusCode).toBe(403);
    const res = await post(`/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2, seed: 1 });
    expect(res.statusCode).toBe(201);
    const b: Breakout = res.json().breakout;
    expect(b.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    expect(b.groups.flatMap((g) => g.members).sort()).toEqual(people.map((p) => p.participantId).sort());
  });

  it(`takes ${MAX_GROUPS_PER_WORKSHOP} groups and ${MAX_MEMBERS_PER_GROUP} per group, refuses one more with a 400`, async () => {
    const { w } = await workshopWith(2);
    const url = `/api/workshops/${w.id}/groups`;
    expect((await post(url, w.facilitatorToken, { mode: 'mixed', groups: MAX_GROUPS_PER_WORKSHOP })).statusCode).toBe(201);
    const tooMany = await post(url, w.facilitatorToken, { mode: 'mixed', groups: MAX_GROUPS_PER_WORKSHOP + 1 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('INVALID_BODY');
    expect((await post(url, w.facilitatorToken, { mode: 'mixed', size: MAX_MEMBERS_PER_GROUP })).statusCode).toBe(201);
    expect((await post(url, w.facilitatorToken, { mode: 'mixed', size: MAX_MEMBERS_PER_GROUP + 1 })).statusCode).toBe(400);
    expect((await post(url, w.facilitatorToken, { mode: 'mixed' })).statusCode).toBe(400);
    expect((await post(url, w.facilitatorToken, { mode: 'scatter', groups: 2 })).statusCode).toBe(400);
  });

  it('a move to a group that does not exist is a 404, and a stranger is not moved', async () => {
    const { w, people } = await workshopWith(2);
    await post(`/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2 });
    const [g] = (await breakoutOf(w.id)).groups;
    const move = (personId: string, groupId: string) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/workshops/${w.id}/groups/members/${personId}`,
        headers: auth(w.facilitatorToken),
        payload: { groupId },
      });
    expect((await move(people[0]!.participantId, 'nope')).json().error.code).toBe('GROUP_NOT_FOUND');
    expect((await move('nobody', g!.id)).statusCode).toBe(404);
    expect((await move('__proto__', g!.id)).statusCode).toBe(400);
  });
});

describe('late joiners', () => {
  it('land in the smallest group while the breakout runs, and in none after it', async () => {
    const { w } = await workshopWith(5);
    await post(`/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2, seed: 3 });
    const before = await breakoutOf(w.id);
    const smallest = [...before.groups].sort((a, b) => a.members.length - b.members.length)[0]!;
    const late = await joinAsParticipant(server.app, w.id, 'Late', { organisation: 'Late Org' });
    const after = await breakoutOf(w.id);
    expect(after.groups.find((g) => g.id === smallest.id)!.members).toContain(late.participantId);
    expect(after.groups.map((g) => g.members.length)).toEqual([3, 3]);

    // And the late joiner may write in that group's room straight away.
    const member = await connectSynced(server.ws, `${w.id}/group/${smallest.id}`, late.token);
    const facilitator = await connectSynced(server.ws, `${w.id}/group/${smallest.id}`, w.facilitatorToken);
    const id = createNote(boardNotes(member.doc), { phase: 'painPoints', text: 'late but here' });
    await waitFor(() => boardNotes(facilitator.doc).has(id), 'late joiner note relayed');

    expect((await post(`/api/workshops/${w.id}/groups/end`, w.facilitatorToken, { copyNotes: false })).statusCode).toBe(200);
    const later = await joinAsParticipant(server.app, w.id, 'Later');
    expect((await breakoutOf(w.id)).groups.some((g) => g.members.includes(later.participantId))).toBe(false);
  });
});

describe('broadcast', () => {
  it(`reaches every control-room reader; ${MAX_ANNOUNCEMENT_LENGTH} characters pass, one more is a 400`, async () => {
    const { w, people } = await workshopWith(2);
    const url = `/api/workshops/${w.id}/groups/broadcast`;
    expect((await post(url, w.facilitatorToken, { text: 'hello' })).json().error.code).toBe('NO_BREAKOUT');
    await post(`/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2 });
    const reader = await connectSynced(server.ws, `${w.id}/control`, people[0]!.token);
    expect((await post(url, people[0]!.token, { text: 'hijack' })).statusCode).toBe(403);
    expect((await post(url, w.facilitatorToken, { text: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH + 1) })).statusCode).toBe(400);
    expect((await post(url, w.facilitatorToken, { text: '   ' })).statusCode).toBe(400);
    expect((await post(url, w.facilitatorToken, { text: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH) })).statusCode).toBe(200);
    expect((await post(url, w.facilitatorToken, { text: 'Five minutes left' })).statusCode).toBe(200);
    await waitFor(() => readBreakout(reader.doc).announcement?.text === 'Five minutes left', 'announcement synced');
  });
});

describe('bring everyone back', () => {
  it("copies each group's notes into the main board as one cluster per group, and ends members' write access", async () => {
    const { w } = await workshopWith(4);
    await post(`/api/workshops/${w.id}/groups`, w.facilitatorToken, { mode: 'mixed', groups: 2, seed: 9 });
    const { groups } = await breakoutOf(w.id);
    const writers = [];
    for (const [i, g] of groups.entries()) {
      const person = (await workshopPeople(w.id)).find((p) => p.participantId === g.members[0])!;
      const client = await connectSynced(server.ws, `${w.id}/group/${g.id}`, person.token);
      createNote(boardNotes(client.doc), { phase: 'painPoints', text: `group ${i + 1} idea A` });
      createNote(boardNotes(client.doc), { phase: 'painPoints', text: `group ${i + 1} idea B` });
      writers.push({ client, group: g });
    }
    for (const { group } of writers) {
      await waitFor(() => boardNotes(server.app.crossboard.rooms.loaded(`${w.id}/group/${group.id}`)!.document).size === 2, 'notes stored');
    }
    const main = await connectSynced(server.ws, `${w.id}/board`, w.facilitatorToken);
    const res = await post(`/api/workshops/${w.id}/groups/end`, w.facilitatorToken, { copyNotes: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().copied).toEqual({ clusters: 2, notes: 4 });

    await waitFor(() => boardNotes(main.doc).size === 4, 'notes on the main board');
    const clusters = [...boardClusters(main.doc).values()].map((c) => readCluster(c)!);
    expect(clusters.map((c) => c.title).sort()).toEqual(['Group 1', 'Group 2']);
    for (const cluster of clusters) {
      const texts = [...boardNotes(main.doc).values()]
        .filter((m) => readNote(m)!.clusterId === cluster.id)
        .map((m) => plainText(noteContent(m)))
        .sort();
      const n = cluster.title.slice(-1);
      expect(texts).toEqual([`group ${n} idea A`, `group ${n} idea B`]);
    }
    expect((await breakoutOf(w.id)).active).toBe(false);

    // A second bring-back has nothing running to end.
    expect((await post(`/api/workshops/${w.id}/groups/end`, w.facilitatorToken, { copyNotes: true })).statusCode).toBe(409);

    // The former member reconnects read-only: their next note stays theirs alone.
    const { client, group } = writers[0]!;
    const watcher = await connectSynced(server.ws, `${w.id}/group/${group.id}`, w.facilitatorToken);
    await waitFor(
      () => client.provider.synced && client.provider.wsconnected && presenceOf(watcher, client) !== undefined,
      'member back, read-only',
    );
    const late = createNote(boardNotes(client.doc), { phase: 'painPoints', text: 'after the end' });
    client.provider.awareness.setLocalStateField('step', 'after');
    await waitFor(() => presenceOf(watcher, client)?.step === 'after', 'presence after the write');
    expect(boardNotes(watcher.doc).has(late)).toBe(false);
  });
});

/** Tokens for the participants, as they joined (the server signs a new one per call). */
async function workshopPeople(workshopId: string) {
  const { signToken } = await import('../src/auth/tokens.ts');
  const people = await server.app.crossboard.storage.listPeople(workshopId);
  return people.map((p) => ({
    participantId: p.id,
    token: signToken(server.app.crossboard.secret, { w: p.workshopId, p: p.id, r: p.role }),
  }));
}
