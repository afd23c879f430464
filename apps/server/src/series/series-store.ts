import type Database from 'better-sqlite3';
import type pg from 'pg';
import { promised } from '../storage/async-storage.ts';
import type { ServerContext } from '../context.ts';

export interface SeriesRecord {
  id: string;
  title: string;
  purpose: string;
  createdAt: number;
}

/** What a public page shows: one workshop's report or a series'. */
export type PublicationKind = 'workshop' | 'series';

/** A merge as stored: `workshopId/recommendationId` on each side (ids hold no slash). */
export interface StoredMerge {
  merged: string;
  kept: string;
}

/**
 * Series, their workshops and merges, and public pages: tables of SQL migration 3. The
 * SQLite form answers synchronously; `AsyncSeriesRecords` is the contract both backends meet.
 */
export interface SeriesRecords {
  /** False (and nothing stored) when the workshop is already in a series. */
  createSeries(series: SeriesRecord, firstWorkshopId: string): boolean;
  getSeries(id: string): SeriesRecord | null;
  updateSeries(id: string, patch: { title: string; purpose: string }): boolean;
  seriesOf(workshopId: string): string | null;
  /** In the order they were added. */
  seriesWorkshops(seriesId: string): string[];
  /** False when the workshop is already in a series (this one or another). */
  addWorkshop(seriesId: string, workshopId: string, at: number): boolean;
  removeWorkshop(seriesId: string, workshopId: string): boolean;
  setMerge(seriesId: string, merge: StoredMerge): void;
  deleteMerge(seriesId: string, merged: string): boolean;
  merges(seriesId: string): StoredMerge[];
  /** The page's code: the one already given if the target is published, else `code`. */
  publish(kind: PublicationKind, target: string, code: string, at: number): string;
  publication(kind: PublicationKind, target: string): string | null;
  published(code: string): { kind: PublicationKind; target: string } | null;
  unpublish(kind: PublicationKind, target: string): boolean;
}

/** A stored merge as the model's pair of references. */
export function mergeFromStored(m: StoredMerge) {
  const split = (s: string) => {
    const [workshopId = '', recommendationId = ''] = s.split('/');
    return { workshopId, recommendationId };
  };
  return { kept: split(m.kept), merged: split(m.merged) };
}

type Promised<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };
export type AsyncSeriesRecords = Promised<SeriesRecords>;

const isKind = (v: string): v is PublicationKind => v === 'workshop' || v === 'series';
type SeriesRow = { id: string; title: string; purpose: string; created_at: number };
const toSeries = (r: SeriesRow): SeriesRecord => ({ id: r.id, title: r.title, purpose: r.purpose, createdAt: r.created_at });

export class SqliteSeriesRecords implements SeriesRecords {
  constructor(private readonly db: Database.Database) {}

  createSeries(s: SeriesRecord, firstWorkshopId: string): boolean {
    return this.db.transaction(() => {
      if (this.seriesOf(firstWorkshopId) !== null) return false;
      this.db.prepare('INSERT INTO series (id, title, purpose, created_at) VALUES (?, ?, ?, ?)').run(s.id, s.title, s.purpose, s.createdAt);
      return this.addWorkshop(s.id, firstWorkshopId, s.createdAt);
    })();
  }

  getSeries(id: string): SeriesRecord | null {
    const r = this.db.prepare<[string], SeriesRow>('SELECT id, title, purpose, created_at FROM series WHERE id = ?').get(id);
    return r ? toSeries(r) : null;
  }

  updateSeries(id: string, patch: { title: string; purpose: string }): boolean {
    return this.db.prepare('UPDATE series SET title = ?, purpose = ? WHERE id = ?').run(patch.title, patch.purpose, id).changes > 0;
  }

  seriesOf(workshopId: string): string | null {
    return (
      this.db.prepare<[string], { series: string }>('SELECT series FROM series_workshops WHERE workshop = ?').get(workshopId)?.series ??
      null
    );
  }

  seriesWorkshops(seriesId: string): string[] {
    return this.db
      .prepare<[string], { workshop: string }>('SELECT workshop FROM series_workshops WHERE series = ? ORDER BY added_at, rowid')
      .all(seriesId)
      .map((r) => r.workshop);
  }

  addWorkshop(seriesId: string, workshopId: string, at: number): boolean {
    return (
      this.db
        .prepare('INSERT INTO series_workshops (workshop, series, added_at) VALUES (?, ?, ?) ON CONFLICT (workshop) DO NOTHING')
        .run(workshopId, seriesId, at).changes > 0
    );
  }

  removeWorkshop(seriesId: string, workshopId: string): boolean {
    return this.db.prepare('DELETE FROM series_workshops WHERE series = ? AND workshop = ?').run(seriesId, workshopId).changes > 0;
  }

  setMerge(seriesId: string, m: StoredMerge): void {
    this.db
      .prepare(
        'INSERT INTO series_merges (series, merged, kept) VALUES (?, ?, ?) ON CONFLICT (series, merged) DO UPDATE SET kept = excluded.kept',
      )
      .run(seriesId, m.merged, m.kept);
  }

  deleteMerge(seriesId: string, merged: string): boolean {
    return this.db.prepare('DELETE FROM series_merges WHERE series = ? AND merged = ?').run(seriesId, merged).changes > 0;
  }

  merges(seriesId: string): StoredMerge[] {
    return this.db.prepare<[string], StoredMerge>('SELECT merged, kept FROM series_merges WHERE series = ? ORDER BY rowid').all(seriesId);
  }

  publish(kind: PublicationKind, target: string, code: string, at: number): string {
    this.db
      .prepare('INSERT INTO publications (code, kind, target, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, target) DO NOTHING')
      .run(code, kind, target, at);
    return this.publication(kind, target)!;
  }

  publication(kind: PublicationKind, target: string): string | null {
    return (
      this.db.prepare<[string, string], { code: string }>('SELECT code FROM publications WHERE kind = ? AND target = ?').get(kind, target)
        ?.code ?? null
    );
  }

  published(code: string): { kind: PublicationKind; target: string } | null {
    const r = this.db.prepare<[string], { kind: string; target: string }>('SELECT kind, target FROM publications WHERE code = ?').get(code);
    return r && isKind(r.kind) ? { kind: r.kind, target: r.target } : null;
  }

  unpublish(kind: PublicationKind, target: string): boolean {
    return this.db.prepare('DELETE FROM publications WHERE kind = ? AND target = ?').run(kind, target).changes > 0;
  }
}

export class PostgresSeriesRecords implements AsyncSeriesRecords {
  constructor(private readonly pool: pg.Pool) {}

  async createSeries(s: SeriesRecord, firstWorkshopId: string): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO series (id, title, purpose, created_at) VALUES ($1, $2, $3, $4)', [s.id, s.title, s.purpose, s.createdAt]);
      const r = await c.query(
        'INSERT INTO series_workshops (workshop, series, added_at) VALUES ($1, $2, $3) ON CONFLICT (workshop) DO NOTHING',
        [firstWorkshopId, s.id, s.createdAt],
      );
      await c.query((r.rowCount ?? 0) > 0 ? 'COMMIT' : 'ROLLBACK');
      return (r.rowCount ?? 0) > 0;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async getSeries(id: string): Promise<SeriesRecord | null> {
    const r = await this.pool.query<SeriesRow>('SELECT id, title, purpose, created_at FROM series WHERE id = $1', [id]);
    return r.rows[0] ? toSeries(r.rows[0]) : null;
  }

  async updateSeries(id: string, patch: { title: string; purpose: string }): Promise<boolean> {
    const r = await this.pool.query('UPDATE series SET title = $1, purpose = $2 WHERE id = $3', [patch.title, patch.purpose, id]);
    return (r.rowCount ?? 0) > 0;
  }

  async seriesOf(workshopId: string): Promise<string | null> {
    const r = await this.pool.query<{ series: string }>('SELECT series FROM series_workshops WHERE workshop = $1', [workshopId]);
    return r.rows[0]?.series ?? null;
  }

  async seriesWorkshops(seriesId: string): Promise<string[]> {
    // ctid is no order; two added in one millisecond fall back to their ids, stable at least.
    const r = await this.pool.query<{ workshop: string }>(
      'SELECT workshop FROM series_workshops WHERE series = $1 ORDER BY added_at, workshop',
      [seriesId],
    );
    return r.rows.map((x) => x.workshop);
  }

  async addWorkshop(seriesId: string, workshopId: string, at: number): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO series_workshops (workshop, series, added_at) VALUES ($1, $2, $3) ON CONFLICT (workshop) DO NOTHING',
      [workshopId, seriesId, at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async removeWorkshop(seriesId: string, workshopId: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM series_workshops WHERE series = $1 AND workshop = $2', [seriesId, workshopId]);
    return (r.rowCount ?? 0) > 0;
  }

  async setMerge(seriesId: string, m: StoredMerge): Promise<void> {
    await this.pool.query(
      'INSERT INTO series_merges (series, merged, kept) VALUES ($1, $2, $3) ON CONFLICT (series, merged) DO UPDATE SET kept = excluded.kept',
      [seriesId, m.merged, m.kept],
    );
  }

  async deleteMerge(seriesId: string, merged: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM series_merges WHERE series = $1 AND merged = $2', [seriesId, merged]);
    return (r.rowCount ?? 0) > 0;
  }

  async merges(seriesId: string): Promise<StoredMerge[]> {
    const r = await this.pool.query<StoredMerge>('SELECT merged, kept FROM series_merges WHERE series = $1 ORDER BY merged', [seriesId]);
    return r.rows;
  }

  async publish(kind: PublicationKind, target: string, code: string, at: number): Promise<string> {
    await this.pool.query(
      'INSERT INTO publications (code, kind, target, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, target) DO NOTHING',
      [code, kind, target, at],
    );
    return (await this.publication(kind, target))!;
  }

  async publication(kind: PublicationKind, target: string): Promise<string | null> {
    const r = await this.pool.query<{ code: string }>('SELECT code FROM publications WHERE kind = $1 AND target = $2', [kind, target]);
    return r.rows[0]?.code ?? null;
  }

  async published(code: string): Promise<{ kind: PublicationKind; target: string } | null> {
    const r = await this.pool.query<{ kind: string; target: string }>('SELECT kind, target FROM publications WHERE code = $1', [code]);
    const row = r.rows[0];
    return row && isKind(row.kind) ? { kind: row.kind, target: row.target } : null;
  }

  async unpublish(kind: PublicationKind, target: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM publications WHERE kind = $1 AND target = $2', [kind, target]);
    return (r.rowCount ?? 0) > 0;
  }
}

const cache = new WeakMap<ServerContext, AsyncSeriesRecords>();

/** The series records in the server's own database, made once per server. */
export function seriesRecords(ctx: ServerContext): AsyncSeriesRecords {
  let records = cache.get(ctx);
  if (!records) {
    const c = ctx.connection;
    records = c.kind === 'sqlite' ? promised<SeriesRecords>(new SqliteSeriesRecords(c.db)) : new PostgresSeriesRecords(c.pool);
    cache.set(ctx, records);
  }
  return records;
}
