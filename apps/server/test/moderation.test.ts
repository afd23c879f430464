import { describe, expect, it } from 'vitest';
import { controlState } from '@crossboard/model';
import { connectClient, connectSynced, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

describe('removing a participant', () => {
  it('closes every socket they hold with 4410 and refuses their token over HTTP and WebSocket', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const ben = await joinAsParticipant(server.app, w.id, 'Ben');
    const base = `/api/workshops/${w.id}`;
    const sockets = [`${w.id}/board`, `${w.id}/control`, `${w.id}/drafts/${ana.participantId}`].map((room) =>
      rawSocket(wsUrl(server.ws, room, ana.token)),
    );
    await Promise.all(sockets.map((s) => s.opened));
    const bensBoard = await connectSynced(server.ws, `${w.id}/board`, ben.token);

    expect((await server.call('DELETE', `${base}/people/${ana.participantId}`, ben.token)).statusCode).toBe(403);
    const removed = await server.call('DELETE', `${base}/people/${ana.participantId}`, w.facilitatorToken);
    expect(removed.statusCode).toBe(200);
    for (const s of sockets) expect(await s.closed).toEqual({ code: 4410, reason: 'You were removed from this workshop.' });

    for (const [method, url, payload] of [
      ['GET', base, undefined],
      ['GET', `${base}/votes/mine`, undefined],
      ['POST', `${base}/votes`, { itemId: 'x' }],
      ['POST', `${base}/ready`, { ready: true }],
    ] as const) {
      const res = await server.call(method, url, ana.token, payload);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('PERSON_REMOVED');
    }
    const again = rawSocket(wsUrl(server.ws, `${w.id}/board`, ana.token));
    expect(await again.closed).toEqual({ code: 4410, reason: 'You were removed from this workshop.' });
    expect(again.messages).toHaveLength(0);
    // A stock provider is refused as well and does not get in by retrying.
    const provider = connectClient(server.ws, `${w.id}/board`, ana.token);
    const closes: number[] = [];
    provider.provider.on('connection-close', (event) => closes.push((event as { code?: number } | null)?.code ?? 0));
    await waitFor(() => closes.includes(4410), 'provider refused with 4410');
    expect(provider.provider.synced).toBe(false);

    // Everyone else carries on; the people list shows the removal.
    expect(bensBoard.provider.wsconnected).toBe(true);
    const people = (await server.call('GET', `${base}/people`, w.facilitatorToken)).json().people as {
      personId: string;
      removed: boolean;
    }[];
    expect(people.find((p) => p.personId === ana.participantId)?.removed).toBe(true);
    expect(people.find((p) => p.personId === ben.participantId)?.removed).toBe(false);
    const unknown = await server.call('DELETE', `${base}/people/nobody`, w.facilitatorToken);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('ready', () => {
  it('marks a participant ready for the current phase in the control room, and unmarks them', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const base = `/api/workshops/${w.id}`;
    const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
    control.doc.getMap('state').set('phase', 'visions');
    await waitFor(
      () => server.app.crossboard.rooms.loaded(`${w.id}/control`)?.document.getMap('state').get('phase') === 'visions',
      'phase stored',
    );

    expect((await server.call('POST', `${base}/ready`, ana.token, { ready: true })).statusCode).toBe(200);
    await waitFor(
      () => (controlState(control.doc).get('ready') as Record<string, string> | undefined)?.[ana.participantId] === 'visions',
      'ready shown',
    );
    expect((await server.call('POST', `${base}/ready`, ana.token, { ready: false })).statusCode).toBe(200);
    await waitFor(() => JSON.stringify(controlState(control.doc).get('ready')) === '{}', 'ready cleared');

    expect((await server.call('POST', `${base}/ready`, w.facilitatorToken, { ready: true })).statusCode).toBe(403);
    expect((await server.call('POST', `${base}/ready`, ana.token, { ready: 'yes' })).statusCode).toBe(400);
  });
});
