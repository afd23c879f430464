import { expect, it } from 'vitest';
import { EMPTY_PROFILE } from '@crossboard/model';
import { PostgresPeopleRecords, SqlitePeopleRecords, type PeopleRecords, type RegistrationRecord } from '../src/storage/people-records.ts';
import { PostgresCheckinRecords, SqliteCheckinRecords, type CheckinRecords } from '../src/people/checkin-records.ts';
import { promised } from '../src/storage/async-storage.ts';
import { createWorkshops, describeOnBothBackends } from './helpers/backends.ts';

/** The storage contract for directory profiles and registrations, on both backends. */
const registration = (over: Partial<RegistrationRecord> = {}): RegistrationRecord => ({
  id: 'r1',
  workshopId: 'w1',
  secret: 's1',
  status: 'pending',
  personId: null,
  createdAt: 10,
  details: {
    name: 'Ana',
    organisation: 'City of Porto',
    country: 'Portugal',
    timeZone: 'Europe/Lisbon',
    email: 'ana@example.org',
    sessions: [0, 2],
    themes: ['mobility'],
    answer: 'It was hard but had positive outcomes',
    directory: { ...EMPTY_PROFILE, listed: true, show: ['country'] },
  },
  ...over,
});

describeOnBothBackends(
  'people records',
  {
    sqlite: (s) => ({
      people: promised<PeopleRecords>(new SqlitePeopleRecords(s.db)),
      checkins: promised<CheckinRecords>(new SqliteCheckinRecords(s.db)),
    }),
    postgres: (s) => ({ people: new PostgresPeopleRecords(s.pool), checkins: new PostgresCheckinRecords(s.pool) }),
  },
  (backend) => {
    it('keeps a profile per person, replaced whole, across a reopen', async () => {
      const opened = await backend.open();
      await createWorkshops(opened.storage, 'w1');
      expect(await opened.records.people.profile('w1', 'p1')).toBeNull();
      await opened.records.people.setProfile('w1', 'p1', { ...EMPTY_PROFILE, listed: true, show: ['canHelp'], canHelp: 'maps' }, 5);
      await opened.records.people.setProfile('w1', 'p1', { ...EMPTY_PROFILE, listed: false, show: [], canHelp: 'maps' }, 6);
      await opened.records.people.addRegistration(registration());
      await opened.records.people.addRegistration(registration({ id: 'r2', secret: 's2', createdAt: 11 }));
      await opened.close();
      const again = await backend.reopen(opened.place);
      expect(await again.records.people.profile('w1', 'p1')).toEqual({ ...EMPTY_PROFILE, listed: false, canHelp: 'maps' });
      expect(await again.records.people.profiles('w1')).toHaveLength(1);
      expect(await again.records.people.registrations('w1')).toEqual([
        registration(),
        registration({ id: 'r2', secret: 's2', createdAt: 11 }),
      ]);
      expect(await again.records.people.countRegistrations('w1')).toBe(2);
      expect(await again.records.people.registrationBySecret('s2')).toMatchObject({ id: 'r2' });
      expect(await again.records.people.setStatus('w1', 'r2', 'admitted')).toBe(true);
      expect(await again.records.people.setStatus('w2', 'r2', 'declined')).toBe(false);
      // The first join links a person; a second, concurrent one is told it lost.
      expect(await again.records.people.linkPerson('r2', 'p9')).toBe(true);
      expect(await again.records.people.linkPerson('r2', 'p10')).toBe(false);
      expect(await again.records.people.registrationBySecret('s2')).toMatchObject({ status: 'admitted', personId: 'p9' });
      await again.records.people.setForm('w1', { code: 'c1', open: true, deadline: 99, question: 'Q?' }, 1);
      await again.records.people.setForm('w1', { code: 'c1', open: false, deadline: null, question: 'Q2?' }, 2);
      expect(await again.records.people.formByCode('c1')).toEqual({
        workshopId: 'w1',
        form: { code: 'c1', open: false, deadline: null, question: 'Q2?' },
      });
      expect(await again.records.people.form('w2')).toBeNull();
    });

    it('keeps check-in rounds, the newest current, each with its own answers', async () => {
      const opened = await backend.open();
      await createWorkshops(opened.storage, 'w1');
      const c = opened.records.checkins;
      expect(await c.currentRound('w1')).toBeNull();
      await c.startRound('w1', { id: 'a', prompt: 'Where from?', startedAt: 1 });
      await c.setAnswer('w1', 'a', { personId: 'p1', answer: 'Porto', answeredAt: 5 });
      await c.setAnswer('w1', 'a', { personId: 'p2', answer: 'Suva', answeredAt: 3 });
      await c.setAnswer('w1', 'a', { personId: 'p2', answer: 'Suva, Fiji', answeredAt: 9 });
      await c.startRound('w1', { id: 'b', prompt: 'One word?', startedAt: 2 });
      expect(await c.currentRound('w1')).toEqual({ id: 'b', prompt: 'One word?', startedAt: 2, endedAt: null });
      // Ending records the time once; the round stays current, with its answers.
      expect(await c.endRound('w1', 'b', 7)).toBe(true);
      expect(await c.endRound('w1', 'b', 8)).toBe(false);
      expect(await c.endRound('w1', 'nope', 8)).toBe(false);
      expect(await c.currentRound('w1')).toEqual({ id: 'b', prompt: 'One word?', startedAt: 2, endedAt: 7 });
      expect(await c.answers('w1', 'b')).toEqual([]);
      expect(await c.answers('w1', 'a')).toEqual([
        { personId: 'p2', answer: 'Suva, Fiji', answeredAt: 3 },
        { personId: 'p1', answer: 'Porto', answeredAt: 5 },
      ]);
    });
  },
);
