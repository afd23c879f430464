import { afterEach, describe, expect, it } from 'vitest';
import { RedisFanout, type FanoutKind } from '../src/scale/redis-fanout.ts';
import { waitFor } from './helpers/clients.ts';
import { TEST_REDIS_URL, privateRedis, type PrivateRedis } from './helpers/redis.ts';

interface Received {
  room: string;
  kind: FanoutKind;
  data: number[];
}

function fanout(url: string) {
  const got: Received[] = [];
  const resyncs: string[][] = [];
  const f = new RedisFanout(url, {
    message: (room, kind, data) => got.push({ room, kind, data: [...data] }),
    resync: (rooms) => resyncs.push([...rooms].sort()),
  });
  return { f, got, resyncs };
}

const made: RedisFanout[] = [];
const redises: PrivateRedis[] = [];
const make = (url = TEST_REDIS_URL) => {
  const x = fanout(url);
  made.push(x.f);
  return x;
};

afterEach(async () => {
  await Promise.all(made.splice(0).map((f) => f.close()));
  await Promise.all(redises.splice(0).map((r) => r.stop()));
});

// Rooms unique per run: the shared Redis may carry other runs' traffic.
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;

describe('Redis fan-out between processes', () => {
  it('delivers a room message to every other process subscribed to it, never back to its sender', async () => {
    const a = make();
    const b = make();
    const c = make();
    const room = unique('w/board');
    await Promise.all([a.f.subscribe(room), b.f.subscribe(room), c.f.subscribe(room)]);
    a.f.publish(room, 'update', new Uint8Array([1, 2, 3]));
    b.f.publish(room, 'awareness', new Uint8Array([9]));
    await waitFor(() => c.got.length === 2 && a.got.length === 1 && b.got.length === 1, 'deliveries');
    expect(c.got).toEqual([
      { room, kind: 'update', data: [1, 2, 3] },
      { room, kind: 'awareness', data: [9] },
    ]);
    expect(a.got).toEqual([{ room, kind: 'awareness', data: [9] }]);
    expect(b.got).toEqual([{ room, kind: 'update', data: [1, 2, 3] }]);
    expect(a.f.state()).toMatchObject({ ok: true, rooms: 1 });
  });

  it('keeps rooms apart and stops delivering a room once unsubscribed', async () => {
    const a = make();
    const b = make();
    const one = unique('w/one');
    const two = unique('w/two');
    await Promise.all([b.f.subscribe(one), b.f.subscribe(two)]);
    a.f.publish(one, 'update', new Uint8Array([1]));
    await waitFor(() => b.got.length === 1, 'first delivery');
    await b.f.unsubscribe(one);
    a.f.publish(one, 'update', new Uint8Array([2]));
    // Same publisher connection: Redis delivers in publish order, so `two` arriving means `one` was skipped.
    a.f.publish(two, 'update', new Uint8Array([3]));
    await waitFor(() => b.got.length === 2, 'second delivery');
    expect(b.got.map((g) => [g.room, g.data[0]])).toEqual([
      [one, 1],
      [two, 3],
    ]);
  });

  it('after Redis restarts: every subscriber is told to reload its rooms, and traffic flows again', async () => {
    const redis = await privateRedis();
    redises.push(redis);
    const a = make(redis.url);
    const b = make(redis.url);
    const room = unique('w/board');
    await Promise.all([a.f.subscribe(room), b.f.subscribe(room)]);
    await waitFor(() => a.f.state().ok && b.f.state().ok, 'both connected');

    await redis.kill();
    await waitFor(() => !a.f.state().ok, 'a notices Redis is gone');
    // Redis is down: this update is stored by its process but reaches no one now.
    a.f.publish(room, 'update', new Uint8Array([7]));
    await redis.start();

    await waitFor(() => b.resyncs.length > 0 && a.resyncs.length > 0, 'both resync after reconnect', 15_000);
    expect(b.resyncs[0]).toEqual([room]);
    expect(a.resyncs[0]).toEqual([room]);
    // Not replayed: the reload from the database is what brings it back.
    expect(b.got.some((g) => g.kind === 'update')).toBe(false);

    await waitFor(() => a.f.state().ok && b.f.state().ok, 'both reconnected', 15_000);
    a.f.publish(room, 'update', new Uint8Array([8]));
    await waitFor(() => b.got.some((g) => g.kind === 'update' && g.data[0] === 8), 'traffic after restart', 15_000);
  });
});
