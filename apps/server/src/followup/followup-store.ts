import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { StepStatus } from '@crossboard/model';
import { promised } from '../storage/async-storage.ts';
import type { ServerContext } from '../context.ts';

/** Someone who owns action steps: the steps whose owner's name has this key are theirs. */
export interface FollowupOwner {
  workshopId: string;
  id: string;
  name: string;
  nameKey: string;
  /** For the organisers' use only: never in a room, an export, or an answer to anyone else. */
  email: string;
  createdAt: number;
}

export interface FollowupLink {
  workshopId: string;
  ownerId: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface ProgressEntry {
  workshopId: string;
  id: string;
  stepId: string;
  ownerId: string;
  at: number;
  /** The status set with this note; null when the note changed none. */
  status: StepStatus | null;
  note: string;
}

/**
 * Follow-up owners, their links (by hash) and progress notes: SQL migration 6. The SQLite form
 * answers synchronously; `AsyncFollowupRecords` is the contract both backends meet.
 */
export interface FollowupRecords {
  /** The owner of this name key, added if new (with `owner`'s id); the stored one otherwise. */
  ensureOwner(owner: FollowupOwner): FollowupOwner;
  owner(workshopId: string, id: string): FollowupOwner | null;
  owners(workshopId: string): FollowupOwner[];
  setEmail(workshopId: string, id: string, email: string): boolean;
  /** Revokes the owner's earlier links: one link per owner works at a time. */
  issueLink(workshopId: string, ownerId: string, tokenHash: string, at: number): void;
  /** How many working links were revoked. */
  revokeLinks(workshopId: string, ownerId: string, at: number): number;
  link(tokenHash: string): FollowupLink | null;
  /** When the owner's working link was made, or null when they have none. */
  activeLinkSince(workshopId: string, ownerId: string): number | null;
  addProgress(entry: ProgressEntry): void;
  /** Oldest first. */
  progress(workshopId: string): ProgressEntry[];
}

type Promised<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };
export type AsyncFollowupRecords = Promised<FollowupRecords>;

type OwnerRow = { workshop: string; id: string; name: string; name_key: string; email: string; created_at: number | string };
type LinkRow = { workshop: string; owner: string; created_at: number | string; revoked_at: number | string | null };
type ProgressRow = { workshop: string; id: string; step: string; owner: string; at: number | string; status: string | null; note: string };

// PostgreSQL hands BIGINT back as a string.
const num = (v: number | string) => Number(v);
const toOwner = (r: OwnerRow): FollowupOwner => ({
  workshopId: r.workshop,
  id: r.id,
  name: r.name,
  nameKey: r.name_key,
  email: r.email,
  createdAt: num(r.created_at),
});
const toLink = (r: LinkRow): FollowupLink => ({
  workshopId: r.workshop,
  ownerId: r.owner,
  createdAt: num(r.created_at),
  revokedAt: r.revoked_at === null ? null : num(r.revoked_at),
});
const toProgress = (r: ProgressRow): ProgressEntry => ({
  workshopId: r.workshop,
  id: r.id,
  stepId: r.step,
  ownerId: r.owner,
  at: num(r.at),
  status: r.status as StepStatus | null,
  note: r.note,
});
const OWNER_COLUMNS = 'workshop, id, name, name_key, email, created_at';

export class SqliteFollowupRecords implements FollowupRecords {
  constructor(private readonly db: Database.Database) {}

  ensureOwner(o: FollowupOwner): FollowupOwner {
    this.db
      .prepare(`INSERT INTO followup_owners (${OWNER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workshop, name_key) DO NOTHING`)
      .run(o.workshopId, o.id, o.name, o.nameKey, o.email, o.createdAt);
    return toOwner(
      this.db
        .prepare<[string, string], OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = ? AND name_key = ?`)
        .get(o.workshopId, o.nameKey)!,
    );
  }

  owner(workshopId: string, id: string): FollowupOwner | null {
    const r = this.db
      .prepare<[string, string], OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = ? AND id = ?`)
      .get(workshopId, id);
    return r ? toOwner(r) : null;
  }

  owners(workshopId: string): FollowupOwner[] {
    return this.db
      .prepare<[string], OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = ? ORDER BY created_at, rowid`)
      .all(workshopId)
      .map(toOwner);
  }

  setEmail(workshopId: string, id: string, email: string): boolean {
    return this.db.prepare('UPDATE followup_owners SET email = ? WHERE workshop = ? AND id = ?').run(email, workshopId, id).changes > 0;
  }

  issueLink(workshopId: string, ownerId: string, tokenHash: string, at: number): void {
    this.db.transaction(() => {
      this.revokeLinks(workshopId, ownerId, at);
      this.db
        .prepare('INSERT INTO followup_links (token_hash, workshop, owner, created_at) VALUES (?, ?, ?, ?)')
        .run(tokenHash, workshopId, ownerId, at);
    })();
  }

  revokeLinks(workshopId: string, ownerId: string, at: number): number {
    return this.db
      .prepare('UPDATE followup_links SET revoked_at = ? WHERE workshop = ? AND owner = ? AND revoked_at IS NULL')
      .run(at, workshopId, ownerId).changes;
  }

  link(tokenHash: string): FollowupLink | null {
    const r = this.db
      .prepare<[string], LinkRow>('SELECT workshop, owner, created_at, revoked_at FROM followup_links WHERE token_hash = ?')
      .get(tokenHash);
    return r ? toLink(r) : null;
  }

  activeLinkSince(workshopId: string, ownerId: string): number | null {
    const r = this.db
      .prepare<[string, string], { created_at: number }>(
        'SELECT created_at FROM followup_links WHERE workshop = ? AND owner = ? AND revoked_at IS NULL',
      )
      .get(workshopId, ownerId);
    return r ? r.created_at : null;
  }

  addProgress(e: ProgressEntry): void {
    this.db
      .prepare('INSERT INTO followup_progress (workshop, id, step, owner, at, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.workshopId, e.id, e.stepId, e.ownerId, e.at, e.status, e.note);
  }

  progress(workshopId: string): ProgressEntry[] {
    return this.db
      .prepare<[string], ProgressRow>(
        'SELECT workshop, id, step, owner, at, status, note FROM followup_progress WHERE workshop = ? ORDER BY at, rowid',
      )
      .all(workshopId)
      .map(toProgress);
  }
}

export class PostgresFollowupRecords implements AsyncFollowupRecords {
  constructor(private readonly pool: pg.Pool) {}

  async ensureOwner(o: FollowupOwner): Promise<FollowupOwner> {
    await this.pool.query(
      `INSERT INTO followup_owners (${OWNER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workshop, name_key) DO NOTHING`,
      [o.workshopId, o.id, o.name, o.nameKey, o.email, o.createdAt],
    );
    const r = await this.pool.query<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = $1 AND name_key = $2`, [
      o.workshopId,
      o.nameKey,
    ]);
    return toOwner(r.rows[0]!);
  }

  async owner(workshopId: string, id: string): Promise<FollowupOwner | null> {
    const r = await this.pool.query<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = $1 AND id = $2`, [
      workshopId,
      id,
    ]);
    return r.rows[0] ? toOwner(r.rows[0]) : null;
  }

  async owners(workshopId: string): Promise<FollowupOwner[]> {
    const r = await this.pool.query<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM followup_owners WHERE workshop = $1 ORDER BY created_at, id`, [
      workshopId,
    ]);
    return r.rows.map(toOwner);
  }

  async setEmail(workshopId: string, id: string, email: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE followup_owners SET email = $1 WHERE workshop = $2 AND id = $3', [email, workshopId, id]);
    return (r.rowCount ?? 0) > 0;
  }

  async issueLink(workshopId: string, ownerId: string, tokenHash: string, at: number): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('UPDATE followup_links SET revoked_at = $1 WHERE workshop = $2 AND owner = $3 AND revoked_at IS NULL', [
        at,
        workshopId,
        ownerId,
      ]);
      await c.query('INSERT INTO followup_links (token_hash, workshop, owner, created_at) VALUES ($1, $2, $3, $4)', [
        tokenHash,
        workshopId,
        ownerId,
        at,
      ]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async revokeLinks(workshopId: string, ownerId: string, at: number): Promise<number> {
    const r = await this.pool.query('UPDATE followup_links SET revoked_at = $1 WHERE workshop = $2 AND owner = $3 AND revoked_at IS NULL', [
      at,
      workshopId,
      ownerId,
    ]);
    return r.rowCount ?? 0;
  }

  async link(tokenHash: string): Promise<FollowupLink | null> {
    const r = await this.pool.query<LinkRow>('SELECT workshop, owner, created_at, revoked_at FROM followup_links WHERE token_hash = $1', [
      tokenHash,
    ]);
    return r.rows[0] ? toLink(r.rows[0]) : null;
  }

  async activeLinkSince(workshopId: string, ownerId: string): Promise<number | null> {
    const r = await this.pool.query<{ created_at: string }>(
      'SELECT created_at FROM followup_links WHERE workshop = $1 AND owner = $2 AND revoked_at IS NULL',
      [workshopId, ownerId],
    );
    return r.rows[0] ? Number(r.rows[0].created_at) : null;
  }

  async addProgress(e: ProgressEntry): Promise<void> {
    await this.pool.query(
      'INSERT INTO followup_progress (workshop, id, step, owner, at, status, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [e.workshopId, e.id, e.stepId, e.ownerId, e.at, e.status, e.note],
    );
  }

  async progress(workshopId: string): Promise<ProgressEntry[]> {
    const r = await this.pool.query<ProgressRow>(
      'SELECT workshop, id, step, owner, at, status, note FROM followup_progress WHERE workshop = $1 ORDER BY at, id',
      [workshopId],
    );
    return r.rows.map(toProgress);
  }
}

const cache = new WeakMap<ServerContext, AsyncFollowupRecords>();

/** The follow-up records in the server's own database, made once per server. */
export function followupRecords(ctx: ServerContext): AsyncFollowupRecords {
  let records = cache.get(ctx);
  if (!records) {
    const c = ctx.connection;
    records = c.kind === 'sqlite' ? promised<FollowupRecords>(new SqliteFollowupRecords(c.db)) : new PostgresFollowupRecords(c.pool);
    cache.set(ctx, records);
  }
  return records;
}
