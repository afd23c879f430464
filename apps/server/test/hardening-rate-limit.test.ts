import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../src/sync/protocol.ts';
import { connectSynced, rawSocket, waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';
import { FREE_FORM_REPORT } from './helpers/free-form-room.ts';

const LIMITS = {
  messagesPerSecond: 20,
  messageBurst: 40,
  bytesPerSecond: 128 * 1024,
  byteBurst: 128 * 1024,
  maxMessageBytes: 64 * 1024,
  floodCloseAfterMs: 500,
  maxDelayedMessages: 100,
};

const server = useServer({ limits: LIMITS, ...FREE_FORM_REPORT });

/** Update messages from one document, in order, each adding one note of `size` characters. */
function noteMessages(count: number, prefix: string, size = 10): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(encodeUpdate(u)));
  for (let i = 0; i < count; i++) doc.getMap('items').set(`${prefix}${i}`, 'x'.repeat(size));
  return out;
}

async function scene() {
  const w = await createWorkshop(server.app);
  // The report room: the board's schema now refuses an `items` map, and limits are per connection.
  const room = `${w.id}/report`;
  const reader = await connectSynced(server.ws, room, w.facilitatorToken);
  const sock = rawSocket(wsUrl(server.ws, room, w.facilitatorToken));
  await sock.opened;
  const notes = (prefix: string) => [...reader.doc.getMap('items').keys()].filter((k) => k.startsWith(prefix)).length;
  return { w, room, reader, sock, notes };
}

const metric = async (pattern: RegExp) => {
  const body = (await server.app.inject('/metrics')).body;
  return Number(body.match(pattern)?.[1] ?? 0);
};

describe('messages per second per connection', () => {
  it('lets a burst exactly the size of the bucket straight through', async () => {
    const { sock, notes } = await scene();
    const delayedBefore = await metric(/^crossboard_messages_delayed_total (\d+)/m);
    for (const m of noteMessages(LIMITS.messageBurst, 'b')) sock.ws.send(m);
    await waitFor(() => notes('b') === LIMITS.messageBurst, 'the whole burst at the reader');
    expect(await metric(/^crossboard_messages_delayed_total (\d+)/m)).toBe(delayedBefore);
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
  });

  it('slows a burst just past the bucket without losing any of it', async () => {
    const { sock, notes } = await scene();
    const delayedBefore = await metric(/^crossboard_messages_delayed_total (\d+)/m);
    for (const m of noteMessages(LIMITS.messageBurst + 5, 'p')) sock.ws.send(m);
    await waitFor(() => notes('p') === LIMITS.messageBurst + 5, 'every message, the last ones late');
    expect(await metric(/^crossboard_messages_delayed_total (\d+)/m)).toBeGreaterThanOrEqual(delayedBefore + 5);
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
  });

  it('closes a flooder with 1008 before it gets more than its burst through, while another writer in the room is unaffected', async () => {
    const { w, room, reader, sock, notes } = await scene();
    const writer = await connectSynced(server.ws, room, w.facilitatorToken);
    const messages = noteMessages(2_000, 'f');
    for (let i = 0; i < 200; i += 20) writer.doc.getMap('items').set(`ok${i}`, 'fine');
    // Sent in one go: the server meets them faster than any refill, however loaded the machine,
    // so when it hangs up follows from the limits, not from how fast this process could pace them.
    for (const m of messages) sock.ws.send(m);
    const closed = await sock.closed;
    expect(closed).toEqual({ code: 1008, reason: expect.stringMatching(/Too many messages/) });
    writer.doc.getMap('items').set('after', 'the flood');
    await waitFor(() => reader.doc.getMap('items').get('after') === 'the flood', 'the writer still reaches the reader');
    // Sent after the close, so the reader holds every flood note the server passed on: at most
    // the burst and a second's refill; what was held back was dropped at the close.
    expect(notes('f')).toBeLessThanOrEqual(LIMITS.messageBurst + LIMITS.messagesPerSecond);
    // A paced flooder is closed by the 0.5 s rule instead: rate-limit-throttle.test.ts, on a fake clock.
    for (const [k, v] of writer.doc.getMap('items')) if (k.startsWith('ok')) expect(reader.doc.getMap('items').get(k)).toBe(v);
    expect(await metric(/crossboard_messages_dropped_total\{reason="rate_limited"\} (\d+)/)).toBeGreaterThan(0);
  });
});

describe('bytes per second per connection', () => {
  it('passes a byte burst at the bucket and closes a byte flooder with 1008', async () => {
    const { sock, notes } = await scene();
    // Four 32 KiB messages fill the 128 KiB bucket exactly.
    const big = noteMessages(40, 'k', 32 * 1024 - 40);
    for (const m of big.slice(0, 3)) sock.ws.send(m);
    await waitFor(() => notes('k') === 3, 'a burst within the byte bucket');
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    // Then far more bytes per second than allowed, in few messages.
    for (const m of big.slice(3)) {
      if (sock.ws.readyState !== sock.ws.OPEN) break;
      sock.ws.send(m);
      await new Promise((r) => setTimeout(r, 30));
    }
    const closed = await sock.closed;
    expect(closed.code).toBe(1008);
    expect(notes('k')).toBeLessThan(40);
  });
});
