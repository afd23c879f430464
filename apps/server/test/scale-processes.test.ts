import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import {
  boardNotes,
  createNote,
  createRecommendation,
  noteContent,
  plainText,
  reportRecommendations,
  type Breakout,
} from '@crossboard/model';
import { createWorkshop, eventually, joinAsParticipant } from '@crossboard/testkit';
import { killChildren, spawnServer, type ChildServer } from './helpers/child-server.ts';
import { connectClient, destroyAllClients, rawSocket, waitFor, wsUrl, type TestClient, presenceOf } from './helpers/clients.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { TEST_REDIS_URL, privateRedis, type PrivateRedis } from './helpers/redis.ts';
import { HEARTBEAT_MS, PROCESS_GONE_AFTER_MS } from '../src/scale/redis-fanout.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';
import { facilitatorAuthor, noteText, participantAuthor, writeNote } from './helpers/notes.ts';

/**
 * Several real server processes (`src/main.ts`, as `pnpm start` runs it) sharing workshops
 * through the PostgreSQL and Redis on this machine; each test in a PostgreSQL schema of its own.
 */

const schemas: string[] = [];
const dirs: string[] = [];
const redises: PrivateRedis[] = [];

afterEach(async () => {
  destroyAllClients();
  killChildren();
  await Promise.all(redises.splice(0).map((r) => r.stop()));
  await Promise.all(schemas.splice(0).map(dropSchema));
  dirs.splice(0).forEach(removeDataDir);
});

async function cluster(n: number, redisUrl = TEST_REDIS_URL): Promise<ChildServer[]> {
  const schema = freshSchema();
  schemas.push(schema);
  const env = { DATABASE_URL: TEST_DATABASE_URL, CROSSBOARD_DB_SCHEMA: schema, REDIS_URL: redisUrl };
  // Started together on purpose: migrations and the token secret must be agreed on once.
  return Promise.all(
    Array.from({ length: n }, () => {
      const dir = tempDataDir();
      dirs.push(dir);
      return spawnServer(dir, env);
    }),
  );
}

async function join(base: string, workshopId: string, name: string): Promise<string> {
  return (await joinAsParticipant(base, workshopId, name)).token;
}

const notes = (c: TestClient) => c.doc.getMap<string>('notes');
/**
 * The report room's recommendations as a key → title map: free-form maps the room's schema
 * would put back, recommendations it keeps.
 */
const items = (c: TestClient) => {
  const recs = reportRecommendations(c.doc);
  return {
    set: (key: string, title: string) => void createRecommendation(c.doc, { id: key, title, order: 0 }),
    get: (key: string) => recs.get(key)?.get('title') as string | undefined,
    has: (key: string) => recs.has(key),
    get size() {
      return recs.size;
    },
    keys: () => recs.keys(),
    entries: () => [...recs.entries()].map(([key, r]) => [key, r.get('title')] as const),
  };
};
const clockOf = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;
const sorted = (entries: Iterable<readonly [string, unknown]>) => JSON.stringify([...entries].sort(([x], [y]) => (x < y ? -1 : 1)));
const same = (a: TestClient, b: TestClient) => sorted(notes(a).entries()) === sorted(notes(b).entries());
const sameItems = (a: TestClient, b: TestClient) => sorted(items(a).entries()) === sorted(items(b).entries());

async function storedRows(schema: string, room: string): Promise<Uint8Array[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query<{ data: Buffer }>(`SELECT data FROM "${schema}".updates WHERE room = $1 ORDER BY seq`, [room]);
    return r.rows.map((row) => new Uint8Array(row.data));
  } finally {
    await client.end();
  }
}

async function health(base: string): Promise<{ ok: boolean; backends: { database: string; redis?: { ok: boolean } } }> {
  return (await fetch(`${base}/healthz`)).json() as never;
}

describe('several server processes sharing workshops', () => {
  it('clients on two processes converge on board edits and see each other’s presence', async () => {
    const [a, b] = await cluster(2);
    const w = await createWorkshop(a!.base, { title: 'Two processes' });
    // Joined through the other process: sessions and tokens live in the shared database.
    const anaPerson = await joinAsParticipant(b!.base, w.id, 'Ana');
    const anaToken = anaPerson.token;
    const room = `${w.id}/board`;
    const fac = connectClient(a!.ws, room, w.facilitatorToken);
    const ana = connectClient(b!.ws, room, anaToken);
    await waitFor(() => fac.provider.synced && ana.provider.synced, 'both synced');
    expect((await health(a!.base)).backends).toMatchObject({ database: 'postgres', redis: { ok: true } });

    // Notes as the board's schema takes them, each by its writer's own person.
    for (let i = 0; i < 20; i++) {
      writeNote(fac.doc, facilitatorAuthor(w), `f${i}`, `from the facilitator ${i}`);
      writeNote(ana.doc, participantAuthor(anaPerson), `a${i}`, `from Ana ${i}`);
    }
    await waitFor(() => notes(fac).size === 40 && notes(ana).size === 40 && same(fac, ana), 'both see all 40 notes', 15_000);

    fac.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => presenceOf(ana, fac)?.user?.name === 'Facilitator', 'Ana sees the facilitator');
    await waitFor(() => presenceOf(fac, ana)?.user?.name === 'Ana', 'the facilitator sees Ana');
    // Leaving on one process removes the cursor on the other at once, not after a timeout.
    ana.provider.destroy();
    await waitFor(() => !(presenceOf(fac, ana) !== undefined), 'Ana’s presence removed', 5_000);

    // A late joiner on the other process gets the whole board from the shared database.
    const late = connectClient(b!.base.replace('http', 'ws') + '/ws', room, anaToken);
    await waitFor(() => late.provider.synced && notes(late).size === 40, 'late joiner has everything');
    expect(same(late, fac)).toBe(true);

    // Each update was stored once, by the process its writer is on: no item appears in two rows.
    const rows = await storedRows(schemas.at(-1)!, room);
    const ids = rows.flatMap((row) => Y.decodeUpdate(row).structs.map((s) => `${s.id.client}:${s.id.clock}`));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a process killed mid-write: its clients reconnect to another and nothing anyone had seen is lost', async () => {
    const [doomed, survivor] = await cluster(2);
    const w = await createWorkshop(doomed!.base, { title: 'Crash' });
    const room = `${w.id}/report`;
    const writers = [connectClient(doomed!.ws, room, w.facilitatorToken), connectClient(doomed!.ws, room, w.facilitatorToken)];
    const observer = connectClient(survivor!.ws, room, w.facilitatorToken);
    await waitFor(() => [...writers, observer].every((c) => c.provider.synced), 'all synced');

    let typing = true;
    const typed = writers.map(async (c, n) => {
      for (let i = 0; typing; i++) {
        items(c).set(`w${n}-${i}`, `note ${i} by writer ${n}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await waitFor(() => items(observer).size >= 100, 'the observer on the other process has 100 notes', 15_000);
    doomed!.child.kill('SIGKILL');
    typing = false;
    await Promise.all(typed);
    await waitFor(() => writers.every((c) => !c.provider.wsconnected), 'writers noticed the crash');
    for (const c of writers) c.provider.destroy();

    // What anyone had received: the observer from the fan-out, each writer from the other.
    const seen: [number, number][] = [
      ...writers.map((c) => [c.doc.clientID, clockOf(observer.doc, c.doc.clientID)] as [number, number]),
      [writers[1]!.doc.clientID, clockOf(writers[0]!.doc, writers[1]!.doc.clientID)],
      [writers[0]!.doc.clientID, clockOf(writers[1]!.doc, writers[0]!.doc.clientID)],
    ];
    expect(seen.every(([, clock]) => clock > 0)).toBe(true);

    // An update stored and shown on the dead process whose Redis message died with it reaches
    // the survivor when it notices the death (it re-reads the room) or from the writers' own
    // copies when they reconnect; here no writer has reconnected yet.
    const fresh = connectClient(survivor!.ws, room, w.facilitatorToken);
    await waitFor(() => fresh.provider.synced, 'a fresh reader on the survivor');
    await waitFor(
      () => seen.every(([client, clock]) => clockOf(fresh.doc, client) >= clock),
      'the survivor serves every update anyone had seen',
      15_000,
    );

    // The writers come back on the survivor with the same documents: everyone converges.
    const back = writers.map((c) => connectClient(survivor!.ws, room, w.facilitatorToken, c.doc));
    await waitFor(() => back.every((c) => c.provider.synced), 'writers reconnected');
    const total = items(writers[0]!).size + [...items(writers[1]!).keys()].filter((k) => !items(writers[0]!).has(k)).length;
    await waitFor(() => [observer, fresh, ...back].every((c) => items(c).size === total), `everyone has all ${total} notes`, 15_000);
    expect(sameItems(observer, back[0]!) && sameItems(fresh, back[1]!)).toBe(true);
  });

  it('Redis restarted mid-session: writes made meanwhile reach the other process once it is back, and nothing is lost', async () => {
    const redis = await privateRedis();
    redises.push(redis);
    const [a, b] = await cluster(2, redis.url);
    const w = await createWorkshop(a!.base, { title: 'Redis restart' });
    const room = `${w.id}/report`;
    const ca = connectClient(a!.ws, room, w.facilitatorToken);
    const cb = connectClient(b!.ws, room, w.facilitatorToken);
    await waitFor(() => ca.provider.synced && cb.provider.synced, 'both synced');
    items(ca).set('before', 'written before the outage');
    await waitFor(() => items(cb).get('before') !== undefined, 'fan-out works');

    await redis.kill();
    await eventually(async () => (await health(a!.base)).backends.redis?.ok === false, { what: 'health shows Redis down', intervalMs: 50 });
    for (let i = 0; i < 10; i++) {
      items(ca).set(`a${i}`, `written on A while Redis was down ${i}`);
      items(cb).set(`b${i}`, `written on B while Redis was down ${i}`);
    }
    // Stored by each process all the same: a client joining either one sees that process's writes.
    const onA = connectClient(a!.ws, room, w.facilitatorToken);
    await waitFor(() => onA.provider.synced && items(onA).has('a9'), 'A stored its writes during the outage');

    // A room first opened while Redis is down still opens at once.
    const boardOnB = connectClient(b!.ws, `${w.id}/board`, w.facilitatorToken);
    await waitFor(() => boardOnB.provider.synced, 'a new room opens during the outage');

    await redis.start();
    await waitFor(() => [ca, cb, onA].every((c) => items(c).size === 21), 'everyone has all 21 notes after Redis is back', 20_000);
    const boardOnA = connectClient(a!.ws, `${w.id}/board`, w.facilitatorToken);
    await waitFor(() => boardOnA.provider.synced, 'board on A');
    writeNote(boardOnA.doc, facilitatorAuthor(w), 'board', 'reaches the room B opened during the outage');
    await waitFor(
      () => noteText(boardOnB.doc, 'board') === 'reaches the room B opened during the outage',
      'its subscription completed on reconnect',
      15_000,
    );
    expect(sameItems(ca, cb) && sameItems(cb, onA)).toBe(true);
    items(cb).set('after', 'written after the outage');
    await waitFor(() => items(ca).get('after') !== undefined, 'fan-out works again');
    expect((await health(b!.base)).backends.redis?.ok).toBe(true);
  });

  it('board rules hold across processes: an anonymous note keeps its owner on every process; only she may delete it', async () => {
    const [a, b] = await cluster(2);
    const w = await createWorkshop(a!.base, { title: 'Rules' });
    const [anaToken, benToken] = [await join(a!.base, w.id, 'Ana'), await join(b!.base, w.id, 'Ben')];
    const control = connectClient(a!.ws, `${w.id}/control`, w.facilitatorToken);
    const ana = connectClient(a!.ws, `${w.id}/board`, anaToken);
    const ben = connectClient(b!.ws, `${w.id}/board`, benToken);
    await waitFor(() => control.provider.synced && ana.provider.synced && ben.provider.synced, 'synced');
    control.doc.getMap('state').set('anonymous', true);
    const probe = connectClient(b!.ws, `${w.id}/control`, w.facilitatorToken);
    await waitFor(() => probe.provider.synced && probe.doc.getMap('state').get('anonymous') === true, 'anonymous on both processes');

    let id = '';
    ana.doc.transact(() => {
      id = createNote(boardNotes(ana.doc), {
        phase: 'painPoints',
        text: 'Pilots are budgeted to fail',
        author: { id: 'x', name: 'Mallory', organisation: '' },
      });
    });
    const textOn = (c: TestClient) => {
      const m = boardNotes(c.doc).get(id);
      return m ? plainText(noteContent(m)) : undefined;
    };
    await waitFor(() => textOn(ben) === 'Pilots are budgeted to fail', 'note reached the other process');
    expect(boardNotes(ben.doc).get(id)!.get('author')).toBeNull();
    // The process Ben is on learns who wrote it from the shared database, and puts it back.
    boardNotes(ben.doc).delete(id);
    await waitFor(() => textOn(ben) === 'Pilots are budgeted to fail', "another participant's note restored");
    // A later note from Ben reaching Ana means the restore (published before it) reached her too.
    let marker = '';
    ben.doc.transact(() => {
      marker = createNote(boardNotes(ben.doc), { phase: 'painPoints', text: 'marker' });
    });
    await waitFor(() => boardNotes(ana.doc).has(marker), 'marker relayed');
    // Ana, now on Ben's process, may delete her note: that process learnt she wrote it.
    const anaThere = connectClient(b!.ws, `${w.id}/board`, anaToken);
    await waitFor(() => anaThere.provider.synced && boardNotes(anaThere.doc).has(marker), 'Ana on the other process');
    boardNotes(anaThere.doc).delete(id);
    await waitFor(() => textOn(ben) === undefined && textOn(ana) === undefined, 'the owner deletes it, for everyone');
  });

  it('a person removed through one process is cut off on every process, with 4410', async () => {
    const [a, b] = await cluster(2);
    const w = await createWorkshop(a!.base, { title: 'Removal' });
    const join = await fetch(`${a!.base}/api/workshops/${w.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana', organisation: 'City of Porto', country: 'Portugal', timeZone: 'Europe/Lisbon', language: 'en' }),
    });
    const ana = (await join.json()) as { participantId: string; token: string };
    const onB = rawSocket(wsUrl(b!.ws, `${w.id}/board`, ana.token));
    await onB.opened;
    await waitFor(() => onB.messages.length > 0, 'Ana is in the room on B');
    const removed = await fetch(`${a!.base}/api/workshops/${w.id}/people/${ana.participantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(removed.status).toBe(200);
    expect(await onB.closed).toEqual({ code: 4410, reason: 'You were removed from this workshop.' });
  });

  it('a process that dies takes its clients’ presence with it within the README’s 8 s, not the 30 s awareness timeout', {
    timeout: 40_000,
  }, async () => {
    const [doomed, survivor] = await cluster(2);
    const w = await createWorkshop(survivor!.base, { title: 'Presence' });
    const room = `${w.id}/board`;
    const gone = connectClient(doomed!.ws, room, w.facilitatorToken);
    const stays = connectClient(survivor!.ws, room, w.facilitatorToken);
    await waitFor(() => gone.provider.synced && stays.provider.synced, 'both synced');
    gone.provider.awareness.setLocalStateField('user', { name: 'On the doomed process' });
    await waitFor(() => presenceOf(stays, gone) !== undefined, 'presence across processes');
    const killedAt = Date.now();
    doomed!.child.kill('SIGKILL');
    gone.provider.disconnect();
    // Its last "alive" was at most at the kill; the survivor checks every heartbeat, so it
    // notices by PROCESS_GONE_AFTER_MS + HEARTBEAT_MS (the README's 8 s). The wait runs past
    // that bound so a slow removal is measured, not merely timed out.
    const bound = PROCESS_GONE_AFTER_MS + HEARTBEAT_MS;
    expect(bound).toBe(8_000);
    await waitFor(() => !(presenceOf(stays, gone) !== undefined), 'presence removed', 30_000);
    // One second for a loaded machine's timers and the message to the client.
    expect(Date.now() - killedAt).toBeLessThan(bound + 1_000);
  });
  it('a breakout move made through one process reconnects the person’s sockets on another at once, with their new access', async () => {
    const [a, b] = await cluster(2);
    const w = await createWorkshop(a!.base, { title: 'Breakout across processes' });
    const people: { participantId: string; token: string }[] = [];
    for (const [name, organisation] of [
      ['Ana', 'City of Porto'],
      ['Bob', 'Pacific Lab'],
      ['Carol', 'Bogotá Transit'],
      ['Dan', 'Oslo Data'],
    ]) {
      people.push(await joinAsParticipant(a!.base, w.id, name, { organisation }));
    }
    const facilitator = { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` };
    const split = await fetch(`${a!.base}/api/workshops/${w.id}/groups`, {
      method: 'POST',
      headers: facilitator,
      body: JSON.stringify({ mode: 'mixed', groups: 2, seed: 4 }),
    });
    expect(split.status).toBe(201);
    const [g1, g2] = ((await split.json()) as { breakout: Breakout }).breakout.groups;
    const tokenOf = (id: string) => people.find((p) => p.participantId === id)!.token;
    const [mover, stays] = g1!.members.map(tokenOf);
    const [other] = g2!.members.map(tokenOf);
    const room = (groupId: string) => `${w.id}/group/${groupId}`;
    // The mover and both groups' watchers are on B; the facilitator moves the mover through A.
    const moverOld = connectClient(b!.ws, room(g1!.id), mover!);
    const watcher1 = connectClient(b!.ws, room(g1!.id), stays!);
    const watcher2 = connectClient(b!.ws, room(g2!.id), other!);
    await waitFor(() => [moverOld, watcher1, watcher2].every((c) => c.provider.synced), 'all synced on B');
    const before = createNote(boardNotes(moverOld.doc), { phase: 'painPoints', text: 'before the move' });
    await waitFor(() => boardNotes(watcher1.doc).has(before), 'the mover writes in the old group');
    const closed = new Promise<number>((resolve) => moverOld.provider.ws?.addEventListener('close', (e) => resolve(e.code)));

    const moved = await fetch(`${a!.base}/api/workshops/${w.id}/groups/members/${g1!.members[0]}`, {
      method: 'PUT',
      headers: facilitator,
      body: JSON.stringify({ groupId: g2!.id }),
    });
    expect(moved.status).toBe(200);
    // GROUP_CHANGED (1012) on B, live: before, only the next reconnect gave the new access.
    const code = await Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('still open after 5 s'), 5_000))]);
    expect(code).toBe(1012);
    await waitFor(() => moverOld.provider.synced && moverOld.provider.wsconnected, 'reconnected to the old group, read-only');
    const dropped = createNote(boardNotes(moverOld.doc), { phase: 'painPoints', text: 'after the move' });
    const probe = createNote(boardNotes(watcher1.doc), { phase: 'painPoints', text: 'a member still writes' });
    await waitFor(() => boardNotes(moverOld.doc).has(probe), 'the old group still reaches the mover');
    expect(boardNotes(watcher1.doc).has(dropped)).toBe(false);

    const moverNew = connectClient(b!.ws, room(g2!.id), mover!);
    await waitFor(() => moverNew.provider.synced, 'mover synced in the new group');
    const kept = createNote(boardNotes(moverNew.doc), { phase: 'painPoints', text: 'in my new group' });
    await waitFor(() => boardNotes(watcher2.doc).has(kept), 'the new group receives the mover’s note');
  });

  it('a directory choice saved through one process re-stamps the person’s presence on another', async () => {
    const [a, b] = await cluster(2);
    const w = await createWorkshop(a!.base, { title: 'Consent across processes' });
    const ana = await joinAsParticipant(a!.base, w.id, 'Ana', { organisation: 'City of Porto' });
    const room = `${w.id}/board`;
    const anaOnB = connectClient(b!.ws, room, ana.token);
    const facOnA = connectClient(a!.ws, room, w.facilitatorToken);
    await waitFor(() => anaOnB.provider.synced && facOnA.provider.synced, 'both synced');
    anaOnB.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    await waitFor(() => presenceOf(facOnA, anaOnB)?.user?.name === 'Ana', 'Ana’s presence reaches A');
    // Not listed yet: her organisation does not travel.
    expect(presenceOf(facOnA, anaOnB)?.user).not.toHaveProperty('organisation');
    const profile = { listed: true, show: ['organisation'], role: '', themes: [], canHelp: '', lookingFor: '', contact: '' };
    const put = await fetch(`${a!.base}/api/workshops/${w.id}/directory/me`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.token}` },
      body: JSON.stringify(profile),
    });
    expect(put.status).toBe(200);
    await waitFor(() => presenceOf(facOnA, anaOnB)?.user?.organisation === 'City of Porto', 'organisation shown once Ana chose to', 5_000);
    await fetch(`${a!.base}/api/workshops/${w.id}/directory/me`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.token}` },
      body: JSON.stringify({ ...profile, listed: false }),
    });
    await waitFor(() => presenceOf(facOnA, anaOnB)?.user?.organisation === undefined, 'organisation gone once Ana withdrew', 5_000);
  });
});
