import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { build } from '../src/app.ts';
import { addressKey } from '../src/http/address-key.ts';
import { wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, TEST_RATE_LIMITS, tempDataDir, type TestServer } from './helpers/server.ts';

/**
 * Issue 11 (round two), item 4: the HTTP rate limits counted an IPv6 client by its /64, the
 * WebSocket cap by each address, so one home line (2^64 addresses) had unlimited sockets.
 * Before addressKey, two sockets from the same /64 each got a slot of their own.
 */

const sockets: WebSocket[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});
afterAll(async () => {
  for (const close of closers) await close();
});

function openAs(url: string, client?: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, client ? { headers: { 'x-forwarded-for': client } } : {});
    sockets.push(ws);
    ws.on('open', () => resolve('open'));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', (e) => reject(e));
  });
}

describe('addressKey', () => {
  it.each([
    ['203.0.113.10', '203.0.113.10'],
    ['::ffff:203.0.113.10', '203.0.113.10'],
    ['::FFFF:cb00:710a', '203.0.113.10'],
    ['0:0:0:0:0:ffff:203.0.113.10', '203.0.113.10'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0:0:0:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['2001:db8:0:0:1::', '2001:db8::/64'],
    ['2001:db8:0:7::', '2001:db8:0:7::/64'],
    ['fe80::1%eth0', 'fe80::/64'],
    ['::1', '::/64'],
    ['::', '::/64'],
    ['::ffff:0:1.2.3.4', '::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b::/64'],
    ['not-an-address', 'not-an-address'],
    ['Unknown', 'unknown'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('addresses in different /64s stay apart', () => {
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db9:1:2::1'));
    expect(addressKey('::ffff:198.51.100.1')).not.toBe(addressKey('::ffff:198.51.100.2'));
  });
});

describe('the per-address WebSocket cap', () => {
  let s: TestServer;
  const server = async () => {
    s = await startServer({ limits: { maxConnectionsPerIp: 2 }, trustProxy: 'loopback' });
    closers.push(async () => {
      await s.close();
      removeDataDir(s.dataDir);
    });
    return s;
  };

  it('counts an IPv6 client by its /64: two addresses of one line share its slots (at the cap, then past it)', async () => {
    const s = await server();
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    expect(await openAs(url, '2001:db8:1:2::a')).toBe('open');
    expect(await openAs(url, '2001:db8:1:2:ffff::b')).toBe('open');
    expect(await openAs(url, '2001:db8:1:2::c')).toBe(429);
    // Another /64 is another client.
    expect(await openAs(url, '2001:db8:1:3::a')).toBe('open');
    expect(s.app.crossboardSockets.perIp.count('2001:db8:1:2::/64')).toBe(2);
  });

  it('counts an IPv4-mapped address as the IPv4 address', async () => {
    const s = await server();
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    expect(await openAs(url, '198.51.100.7')).toBe('open');
    expect(await openAs(url, '::ffff:198.51.100.7')).toBe('open');
    expect(await openAs(url, '::ffff:c633:6407')).toBe(429);
  });

  it('agrees with the HTTP rate limits: one /64 is one address there too', async () => {
    const s = await startServer({ trustProxy: 'loopback', httpLimits: { workshopsCreatedPerAddress: 1 } });
    closers.push(async () => {
      await s.close();
      removeDataDir(s.dataDir);
    });
    const create = (client: string) =>
      s.app.inject({ method: 'POST', url: '/api/workshops', headers: { 'x-forwarded-for': client }, payload: { title: 'One line' } });
    expect((await create('2001:db8:5:6::1')).statusCode).toBe(201);
    expect((await create('2001:db8:5:6::2')).statusCode).toBe(429);
    expect((await create('198.51.100.9')).statusCode).toBe(201);
    expect((await create('::ffff:198.51.100.9')).statusCode).toBe(429);
  });

  it('on a server bound to ::1, sockets from ::1 share the bucket of its /64', async () => {
    const dataDir = tempDataDir();
    const app = await build({ logger: false, limits: { maxConnectionsPerIp: 2 }, httpLimits: TEST_RATE_LIMITS, dataDir });
    closers.push(async () => {
      await app.close();
      removeDataDir(dataDir);
    });
    await app.listen({ port: 0, host: '::1' });
    const { port } = app.server.address() as AddressInfo;
    const w = await createWorkshop(app);
    const url = wsUrl(`ws://[::1]:${port}/ws`, `${w.id}/board`, w.facilitatorToken);
    expect(await openAs(url)).toBe('open');
    expect(await openAs(url)).toBe('open');
    expect(await openAs(url)).toBe(429);
    expect(app.crossboardSockets.perIp.count('::/64')).toBe(2);
  });
});
