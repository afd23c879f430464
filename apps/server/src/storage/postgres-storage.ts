import pg from 'pg';
import * as Y from 'yjs';
import type { AsyncStorage } from './async-storage.ts';
import { decodes } from './decodes.ts';
import { toPerson, type PersonRow } from './person-row.ts';
import type { SqlMigration } from './migrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.ts';
import type { ImportedWorkshop, PersonRecord, StoredDocument, WorkshopRecord } from './storage.ts';

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  connectionString: string;
  /** A schema of its own (created if missing); `public` by default. Tests use one per run. */
  schema?: string;
  /** Connections per process; a room's writes are serialized, so a few are plenty. */
  poolSize?: number;
  migrations?: readonly SqlMigration[];
}

/** How long /healthz waits for `SELECT 1` before calling the database down. */
export const POSTGRES_HEALTH_TIMEOUT_MS = 2_000;
export const POSTGRES_POOL_SIZE = 8;

const INT8_OID = 20;

export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b);
export const buffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * PostgreSQL, for several server processes sharing workshops (chosen by DATABASE_URL).
 * The same tables as SQLite; the calls are the storage contract as Promises.
 */
export class PostgresStorage implements AsyncStorage {
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
  ) {}

  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const schema = options.schema ?? 'public';
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? POSTGRES_POOL_SIZE,
      options: `-c search_path=${quoteIdent(schema)}`,
      // Milliseconds since 1970 do not fit an int4; pg hands int8 back as strings by default.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    try {
      await migrate(pool, schema, options.migrations ?? POSTGRES_MIGRATIONS);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresStorage(pool, schema);
  }

  async loadDocument(room: string): Promise<StoredDocument> {
    // One snapshot of the database: a compaction committing between the two reads would
    // otherwise show the merged snapshot and the (deleted) log, or neither.
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ', async (c) => {
      const snap = await c.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE room = $1', [room]);
      const rows = await c.query<{ data: Buffer }>('SELECT data FROM updates WHERE room = $1 ORDER BY seq', [room]);
      let updateBytes = 0;
      const updates = rows.rows.map((r) => {
        updateBytes += r.data.byteLength;
        return bytes(r.data);
      });
      return { snapshot: snap.rows[0] ? bytes(snap.rows[0].data) : null, updates, updateBytes };
    });
  }

  async appendUpdate(room: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO updates (room, data) VALUES ($1, $2)', [room, buffer(update)]);
  }

  /**
   * Compactions of one room are serialized across processes by an advisory lock, and only
   * the rows read are deleted: an append committing meanwhile (with any seq) stays in the log.
   * Rows that do not decode are neither merged nor deleted.
   */
  async compact(room: string): Promise<void> {
    await this.transaction('BEGIN', async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('crossboard-compact:' || $1))", [room]);
      const rows = await c.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE room = $1 ORDER BY seq', [room]);
      const good = rows.rows.filter((r) => decodes(r.data));
      if (good.length === 0) return;
      const snap = await c.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE room = $1', [room]);
      const parts = good.map((r) => bytes(r.data));
      if (snap.rows[0]) parts.unshift(bytes(snap.rows[0].data));
      const merged = Y.mergeUpdates(parts);
      await c.query(
        `INSERT INTO snapshots (room, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [room, buffer(merged), Date.now()],
      );
      await c.query('DELETE FROM updates WHERE room = $1 AND seq = ANY($2::bigint[])', [room, good.map((r) => r.seq)]);
    });
  }

  async createWorkshop(workshop: WorkshopRecord, facilitator: PersonRecord): Promise<void> {
    await this.transaction('BEGIN', async (c) => {
      await c.query('INSERT INTO workshops (id, title, purpose, join_code, created_at) VALUES ($1, $2, $3, $4, $5)', [
        workshop.id,
        workshop.title,
        workshop.purpose,
        workshop.joinCode,
        workshop.createdAt,
      ]);
      await insertPerson(c, facilitator);
    });
  }

  async importWorkshop({ workshop, people, values, rooms }: ImportedWorkshop): Promise<void> {
    await this.transaction('BEGIN', async (c) => {
      await c.query('INSERT INTO workshops (id, title, purpose, join_code, created_at) VALUES ($1, $2, $3, $4, $5)', [
        workshop.id,
        workshop.title,
        workshop.purpose,
        workshop.joinCode,
        workshop.createdAt,
      ]);
      for (const p of people) await insertPerson(c, p);
      for (const [key, value] of values) {
        await c.query('INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
      }
      for (const { room, updates } of rooms)
        for (const u of updates) await c.query('INSERT INTO updates (room, data) VALUES ($1, $2)', [room, buffer(u)]);
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const r = await this.pool.query<{ id: string; title: string; purpose: string; join_code: string | null; created_at: number }>(
      'SELECT id, title, purpose, join_code, created_at FROM workshops WHERE id = $1',
      [id],
    );
    const row = r.rows[0];
    return row ? { id: row.id, title: row.title, purpose: row.purpose, joinCode: row.join_code, createdAt: row.created_at } : null;
  }

  async setJoinCode(workshopId: string, code: string): Promise<void> {
    await this.pool.query('UPDATE workshops SET join_code = $1 WHERE id = $2', [code, workshopId]);
  }

  async addPerson(person: PersonRecord): Promise<void> {
    await insertPerson(this.pool, person);
  }

  async getPerson(workshopId: string, personId: string): Promise<PersonRecord | null> {
    const r = await this.pool.query<PersonRow>('SELECT * FROM people WHERE workshop = $1 AND id = $2', [workshopId, personId]);
    return r.rows[0] ? toPerson(r.rows[0]) : null;
  }

  async listPeople(workshopId: string): Promise<PersonRecord[]> {
    const r = await this.pool.query<PersonRow>('SELECT * FROM people WHERE workshop = $1 ORDER BY created_at, name, id', [workshopId]);
    return r.rows.map(toPerson);
  }

  async revokePerson(workshopId: string, personId: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE people SET revoked = TRUE WHERE workshop = $1 AND id = $2', [workshopId, personId]);
    return (r.rowCount ?? 0) > 0;
  }

  async getValue(key: string): Promise<string | null> {
    const r = await this.pool.query<{ value: string }>('SELECT value FROM kv WHERE key = $1', [key]);
    return r.rows[0]?.value ?? null;
  }

  async setValue(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  /** Writes `value` unless the key has one; returns the value kept (first writer wins). */
  async initValue(key: string, value: string): Promise<string> {
    await this.pool.query('INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    const kept = await this.getValue(key);
    if (kept === null) throw new Error(`kv ${key} vanished after being written`);
    return kept;
  }

  async healthy(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), POSTGRES_HEALTH_TIMEOUT_MS)));
      const ok = this.pool.query('SELECT 1 AS ok').then((r) => r.rowCount === 1);
      return await Promise.race([ok, timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async transaction<T>(begin: string, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(begin);
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
}

async function insertPerson(c: pg.Pool | pg.PoolClient, p: PersonRecord): Promise<void> {
  await c.query(
    `INSERT INTO people (workshop, id, role, name, organisation, country, time_zone, language, revoked, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [p.workshopId, p.id, p.role, p.name, p.organisation, p.country, p.timeZone, p.language, p.revoked, p.createdAt],
  );
}

/**
 * Runs the migrations newer than the schema's version in one transaction. Processes starting
 * together queue on an advisory lock, so each migration runs exactly once.
 */
export async function migrate(pool: pg.Pool, schema: string, migrations: readonly SqlMigration[]): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query("SELECT pg_advisory_xact_lock(hashtext('crossboard-migrate:' || $1))", [schema]);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const r = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
    const current = r.rows[0]?.v ?? 0;
    for (const m of migrations) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
