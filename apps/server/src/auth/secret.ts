import { randomBytes } from 'node:crypto';
import type { AsyncStorage } from '../storage/async-storage.ts';

const SECRET_KEY = 'token-secret';
/** 256 bits, the HMAC-SHA256 block-size-safe length. */
const SECRET_BYTES = 32;

/**
 * CROSSBOARD_SECRET when set; otherwise one generated on first start and kept in the
 * database, so tokens survive restarts.
 */
export async function tokenSecret(
  storage: AsyncStorage,
  configured: string | undefined,
  initValue?: (key: string, value: string) => Promise<string>,
): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const stored = await storage.getValue(SECRET_KEY);
  if (stored) return Buffer.from(stored, 'base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  // Processes starting together on a shared database must agree on one secret: the first write wins.
  if (initValue) return Buffer.from(await initValue(SECRET_KEY, secret), 'base64url');
  await storage.setValue(SECRET_KEY, secret);
  return Buffer.from(secret, 'base64url');
}
