import type { PersonRecord, Storage } from '../storage/storage.ts';
import { verifyToken } from './tokens.ts';

export type AuthResult =
  | { ok: true; person: PersonRecord }
  | { ok: false; problem: 'MISSING_TOKEN' | 'INVALID_TOKEN' | 'PERSON_REMOVED' };

/**
 * One check for HTTP and WebSocket: a signature we made, naming a person we still know
 * and have not removed. The stored role wins over the token's.
 */
export function authenticate(storage: Storage, secret: Buffer, token: string | undefined | null): AuthResult {
  if (!token) return { ok: false, problem: 'MISSING_TOKEN' };
  const claims = verifyToken(secret, token);
  if (!claims) return { ok: false, problem: 'INVALID_TOKEN' };
  const person = storage.getPerson(claims.w, claims.p);
  if (!person) return { ok: false, problem: 'INVALID_TOKEN' };
  if (person.revoked) return { ok: false, problem: 'PERSON_REMOVED' };
  return { ok: true, person };
}
