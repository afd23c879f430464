import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { asyncStorage, promised, type AsyncStorage } from './async-storage.ts';
import type { AsyncFacilitationRecords, PolicyReads } from './records.ts';
import { SqliteFacilitationRecords, sqlitePolicyReads } from './sqlite-records.ts';
import { SqliteStorage } from './sqlite-storage.ts';
import type { PersonRecord } from './storage.ts';

export interface BackendConfig {
  /** Where the SQLite file lives (created if missing) when there is no databaseUrl. */
  dataDir: string;
  /** DATABASE_URL: postgres://... shares workshops between processes. */
  databaseUrl?: string;
  /** A PostgreSQL schema of its own (tests); `public` by default. */
  databaseSchema?: string;
  /** A SQLite storage opened by the caller (tests: one that fails on cue). */
  sqlite?: SqliteStorage;
  log: FastifyBaseLogger;
}

/**
 * The database connection, for the features that keep tables of their own (series,
 * feedback, follow-up, people, check-in) and answer them on either backend.
 */
export type SqlConnection = { kind: 'sqlite'; db: Database.Database } | { kind: 'postgres'; pool: pg.Pool };

/**
 * The per-process cache PostgreSQL's policy reads answer from (cached-policy-reads.ts): the
 * rooms keep it current around each board's life. SQLite reads its file and needs none.
 */
export interface PolicyReadsCache {
  prepare(workshopId: string): Promise<void>;
  refresh(workshopId: string): Promise<void>;
  flush(workshopId: string): Promise<void>;
  seen(person: PersonRecord): void;
  forget(workshopId: string): void;
}

export interface Backend {
  storage: AsyncStorage;
  /** Ballots, board versions and note authors, in the same database. */
  records: AsyncFacilitationRecords;
  /** Synchronous reads for the board's rules, run inside a Yjs transaction. */
  policyReads: PolicyReads;
  /** Set when `policyReads` answers from a cache (PostgreSQL). */
  policyCache: PolicyReadsCache | null;
  connection: SqlConnection;
  /** Writes `value` unless the key has one; returns the value kept (first writer wins). Shared databases only. */
  initValue?(key: string, value: string): Promise<string>;
  /**
   * The embedded database itself when it is SQLite, for tests that inspect or break it. Not in
   * the server's context: server code goes through the contracts above.
   */
  sqlite: SqliteStorage | null;
  close(): Promise<void>;
}

/** Opens the database the configuration names: PostgreSQL with a databaseUrl, else SQLite. */
export async function openBackend(config: BackendConfig): Promise<Backend> {
  if (config.databaseUrl && !config.sqlite) {
    // Loaded only here: a SQLite server never pays for the PostgreSQL driver (~10 MB resident).
    const [{ PostgresStorage }, { PostgresFacilitationRecords }, { CachedPolicyReads }] = await Promise.all([
      import('./postgres-storage.ts'),
      import('./postgres-records.ts'),
      import('./cached-policy-reads.ts'),
    ]);
    const pgStorage = await PostgresStorage.open({
      connectionString: config.databaseUrl,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    });
    const records = new PostgresFacilitationRecords(pgStorage.pool);
    // PostgreSQL answers asynchronously: the rules read a per-workshop cache.
    const cached = new CachedPolicyReads(pgStorage, records, config.log);
    return {
      storage: pgStorage,
      records,
      policyReads: cached,
      policyCache: cached,
      connection: { kind: 'postgres', pool: pgStorage.pool },
      initValue: (key, value) => pgStorage.initValue(key, value),
      sqlite: null,
      close: () => pgStorage.close(),
    };
  }
  const sqlite =
    config.sqlite ??
    new SqliteStorage(config.dataDir, {
      // Nothing is lost when it fails: the writing connection checkpoints by itself past a bound.
      onCheckpoint: (r) => {
        if ('error' in r) config.log.warn({ err: r.error }, 'the SQLite checkpoint thread failed');
      },
    });
  const storage = asyncStorage(sqlite);
  const records = new SqliteFacilitationRecords(sqlite.db);
  return {
    storage,
    records: promised(records),
    policyReads: sqlitePolicyReads(sqlite, records),
    policyCache: null,
    connection: { kind: 'sqlite', db: sqlite.db },
    sqlite,
    close: () => storage.close(),
  };
}
