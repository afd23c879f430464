import type pg from 'pg';
import { ballotsFromRows, type Ballots } from '@crossboard/model';
import { MAX_ACTIVITY_VERSIONS } from '../limits.ts';
import { buffer, bytes } from './postgres-storage.ts';
import type { AsyncFacilitationRecords, VersionInfo } from './records.ts';

/** Facilitation's records (records.ts) in PostgreSQL: the same tables as SQLite. */
export class PostgresFacilitationRecords implements AsyncFacilitationRecords {
  constructor(private readonly pool: pg.Pool) {}

  async ballots(workshopId: string): Promise<Ballots> {
    const r = await this.pool.query<{ person: string; item: string; count: number }>(
      'SELECT person, item, count FROM ballots WHERE workshop = $1 AND count > 0',
      [workshopId],
    );
    return ballotsFromRows(r.rows);
  }

  async setBallot(workshopId: string, personId: string, itemId: string, count: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ballots (workshop, person, item, count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop, person, item) DO UPDATE SET count = excluded.count`,
      [workshopId, personId, itemId, count],
    );
  }

  async clearBallots(workshopId: string): Promise<void> {
    await this.pool.query('DELETE FROM ballots WHERE workshop = $1', [workshopId]);
  }

  /** Automatic ('activity') versions past MAX_ACTIVITY_VERSIONS go, oldest first. */
  async addVersion(workshopId: string, versionId: string, createdAt: number, reason: string, data: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO versions (workshop, id, created_at, reason, data) VALUES ($1, $2, $3, $4, $5)', [
      workshopId,
      versionId,
      createdAt,
      reason,
      buffer(data),
    ]);
    if (reason !== 'activity') return;
    await this.pool.query(
      `DELETE FROM versions WHERE workshop = $1 AND reason = 'activity' AND seq NOT IN (
         SELECT seq FROM versions WHERE workshop = $1 AND reason = 'activity' ORDER BY created_at DESC, seq DESC LIMIT $2)`,
      [workshopId, MAX_ACTIVITY_VERSIONS],
    );
  }

  async listVersions(workshopId: string): Promise<VersionInfo[]> {
    const r = await this.pool.query<{ id: string; created_at: number; reason: string }>(
      'SELECT id, created_at, reason FROM versions WHERE workshop = $1 ORDER BY created_at DESC, seq DESC',
      [workshopId],
    );
    return r.rows.map((row) => ({ versionId: row.id, createdAt: row.created_at, reason: row.reason }));
  }

  async versionData(workshopId: string, versionId: string): Promise<Uint8Array | null> {
    const r = await this.pool.query<{ data: Buffer }>('SELECT data FROM versions WHERE workshop = $1 AND id = $2', [workshopId, versionId]);
    return r.rows[0] ? bytes(r.rows[0].data) : null;
  }

  async lastVersionAt(workshopId: string): Promise<number | null> {
    const r = await this.pool.query<{ t: number | null }>('SELECT MAX(created_at) AS t FROM versions WHERE workshop = $1', [workshopId]);
    return r.rows[0]?.t ?? null;
  }

  async setNoteAuthor(workshopId: string, noteId: string, personId: string, phase: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO note_authors (workshop, note, person, phase) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop, note) DO UPDATE SET person = excluded.person, phase = excluded.phase`,
      [workshopId, noteId, personId, phase],
    );
  }

  async noteAuthor(workshopId: string, noteId: string): Promise<string | null> {
    const r = await this.pool.query<{ person: string }>('SELECT person FROM note_authors WHERE workshop = $1 AND note = $2', [
      workshopId,
      noteId,
    ]);
    return r.rows[0]?.person ?? null;
  }

  async noteAuthors(workshopId: string): Promise<Map<string, string>> {
    const r = await this.pool.query<{ note: string; person: string }>('SELECT note, person FROM note_authors WHERE workshop = $1', [
      workshopId,
    ]);
    return new Map(r.rows.map((row) => [row.note, row.person]));
  }
}
