import { expect, it } from 'vitest';
import { promised } from '../src/storage/async-storage.ts';
import { PostgresFeedbackRecords, SqliteFeedbackRecords, type FeedbackRecords } from '../src/feedback/feedback-store.ts';
import { createWorkshops, describeOnBothBackends } from './helpers/backends.ts';

/** The storage contract for the feedback survey, run on both backends; the tables are read directly. */
const answer = (id: string, over: Partial<Parameters<FeedbackRecords['addAnswer']>[2]> = {}) => ({
  id,
  useful: 4 as const,
  comeAgain: 'yes' as const,
  metSomeone: null,
  change: '',
  ...over,
});

describeOnBothBackends(
  'feedback storage',
  { sqlite: (s) => promised<FeedbackRecords>(new SqliteFeedbackRecords(s.db)), postgres: (s) => new PostgresFeedbackRecords(s.pool) },
  (backend) => {
    async function open() {
      const opened = await backend.open();
      await createWorkshops(opened.storage, 'w1');
      return { feedback: opened.records, rows: opened.rows };
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
  },
);
