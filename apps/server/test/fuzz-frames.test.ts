import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardNotes,
  createNote,
  createRecommendation,
  listNotes,
  listRecommendations,
  noteContent,
  plainText,
  reportRecommendations,
  setPlainText,
} from '@crossboard/model';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from '../src/sync/protocol.ts';
import { connectClient, connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

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
  isDeepStrictEqual(listRecommendations(a), listRecommendations(b)) &&
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
            // The honest writers write what the report room's schema keeps: recommendations.
            createRecommendation(a.doc, { id: `a${written++}`, title: 'Honest' });
          }
          sock.ws.close();
          await sock.closed;
        }
        createRecommendation(b.doc, { id: 'fromB', title: String(written) });
        await waitFor(() => listRecommendations(b.doc).filter((r) => r.id !== 'fromB').length === written, "b has all of a's writes");
        await waitFor(() => reportRecommendations(a.doc).get('fromB')?.get('title') === String(written), "a has b's write");
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

/**
 * A hostile participant (issue 11): a stock Yjs client that writes random schema-breaking
 * updates to notes it does not own. Whatever it sends, every export answers 200 and the
 * owner's notes are still listed, in their phase, with their text.
 */
const NOTE_FIELDS = [
  'id',
  'phase',
  'colour',
  'x',
  'y',
  'clusterId',
  'theme',
  'author',
  'order',
  'createdAt',
  'updatedAt',
  'content',
  'extra',
];
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(null, 'bogus', '', 0, -1, 1e300, Number.NaN, true, [], {}, ['a', 1], { id: 'x' }, '__proto__'),
  fc.string({ maxLength: 30 }),
  fc.double(),
  // Large, but a run's writes stay within one message and the byte burst.
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'h'.repeat(n)),
);
const hostileOp = fc.oneof(
  fc.record({ op: fc.constant('set' as const), target: fc.nat(), field: fc.constantFrom(...NOTE_FIELDS), value: oddValue }),
  fc.record({ op: fc.constant('unset' as const), target: fc.nat(), field: fc.constantFrom(...NOTE_FIELDS) }),
  fc.record({ op: fc.constant('nested' as const), target: fc.nat(), field: fc.constantFrom(...NOTE_FIELDS) }),
  fc.record({
    op: fc.constant('copy' as const),
    target: fc.nat(),
    key: fc.constantFrom('stolen', '__proto__', 'constructor', 'a b', 'x'.repeat(80)),
  }),
  fc.record({ op: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('blank' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), target: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('root' as const), name: fc.constantFrom('junk', 'settings', 'recommendations', 'list'), value: oddValue }),
);
type HostileOp = typeof hostileOp extends fc.Arbitrary<infer T> ? T : never;

function applyHostile(doc: Y.Doc, ids: string[], op: HostileOp): void {
  const notes = boardNotes(doc);
  if (op.op === 'root') {
    doc.getMap(op.name).set('k', op.value);
    return;
  }
  const id = ids[op.target % ids.length]!;
  const note = notes.get(id);
  if (!note) return;
  switch (op.op) {
    case 'set':
      note.set(op.field, op.value);
      break;
    case 'unset':
      note.delete(op.field);
      break;
    case 'nested':
      note.set(op.field, new Y.Map());
      break;
    case 'copy': {
      const copy = new Y.Map<unknown>();
      for (const [k, v] of note.entries()) if (!(v instanceof Y.AbstractType)) copy.set(k, v);
      notes.set(op.key, copy);
      break;
    }
    case 'delete':
      notes.delete(id);
      break;
    case 'blank':
      setPlainText(noteContent(note), '');
      break;
    case 'replace': {
      const fake = new Y.Map<unknown>();
      fake.set('id', id);
      fake.set('phase', 'visions');
      fake.set('theme', op.value);
      notes.set(id, fake);
      break;
    }
  }
}

describe('a hostile participant', () => {
  it("never breaks an export nor makes the owner's notes vanish", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(hostileOp, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        const w = await createWorkshop(server.app);
        const ana = await joinAsParticipant(server.app, w.id, 'Ana');
        const ben = await joinAsParticipant(server.app, w.id, 'Ben');
        const room = `${w.id}/board`;
        const anaBoard = await connectSynced(server.ws, room, ana.token);
        const benBoard = await connectSynced(server.ws, room, ben.token);
        const texts = new Map<string, string>();
        anaBoard.doc.transact(() => {
          for (const [i, phase] of (['painPoints', 'visions', 'painPoints'] as const).entries()) {
            texts.set(createNote(boardNotes(anaBoard.doc), { phase, text: `Ana's note ${i}` }), `Ana's note ${i}`);
          }
        });
        const ids = [...texts.keys()];
        await waitFor(() => ids.every((id) => boardNotes(benBoard.doc).has(id)), "Ben sees Ana's notes");
        for (const batch of batches) {
          // One transaction per batch, each well under the message limit.
          benBoard.doc.transact(() => batch.forEach((op) => applyHostile(benBoard.doc, ids, op)));
        }
        const marker = createNote(boardNotes(benBoard.doc), { phase: 'visions', text: 'marker' });
        const stored = () => server.app.crossboard.rooms.loaded(room)!.document;
        await waitFor(() => boardNotes(stored()).has(marker), 'the server has handled every batch');
        const listed = new Map(listNotes(stored()).map((n) => [n.id, n]));
        for (const [id, text] of texts) {
          expect(listed.get(id)?.author?.id, id).toBe(ana.participantId);
          // Contained, not equal: a blank sent before the previous one was put back lands as an
          // empty paragraph beside the restored text, an edit of the words others may make.
          expect(plainText(noteContent(boardNotes(stored()).get(id)!))).toContain(text);
        }
        for (const format of ['md', 'csv', 'json', 'docx']) {
          const res = await server.app.inject({
            url: `/api/workshops/${w.id}/export?format=${format}`,
            headers: { authorization: `Bearer ${w.facilitatorToken}` },
          });
          expect(res.statusCode, format).toBe(200);
        }
        destroyAllClients();
      }),
      { numRuns: 15, seed: 20_261_127, endOnFailure: true },
    );
  }, 180_000);
});
