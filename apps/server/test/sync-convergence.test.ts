import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, connectSynced, destroyAllClients, waitFor, presenceOf } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d))].sort(([x], [y]) => x - y));
  return sv(a) === sv(b) &&
    isDeepStrictEqual(a.getMap('notes').toJSON(), b.getMap('notes').toJSON());
}

describe('two people editing one board', () => {
  it('converge on concurrent edits, and a late third client receives everything', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/board`;
    const a = await connectSynced(server.ws, room, w.facilitatorToken);
    const b = await connectSynced(server.ws, room, ana.token);

    // Concurrent: both write before either has seen the other's change.
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('notes').set(`a${i}`, `from facilitator ${i}`);
      b.doc.getMap('notes').set(`b${i}`, `from Ana ${i}`);
      a.doc.getText('text').insert(0, 'A');
      b.doc.getText('text').insert(0, 'B');
    }
    await waitFor(() => a.doc.getMap('notes').size === 40 && b.doc.getMap('notes').size === 40, 'both see 40 notes');
    await waitFor(() => sameState(a.doc, b.doc) && a.doc.getText('text').toString() === b.doc.getText('text').toString(), 'convergence');
    expect(a.doc.getText('text').length).toBe(40);

    const late = connectClient(server.ws, room, ana.token);
    await waitFor(() => late.provider.synced && late.doc.getMap('notes').size === 40, 'late client has everything');
    expect(late.doc.getText('text').toString()).toBe(a.doc.getText('text').toString());
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
    writer.doc.getText('text').insert(0, 'hello everyone');
    const joiners = Array.from({ length: 8 }, () => connectClient(server.ws, room, w.facilitatorToken));
    await waitFor(() => joiners.every((j) => j.doc.getText('text').toString() === 'hello everyone'), 'all joiners');
  });
});
