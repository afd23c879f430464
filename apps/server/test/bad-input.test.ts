import { describe, expect, it } from 'vitest';
import { MAX_WS_MESSAGE_BYTES, WS_FRAME_HARD_LIMIT_BYTES } from '../src/limits.ts';
import { connectSynced, rawSocket, waitFor, wsUrl, type TestClient, presenceOf } from './helpers/clients.ts';
import { boardNotes, type Author } from '@crossboard/model';
import { noteUpdateMessageOfSize, randomBytes, seededRandom, smallNoteMessage } from './helpers/messages.ts';
import { facilitatorAuthor, noteText, writeNote } from './helpers/notes.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

// The size test sends a 1 MiB update; keep compaction out of the way of timing.
const server = useServer({ limits: { compactAfterBytes: 64 * 1024 * 1024 } });

interface Scene {
  room: string;
  /** A participant's token, for the sockets that send bad frames. */
  token: string;
  /** The facilitator's token: the 1 MiB update is more than one participant may hold on a board. */
  facilitatorToken: string;
  /** The writer's own person (the facilitator), as the server stamps it. */
  author: Author;
  writer: TestClient;
  reader: TestClient;
  /** Writes note i on the writer's side, as the board's schema accepts it, so only the protocol is under test. */
  write(i: number): void;
  /** Every note written so far reached the reader. */
  allArrived(): Promise<void>;
}

async function scene(): Promise<Scene> {
  const w = await createWorkshop(server.app);
  const room = `${w.id}/board`;
  const writer = await connectSynced(server.ws, room, w.facilitatorToken);
  const reader = await connectSynced(server.ws, room, w.facilitatorToken);
  const author = facilitatorAuthor(w);
  let written = 0;
  return {
    room,
    token: (await joinAsParticipant(server.app, w.id)).token,
    facilitatorToken: w.facilitatorToken,
    author,
    writer,
    reader,
    write(i) {
      writeNote(writer.doc, author, `n${i}`, `note ${i}`);
      written = Math.max(written, i + 1);
    },
    async allArrived() {
      await waitFor(() => boardNotes(reader.doc).size === written, `${written} notes at the reader`);
      expect(reader.doc.getMap('notes').toJSON()).toEqual(writer.doc.getMap('notes').toJSON());
    },
  };
}

/** Sends one frame from a fresh, authorised socket while the room is busy, and returns the close. */
async function sendBad(s: Scene, frame: Uint8Array | string, during: (i: number) => void) {
  const sock = rawSocket(wsUrl(server.ws, s.room, s.token));
  await sock.opened;
  for (let i = 0; i < 5; i++) during(i);
  sock.ws.send(frame);
  for (let i = 5; i < 10; i++) during(i);
  return sock.closed;
}

describe('bad input costs no one else data or service', () => {
  it('closes a message one byte over the limit with 1009, and accepts one exactly at it', async () => {
    const s = await scene();
    const over = new Uint8Array(MAX_WS_MESSAGE_BYTES + 1);
    const closed = await sendBad(s, over, (i) => s.write(i));
    expect(closed).toEqual({ code: 1009, reason: 'Message too big: the limit is 1 MiB.' });
    await s.allArrived();

    // Far past the limit, the frame is cut off while it arrives rather than buffered.
    const huge = await sendBad(s, new Uint8Array(WS_FRAME_HARD_LIMIT_BYTES + 1), (i) => s.write(10 + i));
    expect(huge.code).toBe(1009);
    await s.allArrived();

    // Exactly 1 MiB of schema-valid notes (full-length texts), from the facilitator: no quota
    // applies, so the server relays the update as it is.
    const { message, texts } = noteUpdateMessageOfSize(MAX_WS_MESSAGE_BYTES, s.author);
    expect(message.byteLength).toBe(MAX_WS_MESSAGE_BYTES);
    const sock = rawSocket(wsUrl(server.ws, s.room, s.facilitatorToken));
    await sock.opened;
    sock.ws.send(message);
    await waitFor(
      () => [...texts].every(([id, text]) => noteText(s.reader.doc, id) === text),
      'the 1 MiB update reached the reader',
      15_000,
    );
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    sock.ws.close();
  });

  it('closes random bytes with 1007 and a reason', async () => {
    const s = await scene();
    const random = seededRandom(42);
    // A sync message header followed by noise: the commonest shape of garbage.
    const frame = new Uint8Array([0, 2, ...randomBytes(random, 200)]);
    const closed = await sendBad(s, frame, (i) => s.write(i));
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/^Malformed message/);
    await s.allArrived();
  });

  it('closes a truncated sync message with 1007', async () => {
    const s = await scene();
    const full = smallNoteMessage('cut', 'this update is cut short');
    const closed = await sendBad(s, full.subarray(0, full.length - 6), (i) => s.write(i));
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/truncated/);
    await s.allArrived();
    expect(boardNotes(s.reader.doc).has('cut')).toBe(false);
  });

  it('closes an unknown message type with 1003', async () => {
    const s = await scene();
    const closed = await sendBad(s, new Uint8Array([99, 1, 2, 3]), (i) => s.write(i));
    expect(closed.code).toBe(1003);
    expect(closed.reason).toMatch(/Unknown message type/);
    await s.allArrived();
  });

  it("closes malformed awareness with 1007 and keeps everyone else's presence", async () => {
    const s = await scene();
    s.writer.provider.awareness.setLocalStateField('user', { name: 'Writer' });
    await waitFor(() => presenceOf(s.reader, s.writer) !== undefined, 'presence');
    // One entry whose state is not JSON.
    const bad = new Uint8Array([1, 7, 1, 5, 1, 3, 0x7b, 0x7b, 0x7b]);
    const closed = await sendBad(s, bad, (i) => s.write(i));
    expect(closed.code).toBe(1007);
    await s.allArrived();
    expect(presenceOf(s.reader, s.writer) !== undefined).toBe(true);
  });

  it('survives a seeded barrage of garbage frames: each is closed with 1007 or 1003 and the room keeps its data', async () => {
    const s = await scene();
    const random = seededRandom(7);
    for (let n = 0; n < 20; n++) {
      const length = 1 + Math.floor(random() * 64);
      const frame = randomBytes(random, length);
      // Bias toward known message types so the decoders, not only the type switch, are exercised.
      if (n % 2 === 0) frame[0] = n % 4 === 0 ? 0 : 1;
      const closed = await sendBad(s, frame, (i) => s.write(n * 10 + i));
      expect([1003, 1007], `frame ${n}: ${Buffer.from(frame).toString('hex')}`).toContain(closed.code);
    }
    await s.allArrived();
    expect(boardNotes(s.reader.doc).size).toBe(200);
    const metrics = await server.app.inject('/metrics');
    expect(metrics.body).toMatch(/crossboard_messages_dropped_total\{reason="malformed"\} \d+/);
  });
});
