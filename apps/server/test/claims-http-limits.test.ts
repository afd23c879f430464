import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSettings } from '@crossboard/model';
import { signToken, verifyToken } from '../src/auth/tokens.ts';
import { MAX_PHASE_MINUTES, MAX_PURPOSE_LENGTH, MAX_SESSIONS, MAX_THEMES, MAX_TOKEN_LENGTH } from '../src/limits.ts';
import { createWorkshop } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/** Each limit a workshop's creator can reach, at the limit (201) and one past it (400 naming the field). */

const server = useServer();

const create = (body: Record<string, unknown>) =>
  server.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'Limits', ...body } });

const session = (day: number) => ({
  label: `Session ${day}`,
  start: `2025-06-${String(day).padStart(2, '0')}T09:00`,
  end: `2025-06-${String(day).padStart(2, '0')}T11:00`,
});

const cases: [string, (n: number) => Record<string, unknown>, number, RegExp][] = [
  ['themes', (n) => ({ themes: Array.from({ length: n }, (_, i) => `Theme ${i}`) }), MAX_THEMES, /themes/],
  [
    'sessions',
    (n) => ({ homeTimeZone: 'Europe/Paris', sessions: Array.from({ length: n }, (_, i) => session(i + 1)) }),
    MAX_SESSIONS,
    /sessions/,
  ],
  ['phase minutes', (n) => ({ phaseMinutes: { painPoints: n } }), MAX_PHASE_MINUTES, /painPoints/],
  ['purpose length', (n) => ({ purpose: 'p'.repeat(n) }), MAX_PURPOSE_LENGTH, /purpose/],
];

describe('creating a workshop at and just past each limit', () => {
  it.each(cases)('%s', async (_what, body, limit, field) => {
    const at = await create(body(limit));
    expect(at.statusCode, at.body).toBe(201);
    const past = await create(body(limit + 1));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('INVALID_BODY');
    expect(past.json().error.message).toMatch(field);
  });

  it('keeps what was accepted at the limit: all the themes, sessions and minutes', async () => {
    const w = await createWorkshop(server.app, {
      themes: Array.from({ length: MAX_THEMES }, (_, i) => `Theme ${i}`),
      homeTimeZone: 'Europe/Paris',
      sessions: Array.from({ length: MAX_SESSIONS }, (_, i) => session(i + 1)),
      phaseMinutes: { painPoints: MAX_PHASE_MINUTES },
    });
    const settings = await server.app.crossboard.rooms.use(`${w.id}/control`, (r) => readSettings(r.document));
    expect(settings.themes).toHaveLength(MAX_THEMES);
    expect(settings.sessions).toHaveLength(MAX_SESSIONS);
  });
});

describe('a token at and just past MAX_TOKEN_LENGTH', () => {
  /** A token signed with this server's secret, its unused `jti` padded so the whole is `length` characters. */
  function signedOfLength(claims: { w: string; p: string; r: 'facilitator' }, length: number): string {
    for (let pad = 0; pad < 2 * length; pad++) {
      const token = signToken(server.app.crossboard.secret, claims);
      const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
      payload.jti += 'j'.repeat(pad);
      const part = Buffer.from(JSON.stringify(payload)).toString('base64url');
      // Signed the way signToken signs.
      const signed = `${part}.${createHmac('sha256', server.app.crossboard.secret).update(part).digest('base64url')}`;
      if (signed.length === length) return signed;
    }
    throw new Error(`no token of exactly ${length} characters`);
  }

  it('accepts a genuine token of exactly the limit and refuses the same kind of token past it with 401', async () => {
    const w = await createWorkshop(server.app);
    const claims = verifyToken(server.app.crossboard.secret, w.facilitatorToken)!;
    const get = (token: string) =>
      server.app.inject({ method: 'GET', url: `/api/workshops/${w.id}/versions`, headers: { authorization: `Bearer ${token}` } });

    const atLimit = signedOfLength({ w: claims.w, p: claims.p, r: 'facilitator' }, MAX_TOKEN_LENGTH);
    expect((await get(atLimit)).statusCode).toBe(200);
    // Unpadded base64url never has a length of 4k + 1, so the shortest token past the limit is two longer.
    const pastLimit = signedOfLength({ w: claims.w, p: claims.p, r: 'facilitator' }, MAX_TOKEN_LENGTH + 2);
    const refused = await get(pastLimit);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_TOKEN');
  });
});
