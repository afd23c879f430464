import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_HTTP_LIMITS,
  MAX_IMPORTS_PER_ADDRESS,
  MAX_JOINS_PER_ADDRESS,
  MAX_JOINS_PER_WORKSHOP,
  MAX_TOKENLESS_READS_PER_ADDRESS,
  MAX_WORKSHOPS_CREATED_PER_ADDRESS,
  RATE_LIMIT_WINDOW_MS,
  type HttpLimits,
} from '../src/limits.ts';
import { createWorkshop, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

/**
 * Issue 11, finding 11: 807 workshops a second were created from one address, and 1,413
 * joins a second (each a person with fresh dots). Before the fix every request below
 * answered 201/200: nothing was counted.
 */

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeDataDir(s.dataDir);
  }
});

async function server(httpLimits: Partial<HttpLimits>) {
  const s = await startServer({ httpLimits });
  servers.push(s);
  return s;
}

const who = { name: 'Ana', organisation: 'City of Porto', country: 'Portugal', timeZone: 'Europe/Lisbon', language: 'en' };
const from = (address: string) => ({ 'x-forwarded-for': address });

/** The refusal past a limit: 429, the API's error format, and when to come back. */
function expectRateLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, message: RegExp) {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(message) } });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS / 1000);
  expect((res.json() as { error: { message: string } }).error.message).toContain(`try again in ${retryAfter} s`);
}

describe('HTTP rate limits', () => {
  it('production defaults: bounded, per minute, and above what one real office behind a NAT needs', () => {
    expect(DEFAULT_HTTP_LIMITS).toMatchObject({
      rateLimitWindowMs: 60_000,
      workshopsCreatedPerAddress: MAX_WORKSHOPS_CREATED_PER_ADDRESS,
      importsPerAddress: MAX_IMPORTS_PER_ADDRESS,
      joinsPerAddress: MAX_JOINS_PER_ADDRESS,
      joinsPerWorkshop: MAX_JOINS_PER_WORKSHOP,
      tokenlessReadsPerAddress: MAX_TOKENLESS_READS_PER_ADDRESS,
    });
    for (const n of [MAX_WORKSHOPS_CREATED_PER_ADDRESS, MAX_IMPORTS_PER_ADDRESS, MAX_JOINS_PER_ADDRESS, MAX_JOINS_PER_WORKSHOP]) {
      expect(Number.isFinite(n) && n > 0 && n <= 1_000).toBe(true);
    }
    expect(MAX_JOINS_PER_ADDRESS).toBeGreaterThanOrEqual(200);
  });

  it('creating workshops: the limit is accepted, one more is 429 with Retry-After, and the body is not even read', async () => {
    const LIMIT = 3;
    const s = await server({ workshopsCreatedPerAddress: LIMIT });
    for (let i = 0; i < LIMIT; i++) await createWorkshop(s.app);
    const past = await s.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'One too many' } });
    expectRateLimited(past, /Too many workshops created from this address/);
    // Refused before parsing: not even an invalid body gets a 400.
    const garbage = await s.app.inject({
      method: 'POST',
      url: '/api/workshops',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(garbage.statusCode).toBe(429);
  });

  it('importing (no token needed): at and just past the limit', async () => {
    const LIMIT = 2;
    const s = await server({ importsPerAddress: LIMIT });
    const w = await createWorkshop(s.app);
    const exported = await s.app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/export?format=json`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(exported.statusCode).toBe(200);
    const importOnce = () => s.app.inject({ method: 'POST', url: '/api/workshops/import', payload: exported.json() });
    for (let i = 0; i < LIMIT; i++) expect((await importOnce()).statusCode).toBe(201);
    expectRateLimited(await importOnce(), /Too many imports from this address/);
  });

  it('joining: per address at and just past the limit; another address still joins', async () => {
    const LIMIT = 4;
    const s = await server({ joinsPerAddress: LIMIT });
    const w = await createWorkshop(s.app);
    const join = (headers = {}) => s.app.inject({ method: 'POST', url: `/api/workshops/${w.id}/join`, headers, payload: who });
    for (let i = 0; i < LIMIT; i++) expect((await join()).statusCode).toBe(201);
    expectRateLimited(await join(), /Too many joins from this address/);
    // The forwarded header counts for nothing without a trusted proxy: still this address.
    expect((await join(from('203.0.113.9'))).statusCode).toBe(429);
    expect(
      (
        await s.app.inject({
          method: 'GET',
          url: '/api/workshops/' + w.id + '/people',
          headers: { authorization: `Bearer ${w.facilitatorToken}` },
        })
      ).json().people,
    ).toHaveLength(1 + LIMIT);
  });

  it('joining: per workshop, whatever the addresses; other workshops are not affected', async () => {
    const LIMIT = 5;
    const s = await startServer({ trustProxy: 'loopback', httpLimits: { joinsPerWorkshop: LIMIT, joinsPerAddress: 2 } });
    servers.push(s);
    const w = await createWorkshop(s.app);
    const other = await createWorkshop(s.app);
    const join = (id: string, n: number) =>
      s.app.inject({ method: 'POST', url: `/api/workshops/${id}/join`, headers: from(`198.51.100.${n}`), payload: who });
    for (let i = 0; i < LIMIT; i++) expect((await join(w.id, i)).statusCode).toBe(201);
    expectRateLimited(await join(w.id, 99), /Too many people are joining this workshop at once/);
    expect((await join(other.id, 99)).statusCode).toBe(201);
    // An id that is not valid is refused by its schema and takes no slot.
    expect(
      (await s.app.inject({ method: 'POST', url: '/api/workshops/not!valid/join', headers: from('198.51.100.200'), payload: who }))
        .statusCode,
    ).toBe(400);
  });

  it("tokenless reads (the clock, a workshop's public page) share one generous per-address budget; HEAD counts too", async () => {
    const LIMIT = 6;
    const s = await server({ tokenlessReadsPerAddress: LIMIT });
    const w = await createWorkshop(s.app);
    for (let i = 0; i < LIMIT / 2; i++) {
      expect((await s.app.inject({ method: 'GET', url: '/api/time' })).statusCode).toBe(200);
      expect((await s.app.inject({ method: i === 0 ? 'HEAD' : 'GET', url: `/api/workshops/${w.id}/public` })).statusCode).toBe(200);
    }
    expectRateLimited(await s.app.inject({ method: 'GET', url: '/api/time' }), /Too many requests from this address/);
    // Routes with a token, health and the page are not limited by it.
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/workshops/${w.id}`, headers: { authorization: `Bearer ${w.facilitatorToken}` } }))
        .statusCode,
    ).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('counts reset when the window ends', async () => {
    const s = await server({ workshopsCreatedPerAddress: 1, rateLimitWindowMs: 300 });
    await createWorkshop(s.app);
    expect((await s.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Too soon' } })).statusCode).toBe(429);
    await new Promise((r) => setTimeout(r, 350));
    expect((await s.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Next window' } })).statusCode).toBe(201);
  });
});
