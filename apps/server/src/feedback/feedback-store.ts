import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { ComeAgain, MetSomeone, SurveyAnswer, UsefulScore } from '@crossboard/model';
import { promised } from '../storage/async-storage.ts';
import type { ServerContext } from '../context.ts';

/** A workshop's end-of-session survey: at most one, reopened rather than repeated. */
export interface SurveyRecord {
  workshopId: string;
  /** Fixed when first opened: people were told how their answers are kept. */
  anonymous: boolean;
  openedAt: number;
  closedAt: number | null;
}

export interface StoredAnswer extends SurveyAnswer {
  /** Random, so that the order of the rows says nothing about who answered when. */
  id: string;
  /** Null for every answer to an anonymous survey. */
  personId: string | null;
}

/**
 * The survey, its answers and the set of people who have answered: SQL migration 7. The
 * SQLite form answers synchronously; `AsyncFeedbackRecords` is the contract both meet.
 */
export interface FeedbackRecords {
  survey(workshopId: string): SurveyRecord | null;
  /** Opens (or reopens) the survey; a reopened survey keeps its first anonymity. */
  openSurvey(workshopId: string, anonymous: boolean, at: number): SurveyRecord;
  /** False when there was no open survey to close. */
  closeSurvey(workshopId: string, at: number): boolean;
  /**
   * Marks the person as having answered and stores the answer in one transaction; the
   * answer holds the person only when the survey is not anonymous. False (and nothing
   * stored) when they had already answered.
   */
  addAnswer(workshopId: string, personId: string, answer: Omit<StoredAnswer, 'personId'>, anonymous: boolean): boolean;
  hasAnswered(workshopId: string, personId: string): boolean;
  answers(workshopId: string): StoredAnswer[];
}

type Promised<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };
export type AsyncFeedbackRecords = Promised<FeedbackRecords>;

type SurveyRow = { workshop: string; anonymous: number | string; opened_at: number | string; closed_at: number | string | null };
type AnswerRow = {
  id: string;
  useful: number | string | null;
  come_again: string | null;
  met_someone: string | null;
  change: string;
  person: string | null;
};

// PostgreSQL hands BIGINT back as a string.
const toSurvey = (r: SurveyRow): SurveyRecord => ({
  workshopId: r.workshop,
  anonymous: Number(r.anonymous) === 1,
  openedAt: Number(r.opened_at),
  closedAt: r.closed_at === null ? null : Number(r.closed_at),
});
const toAnswer = (r: AnswerRow): StoredAnswer => ({
  id: r.id,
  useful: r.useful === null ? null : (Number(r.useful) as UsefulScore),
  comeAgain: r.come_again as ComeAgain | null,
  metSomeone: r.met_someone as MetSomeone | null,
  change: r.change,
  personId: r.person,
});
const SURVEY_COLUMNS = 'workshop, anonymous, opened_at, closed_at';
const ANSWER_COLUMNS = 'id, useful, come_again, met_someone, change, person';
const answerValues = (workshopId: string, personId: string, a: Omit<StoredAnswer, 'personId'>, anonymous: boolean) =>
  [workshopId, a.id, a.useful, a.comeAgain, a.metSomeone, a.change, anonymous ? null : personId] as const;

export class SqliteFeedbackRecords implements FeedbackRecords {
  constructor(private readonly db: Database.Database) {}

  survey(workshopId: string): SurveyRecord | null {
    const r = this.db.prepare<[string], SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM feedback_surveys WHERE workshop = ?`).get(workshopId);
    return r ? toSurvey(r) : null;
  }

  openSurvey(workshopId: string, anonymous: boolean, at: number): SurveyRecord {
    this.db
      .prepare(
        `INSERT INTO feedback_surveys (${SURVEY_COLUMNS}) VALUES (?, ?, ?, NULL)
         ON CONFLICT (workshop) DO UPDATE SET opened_at = excluded.opened_at, closed_at = NULL`,
      )
      .run(workshopId, anonymous ? 1 : 0, at);
    return this.survey(workshopId)!;
  }

  closeSurvey(workshopId: string, at: number): boolean {
    return (
      this.db.prepare('UPDATE feedback_surveys SET closed_at = ? WHERE workshop = ? AND closed_at IS NULL').run(at, workshopId).changes > 0
    );
  }

  addAnswer(workshopId: string, personId: string, a: Omit<StoredAnswer, 'personId'>, anonymous: boolean): boolean {
    return this.db.transaction(() => {
      const marked = this.db
        .prepare('INSERT INTO feedback_respondents (workshop, person) VALUES (?, ?) ON CONFLICT DO NOTHING')
        .run(workshopId, personId).changes;
      if (marked === 0) return false;
      this.db
        .prepare(`INSERT INTO feedback_answers (workshop, ${ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(...answerValues(workshopId, personId, a, anonymous));
      return true;
    })();
  }

  hasAnswered(workshopId: string, personId: string): boolean {
    return this.db.prepare('SELECT 1 FROM feedback_respondents WHERE workshop = ? AND person = ?').get(workshopId, personId) !== undefined;
  }

  answers(workshopId: string): StoredAnswer[] {
    return this.db
      .prepare<[string], AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM feedback_answers WHERE workshop = ? ORDER BY id`)
      .all(workshopId)
      .map(toAnswer);
  }
}

export class PostgresFeedbackRecords implements AsyncFeedbackRecords {
  constructor(private readonly pool: pg.Pool) {}

  async survey(workshopId: string): Promise<SurveyRecord | null> {
    const r = await this.pool.query<SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM feedback_surveys WHERE workshop = $1`, [workshopId]);
    return r.rows[0] ? toSurvey(r.rows[0]) : null;
  }

  async openSurvey(workshopId: string, anonymous: boolean, at: number): Promise<SurveyRecord> {
    const r = await this.pool.query<SurveyRow>(
      `INSERT INTO feedback_surveys (${SURVEY_COLUMNS}) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (workshop) DO UPDATE SET opened_at = excluded.opened_at, closed_at = NULL
       RETURNING ${SURVEY_COLUMNS}`,
      [workshopId, anonymous ? 1 : 0, at],
    );
    return toSurvey(r.rows[0]!);
  }

  async closeSurvey(workshopId: string, at: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE feedback_surveys SET closed_at = $1 WHERE workshop = $2 AND closed_at IS NULL', [
      at,
      workshopId,
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  async addAnswer(workshopId: string, personId: string, a: Omit<StoredAnswer, 'personId'>, anonymous: boolean): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const marked = await c.query('INSERT INTO feedback_respondents (workshop, person) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        workshopId,
        personId,
      ]);
      if ((marked.rowCount ?? 0) === 0) {
        await c.query('ROLLBACK');
        return false;
      }
      await c.query(`INSERT INTO feedback_answers (workshop, ${ANSWER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        ...answerValues(workshopId, personId, a, anonymous),
      ]);
      await c.query('COMMIT');
      return true;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async hasAnswered(workshopId: string, personId: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM feedback_respondents WHERE workshop = $1 AND person = $2', [workshopId, personId]);
    return (r.rowCount ?? 0) > 0;
  }

  async answers(workshopId: string): Promise<StoredAnswer[]> {
    const r = await this.pool.query<AnswerRow>(`SELECT ${ANSWER_COLUMNS} FROM feedback_answers WHERE workshop = $1 ORDER BY id`, [
      workshopId,
    ]);
    return r.rows.map(toAnswer);
  }
}

const cache = new WeakMap<ServerContext, AsyncFeedbackRecords>();

/** The survey records in the server's own database, made once per server. */
export function feedbackRecords(ctx: ServerContext): AsyncFeedbackRecords {
  let records = cache.get(ctx);
  if (!records) {
    const c = ctx.connection;
    records = c.kind === 'sqlite' ? promised<FeedbackRecords>(new SqliteFeedbackRecords(c.db)) : new PostgresFeedbackRecords(c.pool);
    cache.set(ctx, records);
  }
  return records;
}
