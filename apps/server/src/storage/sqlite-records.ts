import type Database from 'better-sqlite3';
import { ballotsFromRows, type Ballots } from '@crossboard/model';
import { MAX_ACTIVITY_VERSIONS } from '../limits.ts';
import type { FacilitationRecords, PolicyReads, VersionInfo } from './records.ts';
import type { SqliteStorage } from './sqlite-storage.ts';

/** Facilitation's records (records.ts) in the SQLite file; tables from SQL migration 2 in migrations.ts. */
export class SqliteFacilitationRecords implements FacilitationRecords {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      ballots: db.prepare<[string], { person: string; item: string; count: number }>(
        'SELECT person, item, count FROM ballots WHERE workshop = ? AND count > 0',
      ),
      setBallot: db.prepare(
        `INSERT INTO ballots (workshop, person, item, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop, person, item) DO UPDATE SET count = excluded.count`,
      ),
      clearBallots: db.prepare('DELETE FROM ballots WHERE workshop = ?'),
      insertVersion: db.prepare('INSERT INTO versions (workshop, id, created_at, reason, data) VALUES (?, ?, ?, ?, ?)'),
      pruneActivityVersions: db.prepare(
        `DELETE FROM versions WHERE workshop = ? AND reason = 'activity' AND rowid NOT IN (
           SELECT rowid FROM versions WHERE workshop = ? AND reason = 'activity' ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ),
      versions: db.prepare<[string], { id: string; created_at: number; reason: string }>(
        'SELECT id, created_at, reason FROM versions WHERE workshop = ? ORDER BY created_at DESC, rowid DESC',
      ),
      version: db.prepare<[string, string], { data: Buffer }>('SELECT data FROM versions WHERE workshop = ? AND id = ?'),
      lastVersionAt: db.prepare<[string], { t: number | null }>('SELECT MAX(created_at) AS t FROM versions WHERE workshop = ?'),
      setAuthor: db.prepare(
        `INSERT INTO note_authors (workshop, note, person, phase) VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop, note) DO UPDATE SET person = excluded.person, phase = excluded.phase`,
      ),
      author: db.prepare<[string, string], { person: string }>('SELECT person FROM note_authors WHERE workshop = ? AND note = ?'),
      authors: db.prepare<[string], { note: string; person: string }>('SELECT note, person FROM note_authors WHERE workshop = ?'),
    };
  }

  ballots(workshopId: string): Ballots {
    return ballotsFromRows(this.stmt.ballots.all(workshopId));
  }

  setBallot(workshopId: string, personId: string, itemId: string, count: number): void {
    this.stmt.setBallot.run(workshopId, personId, itemId, count);
  }

  /** A new round starts with no dots anywhere. */
  clearBallots(workshopId: string): void {
    this.stmt.clearBallots.run(workshopId);
  }

  /** Automatic ('activity') versions past MAX_ACTIVITY_VERSIONS go, oldest first. */
  addVersion(workshopId: string, versionId: string, createdAt: number, reason: string, data: Uint8Array): void {
    this.db.transaction(() => {
      this.stmt.insertVersion.run(workshopId, versionId, createdAt, reason, data);
      if (reason === 'activity') this.stmt.pruneActivityVersions.run(workshopId, workshopId, MAX_ACTIVITY_VERSIONS);
    })();
  }

  listVersions(workshopId: string): VersionInfo[] {
    return this.stmt.versions.all(workshopId).map((r) => ({ versionId: r.id, createdAt: r.created_at, reason: r.reason }));
  }

  versionData(workshopId: string, versionId: string): Uint8Array | null {
    const row = this.stmt.version.get(workshopId, versionId);
    return row ? new Uint8Array(row.data) : null;
  }

  lastVersionAt(workshopId: string): number | null {
    return this.stmt.lastVersionAt.get(workshopId)?.t ?? null;
  }

  setNoteAuthor(workshopId: string, noteId: string, personId: string, phase: string): void {
    this.stmt.setAuthor.run(workshopId, noteId, personId, phase);
  }

  noteAuthor(workshopId: string, noteId: string): string | null {
    return this.stmt.author.get(workshopId, noteId)?.person ?? null;
  }

  /** noteId → personId, for the report and for counting anonymous notes. */
  noteAuthors(workshopId: string): Map<string, string> {
    return new Map(this.stmt.authors.all(workshopId).map((r) => [r.note, r.person]));
  }
}

/** SQLite answers the board's rules synchronously, in the same file as everything else. */
export function sqlitePolicyReads(sqlite: SqliteStorage, records: FacilitationRecords): PolicyReads {
  return {
    person: (w, p) => sqlite.getPerson(w, p),
    noteAuthor: (w, n) => records.noteAuthor(w, n),
    noteAuthors: (w) => records.noteAuthors(w),
    setNoteAuthor: (w, n, p, phase) => records.setNoteAuthor(w, n, p, phase),
    lastVersionAt: (w) => records.lastVersionAt(w),
  };
}
