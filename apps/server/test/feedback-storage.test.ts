import { afterEach, describe, expect, it } from 'vitest';
import { promised, asyncStorage, type AsyncStorage } from '../src/storage/async-storage.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import {
  PostgresFeedbackRecords,
  SqliteFeedbackRecords,
  type AsyncFeedbackRecords,
  type FeedbackRecords,
} from '../src/feedback/feedback-store.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

/** The storage contract for the feedback survey, run on both backends; the tables are read directly. */
interface Opened {
  storage: AsyncStorage;
  feedback: AsyncFeedbackRecords;
  rows(sql: string): Promise<Record<string, unknown>[]>;
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
        feedback: promised<FeedbackRecords>(new SqliteFeedbackRecords(s.db)),
        rows: async (sql) => s.db.prepare(sql).all() as Record<string, unknown>[],
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
        feedback: new PostgresFeedbackRecords(s.pool),
        rows: async (sql) => (await s.pool.query(sql)).rows,
        close: () => s.close(),
      };
    },
    dispose: dropSchema,
  },
];

const answer = (id: string, over: Partial<Parameters<FeedbackRecords['addAnswer']>[2]> = {}) => ({
  id,
  useful: 4 as const,
  comeAgain: 'yes' as const,
  metSomeone: null,
  change: '',
  ...over,
});

describe.each(backends)('feedback storage on $name', (backend) => {
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
    await opened.storage.createWorkshop(
      { id: 'w1', title: 'w1', purpose: '', joinCode: null, createdAt: 1 },
      {
        id: 'f1',
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
    return opened;
  }

  it('opens, closes and reopens one survey per workshop, keeping its first anonymity', async () => {
    const { feedback: f } = await open();
    expect(await f.survey('w1')).toBeNull();
    expect(await f.openSurvey('w1', true, 10)).toEqual({ workshopId: 'w1', anonymous: true, openedAt: 10, closedAt: null });
    expect(await f.closeSurvey('w1', 20)).toBe(true);
    expect(await f.closeSurvey('w1', 21)).toBe(false);
    expect((await f.survey('w1'))?.closedAt).toBe(20);
    expect(await f.openSurvey('w1', false, 30)).toEqual({ workshopId: 'w1', anonymous: true, openedAt: 30, closedAt: null });
  });

  it('takes one answer per person and stores an anonymous one without the person', async () => {
    const { feedback: f, rows } = await open();
    await f.openSurvey('w1', true, 10);
    expect(await f.addAnswer('w1', 'p1', answer('a1', { change: 'More time' }), true)).toBe(true);
    expect(await f.addAnswer('w1', 'p1', answer('a2', { useful: 1 }), true)).toBe(false);
    expect(await f.addAnswer('w1', 'p2', answer('a3', { useful: 5 }), true)).toBe(true);
    expect(await f.hasAnswered('w1', 'p1')).toBe(true);
    expect(await f.hasAnswered('w1', 'p3')).toBe(false);
    expect((await f.answers('w1')).map((a) => [a.id, a.useful, a.change, a.personId])).toEqual([
      ['a1', 4, 'More time', null],
      ['a3', 5, '', null],
    ]);
    const stored = await rows('SELECT * FROM feedback_answers');
    expect(stored).toHaveLength(2);
    for (const row of stored) for (const value of Object.values(row)) expect(['p1', 'p2']).not.toContain(value);
    expect((await rows('SELECT person FROM feedback_respondents ORDER BY person')).map((r) => r.person)).toEqual(['p1', 'p2']);
  });

  it('keeps the person with an answer only when the survey asked for names', async () => {
    const { feedback: f } = await open();
    await f.openSurvey('w1', false, 10);
    await f.addAnswer('w1', 'p1', answer('a1'), false);
    expect((await f.answers('w1'))[0]?.personId).toBe('p1');
  });
});
