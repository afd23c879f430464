import type { AsyncStorage } from '../storage/async-storage.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { verifyToken } from './tokens.ts';

export type AuthResult = { ok: true; person: PersonRecord } | { ok: false; problem: 'MISSING_TOKEN' | 'INVALID_TOKEN' | 'PERSON_REMOVED' };

/**
 * One check for HTTP and WebSocket: a signature we made, naming a person we still know
 * and have not removed. The stored role wins over the token's.
 */
export async function authenticate(storage: AsyncStorage, secret: Buffer, token: string | undefined | null): Promise<AuthResult> {
  if (!token) return { ok: false, problem: 'MISSING_TOKEN' };
  const claims = verifyToken(secret, token);
  if (!claims) return { ok: false, problem: 'INVALID_TOKEN' };
  const person = await storage.getPerson(claims.w, claims.p);
  if (!person) return { ok: false, problem: 'INVALID_TOKEN' };
  if (person.revoked) return { ok: false, problem: 'PERSON_REMOVED' };
  return { ok: true, person };
}
