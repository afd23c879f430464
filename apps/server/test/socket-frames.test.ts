import type { EventEmitter } from 'node:events';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { framed } from '../src/sync/socket-connection.ts';

// `ws` exports its frame parser at run time; its type package does not describe it.
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Buffer): boolean };
};

/** What a browser's WebSocket makes of the bytes: `ws`'s own client-side parser. */
function receive(frame: Buffer): Promise<{ data: Buffer; binary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, binary: boolean) => resolve({ data, binary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('broadcast frames written by the server itself', () => {
  // Each length field of RFC 6455 at and just past its limit.
  it.each([0, 1, 125, 126, 65_535, 65_536, 300_000])('reach a client intact as one binary message of %i bytes', async (length) => {
    const payload = Uint8Array.from({ length }, (_, i) => (i * 7) % 256);
    const { data, binary } = await receive(framed(payload));
    expect(binary).toBe(true);
    expect(data.byteLength).toBe(length);
    expect(Buffer.compare(data, Buffer.from(payload))).toBe(0);
  });

  it('frames a message once for all its recipients and never hands one recipient another message', () => {
    const a = Uint8Array.of(1, 2, 3);
    const b = Uint8Array.of(1, 2, 3);
    expect(framed(a)).toBe(framed(a));
    expect(framed(b)).not.toBe(framed(a));
    expect([...framed(b)]).toEqual([0x82, 3, 1, 2, 3]);
  });
});
