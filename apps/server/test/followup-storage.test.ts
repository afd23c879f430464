import { expect, it } from 'vitest';
import { promised } from '../src/storage/async-storage.ts';
import { PostgresFollowupRecords, SqliteFollowupRecords, type FollowupRecords } from '../src/followup/followup-store.ts';
import { createWorkshops, describeOnBothBackends } from './helpers/backends.ts';

/** The storage contract for follow-up owners, links and progress notes, run on both backends. */
describeOnBothBackends(
  'follow-up storage',
  { sqlite: (s) => promised<FollowupRecords>(new SqliteFollowupRecords(s.db)), postgres: (s) => new PostgresFollowupRecords(s.pool) },
  (backend) => {
    async function open() {
      const opened = await backend.open();
      await createWorkshops(opened.storage, 'w1');
      return opened.records;
    }
    const owner = (id: string, name: string) => ({ workshopId: 'w1', id, name, nameKey: name.toLowerCase(), email: '', createdAt: 5 });

    it('keeps one owner per name, with the email the organiser noted', async () => {
      const f = await open();
      expect((await f.ensureOwner(owner('o1', 'City'))).id).toBe('o1');
      expect((await f.ensureOwner(owner('o2', 'CITY'))).id).toBe('o1');
      expect(await f.setEmail('w1', 'o1', 'a@b.example')).toBe(true);
      expect(await f.owners('w1')).toEqual([{ ...owner('o1', 'City'), email: 'a@b.example' }]);
      expect(await f.owner('w1', 'o2')).toBeNull();
    });

    it('keeps one working link per owner, and remembers revoked ones as revoked', async () => {
      const f = await open();
      await f.ensureOwner(owner('o1', 'City'));
      await f.issueLink('w1', 'o1', 'hash-a', 10);
      await f.issueLink('w1', 'o1', 'hash-b', 20);
      expect(await f.link('hash-a')).toEqual({ workshopId: 'w1', ownerId: 'o1', createdAt: 10, revokedAt: 20 });
      expect(await f.activeLinkSince('w1', 'o1')).toBe(20);
      expect(await f.revokeLinks('w1', 'o1', 30)).toBe(1);
      expect((await f.link('hash-b'))?.revokedAt).toBe(30);
      expect(await f.activeLinkSince('w1', 'o1')).toBeNull();
      expect(await f.link('nope')).toBeNull();
    });

    it('keeps progress notes oldest first', async () => {
      const f = await open();
      await f.addProgress({ workshopId: 'w1', id: 'p2', stepId: 's1', ownerId: 'o1', at: 20, status: null, note: 'later' });
      await f.addProgress({ workshopId: 'w1', id: 'p1', stepId: 's1', ownerId: 'o1', at: 10, status: 'done', note: 'first' });
      expect((await f.progress('w1')).map((p) => [p.note, p.status, p.at])).toEqual([
        ['first', 'done', 10],
        ['later', null, 20],
      ]);
    });
  },
);
