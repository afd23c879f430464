import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_PROFILE } from '@crossboard/model';
import {
  PostgresPeopleRecords,
  SqlitePeopleRecords,
  type AsyncPeopleRecords,
  type PeopleRecords,
  type RegistrationRecord,
} from '../src/people/people-records.ts';
import {
  PostgresCheckinRecords,
  SqliteCheckinRecords,
  type AsyncCheckinRecords,
  type CheckinRecords,
} from '../src/people/checkin-records.ts';
import { asyncStorage, promised, type AsyncStorage } from '../src/storage/async-storage.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

/** The storage contract for directory profiles and registrations, on both backends. */
interface Opened {
  storage: AsyncStorage;
  people: AsyncPeopleRecords;
  checkins: AsyncCheckinRecords;
  close(): Promise<void>;
}
const backends = [
  {
    name: 'SQLite',
    newPlace: tempDataDir,
    async open(dir: string): Promise<Opened> {
      const s = new SqliteStorage(dir);
      return {
        storage: asyncStorage(s),
        people: promised<PeopleRecords>(new SqlitePeopleRecords(s.db)),
        checkins: promised<CheckinRecords>(new SqliteCheckinRecords(s.db)),
        close: async () => s.close(),
      };
    },
    dispose: removeDataDir,
  },
  {
    name: 'PostgreSQL',
    newPlace: freshSchema,
    async open(schema: string): Promise<Opened> {
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 });
      return {
        storage: s,
        people: new PostgresPeopleRecords(s.pool),
        checkins: new PostgresCheckinRecords(s.pool),
        close: () => s.close(),
      };
    },
    dispose: dropSchema,
  },
];

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

describe.each(backends)('people records on $name', (backend) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function open(place = backend.newPlace()) {
    const opened = await backend.open(place);
    cleanups.push(() => opened.close());
    return { opened, place };
  }

  it('keeps a profile per person, replaced whole, across a reopen', async () => {
    const { opened, place } = await open();
    cleanups.unshift(() => backend.dispose(place));
    await opened.storage.createWorkshop(
      { id: 'w1', title: 'w', purpose: '', joinCode: null, createdAt: 1 },
      {
        id: 'f',
        workshopId: 'w1',
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
    expect(await opened.people.profile('w1', 'p1')).toBeNull();
    await opened.people.setProfile('w1', 'p1', { ...EMPTY_PROFILE, listed: true, show: ['canHelp'], canHelp: 'maps' }, 5);
    await opened.people.setProfile('w1', 'p1', { ...EMPTY_PROFILE, listed: false, show: [], canHelp: 'maps' }, 6);
    await opened.people.addRegistration(registration());
    await opened.people.addRegistration(registration({ id: 'r2', secret: 's2', createdAt: 11 }));
    await opened.close();
    const again = await backend.open(place);
    cleanups.push(() => again.close());
    expect(await again.people.profile('w1', 'p1')).toEqual({ ...EMPTY_PROFILE, listed: false, canHelp: 'maps' });
    expect(await again.people.profiles('w1')).toHaveLength(1);
    expect(await again.people.registrations('w1')).toEqual([registration(), registration({ id: 'r2', secret: 's2', createdAt: 11 })]);
    expect(await again.people.countRegistrations('w1')).toBe(2);
    expect(await again.people.registrationBySecret('s2')).toMatchObject({ id: 'r2' });
    expect(await again.people.setStatus('w1', 'r2', 'admitted')).toBe(true);
    expect(await again.people.setStatus('w2', 'r2', 'declined')).toBe(false);
    // The first join links a person; a second, concurrent one is told it lost.
    expect(await again.people.linkPerson('r2', 'p9')).toBe(true);
    expect(await again.people.linkPerson('r2', 'p10')).toBe(false);
    expect(await again.people.registrationBySecret('s2')).toMatchObject({ status: 'admitted', personId: 'p9' });
    await again.people.setForm('w1', { code: 'c1', open: true, deadline: 99, question: 'Q?' }, 1);
    await again.people.setForm('w1', { code: 'c1', open: false, deadline: null, question: 'Q2?' }, 2);
    expect(await again.people.formByCode('c1')).toEqual({
      workshopId: 'w1',
      form: { code: 'c1', open: false, deadline: null, question: 'Q2?' },
    });
    expect(await again.people.form('w2')).toBeNull();
  });

  it('keeps check-in rounds, the newest current, each with its own answers', async () => {
    const { opened, place } = await open();
    cleanups.unshift(() => backend.dispose(place));
    await opened.storage.createWorkshop(
      { id: 'w1', title: 'w', purpose: '', joinCode: null, createdAt: 1 },
      {
        id: 'f',
        workshopId: 'w1',
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
    const c = opened.checkins;
    expect(await c.currentRound('w1')).toBeNull();
    await c.startRound('w1', { id: 'a', prompt: 'Where from?', startedAt: 1 });
    await c.setAnswer('w1', 'a', { personId: 'p1', answer: 'Porto', answeredAt: 5 });
    await c.setAnswer('w1', 'a', { personId: 'p2', answer: 'Suva', answeredAt: 3 });
    await c.setAnswer('w1', 'a', { personId: 'p2', answer: 'Suva, Fiji', answeredAt: 9 });
    await c.startRound('w1', { id: 'b', prompt: 'One word?', startedAt: 2 });
    expect(await c.currentRound('w1')).toEqual({ id: 'b', prompt: 'One word?', startedAt: 2 });
    expect(await c.answers('w1', 'b')).toEqual([]);
    expect(await c.answers('w1', 'a')).toEqual([
      { personId: 'p2', answer: 'Suva, Fiji', answeredAt: 3 },
      { personId: 'p1', answer: 'Porto', answeredAt: 5 },
    ]);
  });
});
