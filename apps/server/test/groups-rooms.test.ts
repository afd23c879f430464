import { describe, expect, it } from 'vitest';
import { boardNotes, breakoutMap, createNote, readBreakout, type Breakout } from '@crossboard/model';
import { connectSynced, rawSocket, waitFor, wsUrl, presenceOf } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function split(workshopId: string, token: string, body: Record<string, unknown>): Promise<Breakout> {
  const res = await server.app.inject({ method: 'POST', url: `/api/workshops/${workshopId}/groups`, headers: auth(token), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().breakout;
}

/** A workshop with four participants of four organisations, split into two groups of two. */
async function twoGroups() {
  const w = await createWorkshop(server.app);
  const people: { name: string; participantId: string; token: string }[] = [];
  for (const [name, organisation] of [
    ['Ana', 'Porto'],
    ['Ben', 'Tallinn'],
    ['Chloé', 'Lyon'],
    ['Dan', 'Oulu'],
  ] as const) {
    people.push({ name, ...(await joinAsParticipant(server.app, w.id, name, { organisation })) });
  }
  const breakout = await split(w.id, w.facilitatorToken, { mode: 'mixed', groups: 2, seed: 4 });
  const [g1, g2] = breakout.groups;
  const inGroup = (g: typeof g1) => people.filter((p) => g!.members.includes(p.participantId));
  return { w, people, g1: g1!, g2: g2!, members1: inGroup(g1), members2: inGroup(g2), room: (id: string) => `${w.id}/group/${id}` };
}

async function closeOf(room: string, token: string) {
  const sock = rawSocket(wsUrl(server.ws, room, token));
  return sock.closed;
}

describe('a group room', () => {
  it("is written by its members and read by the rest of the workshop; a non-member's write never lands", async () => {
    const { w, g1, members1, members2, room } = await twoGroups();
    const member = await connectSynced(server.ws, room(g1.id), members1[0]!.token);
    const outsider = await connectSynced(server.ws, room(g1.id), members2[0]!.token);
    const facilitator = await connectSynced(server.ws, room(g1.id), w.facilitatorToken);

    const mine = createNote(boardNotes(member.doc), { phase: 'painPoints', text: 'from a member' });
    await waitFor(() => boardNotes(outsider.doc).has(mine), 'member note reaches the outsider (read access)');
    await waitFor(() => boardNotes(facilitator.doc).has(mine), 'member note reaches the facilitator');

    const forged = createNote(boardNotes(outsider.doc), { phase: 'painPoints', text: 'from an outsider' });
    // Presence travels on the same socket after the write: once seen, the write was handled.
    outsider.provider.awareness.setLocalStateField('user', { name: 'x' });
    await waitFor(() => presenceOf(member, outsider) !== undefined, 'outsider presence relayed');
    expect(boardNotes(member.doc).has(forged)).toBe(false);
    const late = await connectSynced(server.ws, room(g1.id), w.facilitatorToken);
    expect(boardNotes(late.doc).has(forged)).toBe(false);
    expect(boardNotes(late.doc).has(mine)).toBe(true);

    // The facilitator writes in any group.
    const visit = createNote(boardNotes(facilitator.doc), { phase: 'painPoints', text: 'visiting' });
    await waitFor(() => boardNotes(member.doc).has(visit), 'facilitator note reaches members');
  });

  it("keeps the board's rules: a member's forged author is put back to who they are", async () => {
    const { g1, members1, room } = await twoGroups();
    const member = await connectSynced(server.ws, room(g1.id), members1[0]!.token);
    const id = createNote(boardNotes(member.doc), {
      phase: 'painPoints',
      text: 'x',
      author: { id: 'someone', name: 'Someone else', organisation: 'Elsewhere' },
    });
    await waitFor(
      () => (boardNotes(member.doc).get(id)?.get('author') as { name?: string } | undefined)?.name === members1[0]!.name,
      'author corrected',
    );
  });

  it('refuses people of another workshop (4403) and group ids not on record (4400)', async () => {
    const { g1, room } = await twoGroups();
    const other = await createWorkshop(server.app);
    expect((await closeOf(room(g1.id), other.facilitatorToken)).code).toBe(4403);
    const { w } = await twoGroups();
    expect((await closeOf(`${w.id}/group/not-a-group`, w.facilitatorToken)).code).toBe(4400);
  });

  it("membership is the server's: a facilitator client writing the breakout directly is put back", async () => {
    const { w, g1 } = await twoGroups();
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    breakoutMap(control.doc).set('groups', []);
    await waitFor(() => readBreakout(control.doc).groups.length === 2, 'breakout restored');
    expect(readBreakout(control.doc).groups[0]!.id).toBe(g1.id);
  });

  it('moving a person reconnects them: they write in their new group and no longer in the old one', async () => {
    const { w, g1, g2, members1, members2, room } = await twoGroups();
    const mover = members1[0]!;
    const old = await connectSynced(server.ws, room(g1.id), mover.token);
    const watcher1 = await connectSynced(server.ws, room(g1.id), members1[1]!.token);
    const watcher2 = await connectSynced(server.ws, room(g2.id), members2[0]!.token);
    const closed = new Promise<number>((resolve) => old.provider.ws?.addEventListener('close', (e) => resolve(e.code)));
    const res = await server.app.inject({
      method: 'PUT',
      url: `/api/workshops/${w.id}/groups/members/${mover.participantId}`,
      headers: auth(w.facilitatorToken),
      payload: { groupId: g2.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await closed).toBe(1012);
    await waitFor(() => old.provider.synced && old.provider.wsconnected, 'reconnected to the old group');
    const dropped = createNote(boardNotes(old.doc), { phase: 'painPoints', text: 'after the move' });
    old.provider.awareness.setLocalStateField('user', { name: 'moved' });
    await waitFor(() => presenceOf(watcher1, old) !== undefined, 'presence after the write');
    expect(boardNotes(watcher1.doc).has(dropped)).toBe(false);

    const fresh = await connectSynced(server.ws, room(g2.id), mover.token);
    const kept = createNote(boardNotes(fresh.doc), { phase: 'painPoints', text: 'in my new group' });
    await waitFor(() => boardNotes(watcher2.doc).has(kept), 'new group receives the note');
  });
});
