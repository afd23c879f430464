import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ACTIVITY_VERSIONS } from '../src/limits.ts';
import { promised } from '../src/storage/async-storage.ts';
import { PostgresFacilitationRecords } from '../src/storage/postgres-records.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import type { AsyncFacilitationRecords } from '../src/storage/records.ts';
import { SqliteFacilitationRecords } from '../src/storage/sqlite-records.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const backends: [string, () => Promise<AsyncFacilitationRecords>][] = [
  [
    'SQLite',
    async () => {
      const dir = tempDataDir();
      const s = new SqliteStorage(dir);
      cleanups.push(
        () => removeDataDir(dir),
        () => s.close(),
      );
      return promised(new SqliteFacilitationRecords(s.db));
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = freshSchema();
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 });
      cleanups.push(
        () => dropSchema(schema),
        () => s.close(),
      );
      return new PostgresFacilitationRecords(s.pool);
    },
  ],
];

describe.each(backends)('board versions past the activity cap (%s)', (_name, open) => {
  it('keeps every phase-change, reveal, before-restore and manual version however many activity versions follow', async () => {
    const f = await open();
    const data = new Uint8Array([0]);
    // The facilitator's versions are the oldest: pruning "oldest first" must still pass them by.
    const kept = ['phase-change', 'reveal', 'before-restore', 'manual'] as const;
    for (const [i, reason] of kept.entries()) await f.addVersion('w', `${reason}-v`, 100 + i, reason, data);
    for (let i = 0; i < 2 * MAX_ACTIVITY_VERSIONS; i++) await f.addVersion('w', `a${i}`, 1_000 + i, 'activity', data);

    const versions = await f.listVersions('w');
    const activity = versions.filter((v) => v.reason === 'activity').map((v) => v.versionId);
    expect(activity).toHaveLength(MAX_ACTIVITY_VERSIONS);
    // The newest activity versions stay.
    expect(activity).toContain(`a${2 * MAX_ACTIVITY_VERSIONS - 1}`);
    expect(activity).not.toContain(`a${MAX_ACTIVITY_VERSIONS - 1}`);
    for (const reason of kept) {
      expect(versions.find((v) => v.versionId === `${reason}-v`)).toEqual({
        versionId: `${reason}-v`,
        createdAt: expect.any(Number),
        reason,
      });
      expect(await f.versionData('w', `${reason}-v`)).toEqual(data);
    }
  });
});
