import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { ServerContext } from '../context.ts';
import { promised } from '../storage/async-storage.ts';

export interface CheckinRound {
  id: string;
  prompt: string;
  startedAt: number;
  /** When the facilitator ended it; null while it is open. */
  endedAt: number | null;
}
export interface CheckinAnswer {
  personId: string;
  answer: string;
  answeredAt: number;
}

/** Check-in rounds and their answers: tables of SQL migrations 5 and 9, on both backends. */
export interface CheckinRecords {
  startRound(workshopId: string, round: Omit<CheckinRound, 'endedAt'>): void;
  /** Ends the round if it is still open; false when it had already ended (or does not exist). */
  endRound(workshopId: string, roundId: string, at: number): boolean;
  /** The newest round, or null before the first. */
  currentRound(workshopId: string): CheckinRound | null;
  setAnswer(workshopId: string, roundId: string, answer: CheckinAnswer): void;
  /** In the order they were first given. */
  answers(workshopId: string, roundId: string): CheckinAnswer[];
}
type Promised<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };
export type AsyncCheckinRecords = Promised<CheckinRecords>;

type RoundRow = { id: string; prompt: string; started_at: number | string; ended_at: number | string | null };
type AnswerRow = { person: string; answer: string; answered_at: number | string };
const toRound = (r: RoundRow): CheckinRound => ({
  id: r.id,
  prompt: r.prompt,
  startedAt: Number(r.started_at),
  endedAt: r.ended_at === null ? null : Number(r.ended_at),
});
const toAnswer = (r: AnswerRow): CheckinAnswer => ({ personId: r.person, answer: r.answer, answeredAt: Number(r.answered_at) });

export class SqliteCheckinRecords implements CheckinRecords {
  constructor(private readonly db: Database.Database) {}
  startRound(workshopId: string, r: Omit<CheckinRound, 'endedAt'>): void {
    this.db
      .prepare('INSERT INTO checkin_rounds (workshop, id, prompt, started_at) VALUES (?, ?, ?, ?)')
      .run(workshopId, r.id, r.prompt, r.startedAt);
  }
  endRound(workshopId: string, roundId: string, at: number): boolean {
    return (
      this.db
        .prepare('UPDATE checkin_rounds SET ended_at = ? WHERE workshop = ? AND id = ? AND ended_at IS NULL')
        .run(at, workshopId, roundId).changes === 1
    );
  }
  currentRound(workshopId: string): CheckinRound | null {
    const r = this.db
      .prepare<[string], RoundRow>(
        'SELECT id, prompt, started_at, ended_at FROM checkin_rounds WHERE workshop = ? ORDER BY started_at DESC, rowid DESC LIMIT 1',
      )
      .get(workshopId);
    return r ? toRound(r) : null;
  }
  setAnswer(workshopId: string, roundId: string, a: CheckinAnswer): void {
    // An edit keeps the card's place on the wall: answered_at stays the first answer's.
    this.db
      .prepare(
        'INSERT INTO checkin_answers (workshop, round, person, answer, answered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (workshop, round, person) DO UPDATE SET answer = excluded.answer',
      )
      .run(workshopId, roundId, a.personId, a.answer, a.answeredAt);
  }
  answers(workshopId: string, roundId: string): CheckinAnswer[] {
    return this.db
      .prepare<[string, string], AnswerRow>(
        'SELECT person, answer, answered_at FROM checkin_answers WHERE workshop = ? AND round = ? ORDER BY answered_at, rowid',
      )
      .all(workshopId, roundId)
      .map(toAnswer);
  }
}

export class PostgresCheckinRecords implements AsyncCheckinRecords {
  constructor(private readonly pool: pg.Pool) {}
  async startRound(workshopId: string, r: Omit<CheckinRound, 'endedAt'>): Promise<void> {
    await this.pool.query('INSERT INTO checkin_rounds (workshop, id, prompt, started_at) VALUES ($1, $2, $3, $4)', [
      workshopId,
      r.id,
      r.prompt,
      r.startedAt,
    ]);
  }
  async endRound(workshopId: string, roundId: string, at: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE checkin_rounds SET ended_at = $1 WHERE workshop = $2 AND id = $3 AND ended_at IS NULL', [
      at,
      workshopId,
      roundId,
    ]);
    return r.rowCount === 1;
  }
  async currentRound(workshopId: string): Promise<CheckinRound | null> {
    const r = await this.pool.query<RoundRow>(
      'SELECT id, prompt, started_at, ended_at FROM checkin_rounds WHERE workshop = $1 ORDER BY started_at DESC, id DESC LIMIT 1',
      [workshopId],
    );
    return r.rows[0] ? toRound(r.rows[0]) : null;
  }
  async setAnswer(workshopId: string, roundId: string, a: CheckinAnswer): Promise<void> {
    await this.pool.query(
      'INSERT INTO checkin_answers (workshop, round, person, answer, answered_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workshop, round, person) DO UPDATE SET answer = excluded.answer',
      [workshopId, roundId, a.personId, a.answer, a.answeredAt],
    );
  }
  async answers(workshopId: string, roundId: string): Promise<CheckinAnswer[]> {
    const r = await this.pool.query<AnswerRow>(
      'SELECT person, answer, answered_at FROM checkin_answers WHERE workshop = $1 AND round = $2 ORDER BY answered_at, person',
      [workshopId, roundId],
    );
    return r.rows.map(toAnswer);
  }
}

const cache = new WeakMap<ServerContext, AsyncCheckinRecords>();

export function checkinRecords(ctx: ServerContext): AsyncCheckinRecords {
  let records = cache.get(ctx);
  if (!records) {
    const c = ctx.connection;
    records = c.kind === 'sqlite' ? promised<CheckinRecords>(new SqliteCheckinRecords(c.db)) : new PostgresCheckinRecords(c.pool);
    cache.set(ctx, records);
  }
  return records;
}
