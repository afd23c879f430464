import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../src/sync/protocol.ts';
import { connectClient, connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** A valid update from a stranger's document: random edits under a random client id. */
const validUpdate = fc
  .record({
    clientID: fc.integer({ min: 1, max: 2 ** 31 }),
    ops: fc.array(fc.tuple(fc.constantFrom('text', 'map', 'array'), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 }),
  })
  .map(({ clientID, ops }) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    for (const [kind, s] of ops) {
      if (kind === 'text') doc.getText('text').insert(0, s);
      else if (kind === 'map') doc.getMap('items').set(`k${s.length}`, s);
      else doc.getArray('list').push([s]);
    }
    return Y.encodeStateAsUpdate(doc);
  });

const validFrame = fc.oneof(
  validUpdate.map(encodeUpdate),
  validUpdate.map(() => encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))),
  fc.constant(encodeAwareness(new Uint8Array([0]))),
);

/** Valid frames, cut short or with bytes overwritten, and plain noise. */
const frame = fc.oneof(
  { arbitrary: validFrame, weight: 3 },
  {
    arbitrary: fc.tuple(validFrame, fc.nat()).map(([f, n]) => f.subarray(0, n % Math.max(1, f.length))),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(validFrame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
      .map(([f, flips]) => {
        const out = Uint8Array.from(f);
        for (const [at, v] of flips) out[at % out.length] = v;
        return out;
      }),
    weight: 3,
  },
  { arbitrary: fc.uint8Array({ minLength: 0, maxLength: 80 }), weight: 2 },
);

// Map key order follows arrival, so compare contents, not serialisations.
const same = (a: Y.Doc, b: Y.Doc) =>
  a.getText('text').toString() === b.getText('text').toString() &&
  a.getText('mine').toString() === b.getText('mine').toString() &&
  isDeepStrictEqual(a.getMap('items').toJSON(), b.getMap('items').toJSON()) &&
  isDeepStrictEqual(a.getArray('list').toJSON(), b.getArray('list').toJSON());

describe('random, truncated and mutated frames and random valid updates', () => {
  it('never crash the server; correct clients keep being served and converge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(frame, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (attacks) => {
        const w = await createWorkshop(server.app);
        const room = `${w.id}/report`;
        const a = await connectSynced(server.ws, room, w.facilitatorToken);
        const b = await connectSynced(server.ws, room, w.facilitatorToken);
        let written = 0;
        for (const frames of attacks) {
          // Each attacker socket sends its frames until the server closes it.
          const sock = rawSocket(wsUrl(server.ws, room, w.facilitatorToken));
          await sock.opened;
          for (const f of frames) {
            if (sock.ws.readyState !== sock.ws.OPEN) break;
            sock.ws.send(f);
            a.doc.getText('mine').insert(0, `${written++},`);
          }
          sock.ws.close();
          await sock.closed;
        }
        b.doc.getMap('fromB').set('last', written);
        await waitFor(() => b.doc.getText('mine').length === a.doc.getText('mine').length, 'b has all of a\'s writes');
        await waitFor(() => a.doc.getMap('fromB').get('last') === written, 'a has b\'s write');
        const stored = server.app.crossboard.rooms.loaded(room)!.document;
        await waitFor(() => same(a.doc, b.doc) && same(a.doc, stored), 'a, b and the server agree');
        // A newcomer gets the same document.
        const c = connectClient(server.ws, room, w.facilitatorToken);
        await waitFor(() => c.provider.synced && same(c.doc, a.doc), 'a newcomer converges');
        expect((await server.app.inject('/healthz')).statusCode).toBe(200);
        destroyAllClients();
      }),
      { numRuns: 30, seed: 20_240_601, endOnFailure: true },
    );
  }, 120_000);
});
