import { randomBytes } from 'node:crypto';

/** 128 bits, url-safe: workshop ids, person ids and join codes are unguessable. */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}
