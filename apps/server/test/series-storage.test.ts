import { afterEach, describe, expect, it } from 'vitest';
import { promised, asyncStorage, type AsyncStorage } from '../src/storage/async-storage.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { PostgresSeriesRecords, SqliteSeriesRecords, type AsyncSeriesRecords, type SeriesRecords } from '../src/series/series-store.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

/** The storage contract for series and public pages, run on both backends. */
interface Opened {
  storage: AsyncStorage;
  series: AsyncSeriesRecords;
  close(): Promise<void>;
}
const backends = [
  {
    name: 'SQLite',
    newPlace: tempDataDir,
    async open(dir: string): Promise<Opened> {
      const s = new SqliteStorage(dir);
      return { storage: asyncStorage(s), series: promised<SeriesRecords>(new SqliteSeriesRecords(s.db)), close: async () => s.close() };
    },
    dispose: removeDataDir,
  },
  {
    name: 'PostgreSQL',
    newPlace: freshSchema,
    async open(schema: string): Promise<Opened> {
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 });
      return { storage: s, series: new PostgresSeriesRecords(s.pool), close: () => s.close() };
    },
    dispose: dropSchema,
  },
];

describe.each(backends)('series storage on $name', (backend) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function open() {
    const place = backend.newPlace();
    const opened = await backend.open(place);
    cleanups.push(
      () => backend.dispose(place),
      () => opened.close(),
    );
    for (const id of ['w1', 'w2', 'w3']) {
      await opened.storage.createWorkshop(
        { id, title: id, purpose: '', joinCode: null, createdAt: 1 },
        {
          id: `f-${id}`,
          workshopId: id,
          role: 'facilitator',
          name: 'F',
          organisation: '',
          country: '',
          timeZone: 'UTC',
          language: 'en',
          revoked: false,
          createdAt: 1,
        },
      );
    }
    return opened;
  }

  it('keeps a series with its workshops in the order added, each workshop in one series at most', async () => {
    const { series } = await open();
    expect(await series.createSeries({ id: 's1', title: 'Cities', purpose: 'p', createdAt: 10 }, 'w1')).toBe(true);
    expect(await series.addWorkshop('s1', 'w3', 20)).toBe(true);
    expect(await series.addWorkshop('s1', 'w2', 30)).toBe(true);
    expect(await series.seriesWorkshops('s1')).toEqual(['w1', 'w3', 'w2']);
    expect(await series.createSeries({ id: 's2', title: 'Other', purpose: '', createdAt: 40 }, 'w2')).toBe(false);
    expect(await series.getSeries('s2')).toBeNull();
    expect(await series.seriesOf('w2')).toBe('s1');
    expect(await series.removeWorkshop('s1', 'w2')).toBe(true);
    expect(await series.createSeries({ id: 's2', title: 'Other', purpose: '', createdAt: 50 }, 'w2')).toBe(true);
    expect(await series.getSeries('s1')).toEqual({ id: 's1', title: 'Cities', purpose: 'p', createdAt: 10 });
  });

  it('keeps merges per series and one public code per target until unpublished', async () => {
    const { series } = await open();
    await series.createSeries({ id: 's1', title: 'Cities', purpose: '', createdAt: 10 }, 'w1');
    await series.setMerge('s1', { merged: 'w1/r2', kept: 'w1/r1' });
    await series.setMerge('s1', { merged: 'w1/r2', kept: 'w1/r3' });
    expect(await series.merges('s1')).toEqual([{ merged: 'w1/r2', kept: 'w1/r3' }]);
    expect(await series.deleteMerge('s1', 'w1/r2')).toBe(true);
    expect(await series.merges('s1')).toEqual([]);

    expect(await series.publish('series', 's1', 'code-a', 1)).toBe('code-a');
    expect(await series.publish('series', 's1', 'code-b', 2)).toBe('code-a');
    expect(await series.published('code-a')).toEqual({ kind: 'series', target: 's1' });
    expect(await series.unpublish('series', 's1')).toBe(true);
    expect(await series.published('code-a')).toBeNull();
    expect(await series.publication('series', 's1')).toBeNull();
  });
});
