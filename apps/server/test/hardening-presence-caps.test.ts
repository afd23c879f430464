import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { Limits } from '../src/limits.ts';
import { encodeAwareness } from '../src/sync/protocol.ts';
import { connectSynced, destroyAllClients, rawSocket, waitFor, wsUrl, type RawSocket } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

const servers: TestServer[] = [];
const sockets: RawSocket[] = [];
afterEach(() => {
  destroyAllClients();
  for (const s of sockets.splice(0)) s.ws.terminate();
});
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(limits: Partial<Limits>) {
  const s = await startServer({ limits });
  servers.push(s);
  return s;
}

/** One awareness entry whose state's JSON is exactly `bytes` long. */
function stateFrame(clientID: number, clock: number, state: Record<string, unknown>, bytes?: number): Uint8Array {
  let json = JSON.stringify(state);
  if (bytes !== undefined) {
    const padded = { ...state, pad: '' };
    const base = JSON.stringify(padded).length;
    json = JSON.stringify({ ...padded, pad: 'x'.repeat(bytes - base) });
    expect(Buffer.byteLength(json)).toBe(bytes);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientID);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, json);
  return encodeAwareness(encoding.toUint8Array(e));
}

async function scene(limits: Partial<Limits>) {
  const s = await server(limits);
  const w = await createWorkshop(s.app);
  const ben = await joinAsParticipant(s.app, w.id, 'Ben');
  const room = `${w.id}/board`;
  const watcher = await connectSynced(s.ws, room, w.facilitatorToken);
  const sender = rawSocket(wsUrl(s.ws, room, ben.token));
  sockets.push(sender);
  await sender.opened;
  const bens = () => [...watcher.provider.awareness.getStates().values()].find((st) => st?.user?.name === 'Ben');
  return { watcher, sender, bens };
}

describe('presence state size', () => {
  it('shows a state of exactly the cap and closes a state one byte past it with 1009', async () => {
    const MAX = 2_000;
    const { sender, bens } = await scene({ maxAwarenessStateBytes: MAX });
    sender.ws.send(stateFrame(5, 1, { cursor: { x: 1 } }, MAX));
    await waitFor(() => bens()?.cursor?.x === 1, 'the state at the cap is shown');

    sender.ws.send(stateFrame(5, 2, { cursor: { x: 2 } }, MAX + 1));
    expect(await sender.closed).toEqual({ code: 1009, reason: expect.stringMatching(/Presence state too big/) });
  });
});

describe('presence rate per connection', () => {
  it('applies a burst up to the cap at once and makes the next change wait for the bucket', async () => {
    const { watcher, sender, bens } = await scene({ awarenessUpdateBurst: 3, awarenessUpdatesPerSecond: 2, awarenessTickMs: 10 });
    const seen: number[] = [];
    watcher.provider.awareness.on('change', () => {
      const x = bens()?.cursor?.x;
      if (typeof x === 'number' && seen.at(-1) !== x) seen.push(x);
    });
    // At the cap: three changes, each in its own tick, each shown.
    for (let x = 1; x <= 3; x++) {
      sender.ws.send(stateFrame(5, x, { cursor: { x } }));
      await waitFor(() => seen.includes(x), `change ${x} shown`);
    }
    // Past it: the fourth waits ~500 ms for a token (2/s), then shows; it is not lost.
    const sentAt = Date.now();
    sender.ws.send(stateFrame(5, 4, { cursor: { x: 4 } }));
    await waitFor(() => seen.includes(4), 'change 4 shown');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(350);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('keeps only the newest of the changes that waited', async () => {
    const { watcher, sender, bens } = await scene({ awarenessUpdateBurst: 1, awarenessUpdatesPerSecond: 2, awarenessTickMs: 10 });
    const seen: number[] = [];
    watcher.provider.awareness.on('change', () => {
      const x = bens()?.cursor?.x;
      if (typeof x === 'number' && seen.at(-1) !== x) seen.push(x);
    });
    sender.ws.send(stateFrame(5, 1, { cursor: { x: 1 } }));
    await waitFor(() => seen.includes(1), 'first change');
    for (let x = 2; x <= 40; x++) sender.ws.send(stateFrame(5, x, { cursor: { x } }));
    await waitFor(() => seen.includes(40), 'the newest change');
    // One token after the burst: the 39 that waited reach others as the newest one.
    expect(seen).toEqual([1, 40]);
  });
});
