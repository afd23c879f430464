import type { IncomingMessage } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientAddress, parseTrustProxy, TRUST_NOBODY } from '../src/http/client-address.ts';
import { waitFor, wsUrl } from './helpers/clients.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, finding 9: behind a proxy every client arrives from the proxy's address, so the
 * per-address caps (WebSockets, HTTP rate limits) applied to everyone together. The proxy
 * here is a header: two people behind it are two X-Forwarded-For addresses on loopback.
 * Before the fix the server read only the TCP peer: the second person was refused 429.
 */

const servers: TestServer[] = [];
const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(trustProxy?: string, httpLimits = {}) {
  const s = await startServer({ limits: { maxConnectionsPerIp: 1 }, httpLimits, ...(trustProxy ? { trustProxy } : {}) });
  servers.push(s);
  return s;
}

/** Opens a socket as the proxy would forward it for `client`; resolves with 'open' or the refusal's status. */
function openAs(url: string, client: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': client } });
    sockets.push(ws);
    ws.on('open', () => resolve('open'));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', (e) => reject(e));
  });
}

const ANA = '203.0.113.10';
const BEN = '198.51.100.20';

describe('the client address behind a trusted proxy', () => {
  it('with CROSSBOARD_TRUST_PROXY=loopback, two people behind the proxy each get their own WebSocket slot', async () => {
    const s = await server('loopback');
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    expect(await openAs(url, ANA)).toBe('open');
    expect(await openAs(url, BEN)).toBe('open');
    // Each address is still capped on its own.
    expect(await openAs(url, ANA)).toBe(429);
    expect(s.app.crossboardSockets.perIp.count(ANA)).toBe(1);
    expect(s.app.crossboardSockets.perIp.count(BEN)).toBe(1);
    expect(s.app.crossboardSockets.perIp.count('127.0.0.1')).toBe(0);
  });

  it('without it, the header is ignored: the second person is refused, and a client cannot dodge the cap by forging one', async () => {
    const s = await server();
    const w = await createWorkshop(s.app);
    const url = wsUrl(s.ws, `${w.id}/board`, w.facilitatorToken);
    expect(await openAs(url, ANA)).toBe('open');
    expect(await openAs(url, BEN)).toBe(429);
    await waitFor(() => s.app.crossboardSockets.perIp.count('127.0.0.1') === 1, 'one slot, on the peer');
  });

  it('HTTP rate limits count per forwarded address only when the proxy is trusted', async () => {
    const limits = { workshopsCreatedPerAddress: 1 };
    const create = (s: TestServer, client: string) =>
      s.app.inject({ method: 'POST', url: '/api/workshops', headers: { 'x-forwarded-for': client }, payload: { title: 'Behind a proxy' } });

    const trusted = await server('loopback', limits);
    expect((await create(trusted, ANA)).statusCode).toBe(201);
    expect((await create(trusted, BEN)).statusCode).toBe(201);
    expect((await create(trusted, ANA)).statusCode).toBe(429);

    const untrusted = await server(undefined, limits);
    expect((await create(untrusted, ANA)).statusCode).toBe(201);
    expect((await create(untrusted, BEN)).statusCode).toBe(429);
  });
});

describe('CROSSBOARD_TRUST_PROXY', () => {
  const request = (peer: string, forwarded?: string) =>
    ({
      socket: { remoteAddress: peer },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    }) as unknown as IncomingMessage;

  it('a hop count trusts that many proxies, so an address the client wrote itself is never taken', () => {
    const oneHop = parseTrustProxy('1');
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddress(request('10.0.0.2', `6.6.6.6, ${ANA}`), oneHop)).toBe(ANA);
    expect(clientAddress(request('10.0.0.2', `6.6.6.6, ${ANA}`), parseTrustProxy('2'))).toBe('6.6.6.6');
    expect(clientAddress(request('10.0.0.2'), oneHop)).toBe('10.0.0.2');
  });

  it('a list of addresses and ranges trusts only those peers', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/8, 2001:db8::1');
    expect(clientAddress(request('127.0.0.1', ANA), trust)).toBe(ANA);
    expect(clientAddress(request('::ffff:127.0.0.1', ANA), trust)).toBe(ANA);
    expect(clientAddress(request('::1', ANA), trust)).toBe(ANA);
    // Two trusted hops, then the client.
    expect(clientAddress(request('127.0.0.1', `${BEN}, 10.1.2.3`), trust)).toBe(BEN);
    expect(clientAddress(request('2001:db8::1', ANA), trust)).toBe(ANA);
    // A peer outside the list speaks for itself.
    expect(clientAddress(request('192.0.2.7', ANA), trust)).toBe('192.0.2.7');
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), trust)).toBe('not-an-address');
    expect(clientAddress(request('127.0.0.1', `not-an-address, ${ANA}`), trust)).toBe(ANA);
  });

  it('unset, empty or false trusts nobody; true and nonsense are refused', () => {
    for (const v of [undefined, '', 'false']) expect(parseTrustProxy(v)).toBe(TRUST_NOBODY);
    expect(clientAddress(request('127.0.0.1', ANA), TRUST_NOBODY)).toBe('127.0.0.1');
    expect(() => parseTrustProxy('true')).toThrow(/any client pick its address/);
    expect(() => parseTrustProxy('nginx')).toThrow(/not an address/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/not an address/);
  });
});
