import { describe, expect, it } from 'vitest';
import { build } from '../src/app.ts';
import { TEST_REDIS_URL } from './helpers/redis.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

describe('scale-out settings', () => {
  it('refuses REDIS_URL without a shared DATABASE_URL, and a DATABASE_URL that is not PostgreSQL, with a message', async () => {
    const dir = tempDataDir();
    try {
      await expect(build({ dataDir: dir, redisUrl: TEST_REDIS_URL })).rejects.toThrow(/REDIS_URL needs DATABASE_URL/);
      await expect(build({ dataDir: dir, databaseUrl: 'mysql://root@127.0.0.1/test' })).rejects.toThrow(/must be a PostgreSQL URL/);
    } finally {
      removeDataDir(dir);
    }
  });
});
