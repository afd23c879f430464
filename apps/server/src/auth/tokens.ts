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

/**
 * Bytes of canonical, unpadded base64url, or null. Node's decoder skips characters outside
 * the alphabet, `=` padding and unused trailing bits, so `sig!!`, `sig=` and a changed last
 * character would all decode to the signature: only the one spelling we produce is accepted.
 */
function strictBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** The claims of a token this server signed, or null for anything else. */
export function verifyToken(secret: Buffer, token: string): TokenClaims | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payloadPart = token.slice(0, dot);
  const given = strictBase64url(token.slice(dot + 1));
  if (!given || !strictBase64url(payloadPart)) return null;
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
