import { afterEach, describe } from 'vitest';
import { asyncStorage, type AsyncStorage } from '../../src/storage/async-storage.ts';
import { PostgresStorage } from '../../src/storage/postgres-storage.ts';
import { SqliteStorage } from '../../src/storage/sqlite-storage.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './postgres.ts';
import { removeDataDir, tempDataDir } from './server.ts';

/** How a suite builds its records on each backend: from the SQLite database or the PostgreSQL pool. */
export interface RecordsOn<T> {
  sqlite(s: SqliteStorage): T;
  postgres(s: PostgresStorage): T;
}

/** One opened storage: the workshop storage, the suite's records, and the tables to read directly. */
export interface OpenedBackend<T> {
  /** The data directory (SQLite) or schema (PostgreSQL), to open the same data again. */
  place: string;
  storage: AsyncStorage;
  records: T;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface BothBackends<T> {
  /** Opens a fresh, empty storage; it is closed and removed after the test. */
  open(): Promise<OpenedBackend<T>>;
  /** Opens the storage at `place` again; it is closed after the test (the place is removed by `open`). */
  reopen(place: string): Promise<OpenedBackend<T>>;
}

const backends = [
  {
    name: 'SQLite',
    newPlace: tempDataDir,
    async open<T>(place: string, records: RecordsOn<T>): Promise<OpenedBackend<T>> {
      const s = new SqliteStorage(place);
      return {
        place,
        storage: asyncStorage(s),
        records: records.sqlite(s),
        rows: async (sql) => s.db.prepare(sql).all() as Record<string, unknown>[],
        close: async () => s.close(),
      };
    },
    dispose: removeDataDir,
  },
  {
    name: 'PostgreSQL',
    newPlace: freshSchema,
    async open<T>(place: string, records: RecordsOn<T>): Promise<OpenedBackend<T>> {
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema: place, poolSize: 2 });
      return {
        place,
        storage: s,
        records: records.postgres(s),
        rows: async (sql) => (await s.pool.query(sql)).rows,
        close: () => s.close(),
      };
    },
    dispose: dropSchema,
  },
];

/**
 * Runs a storage contract suite once on SQLite and once on PostgreSQL (`<title> on SQLite`,
 * `<title> on PostgreSQL`). Each test opens its own directory or schema, so no two share rows.
 */
export function describeOnBothBackends<T>(title: string, records: RecordsOn<T>, body: (backend: BothBackends<T>) => void): void {
  describe.each(backends)(`${title} on $name`, (backend) => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });
    async function reopen(place: string): Promise<OpenedBackend<T>> {
      const opened = await backend.open(place, records);
      cleanups.push(() => opened.close());
      return opened;
    }
    body({
      async open() {
        const place = backend.newPlace();
        cleanups.push(() => backend.dispose(place));
        return reopen(place);
      },
      reopen,
    });
  });
}

/** Creates workshops `ids` (titled by their id), each with a facilitator `f-<id>`. */
export async function createWorkshops(storage: AsyncStorage, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    await storage.createWorkshop(
      { id, title: id, purpose: '', joinCode: null, createdAt: 1 },
      {
        id: `f-${id}`,
        workshopId: id,
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
  }
}
