import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '@crossboard/model';
import { MAX_TOKEN_LENGTH } from '../limits.ts';

/** What a token says: workshop, person, role; see docs/API.md. */
export interface TokenClaims {
  w: string;
  p: string;
  r: Role;
  iat: number;
  jti: string;
}

function mac(secret: Buffer, payloadPart: string): Buffer {
  return createHmac('sha256', secret).update(payloadPart).digest();
}

export function signToken(secret: Buffer, claims: Omit<TokenClaims, 'iat' | 'jti'>): string {
  const full: TokenClaims = {
    ...claims,
    iat: Math.floor(Date.now() / 1000),
    jti: randomBytes(9).toString('base64url'),
  };
  const payloadPart = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${payloadPart}.${mac(secret, payloadPart).toString('base64url')}`;
}

/** The claims of a token this server signed, or null for anything else. */
export function verifyToken(secret: Buffer, token: string): TokenClaims | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payloadPart = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payloadPart);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const c = claims as Record<string, unknown>;
  if (typeof c.w !== 'string' || typeof c.p !== 'string' || !isRole(c.r)) return null;
  if (typeof c.iat !== 'number' || typeof c.jti !== 'string') return null;
  return { w: c.w, p: c.p, r: c.r, iat: c.iat, jti: c.jti };
}
