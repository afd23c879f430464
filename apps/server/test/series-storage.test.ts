import { expect, it } from 'vitest';
import { promised } from '../src/storage/async-storage.ts';
import { PostgresSeriesRecords, SqliteSeriesRecords, type SeriesRecords } from '../src/series/series-store.ts';
import { createWorkshops, describeOnBothBackends } from './helpers/backends.ts';

/** The storage contract for series and public pages, run on both backends. */
describeOnBothBackends(
  'series storage',
  { sqlite: (s) => promised<SeriesRecords>(new SqliteSeriesRecords(s.db)), postgres: (s) => new PostgresSeriesRecords(s.pool) },
  (backend) => {
    async function open() {
      const opened = await backend.open();
      await createWorkshops(opened.storage, 'w1', 'w2', 'w3');
      return { series: opened.records };
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
  },
);
