import { randomBytes } from 'node:crypto';
import type { Storage } from '../storage/storage.ts';

const SECRET_KEY = 'token-secret';
/** 256 bits, the HMAC-SHA256 block-size-safe length. */
const SECRET_BYTES = 32;

/**
 * CROSSBOARD_SECRET when set; otherwise one generated on first start and kept in the
 * database, so tokens survive restarts.
 */
export function tokenSecret(storage: Storage, configured: string | undefined): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const stored = storage.getValue(SECRET_KEY);
  if (stored) return Buffer.from(stored, 'base64url');
  const secret = randomBytes(SECRET_BYTES);
  storage.setValue(SECRET_KEY, secret.toString('base64url'));
  return secret;
}
