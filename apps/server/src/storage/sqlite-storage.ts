import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { decodes } from './decodes.ts';
import { toPerson, type PersonRow } from './person-row.ts';
import { SQL_MIGRATIONS, type SqlMigration } from './migrations.ts';
import { CHECKPOINT_EVERY_MS, FALLBACK_AUTOCHECKPOINT_PAGES, WalCheckpointer, type CheckpointReport } from './wal-checkpointer.ts';
import type { ImportedWorkshop, PersonRecord, Storage, StoredDocument, WorkshopRecord } from './storage.ts';

export const DATABASE_FILE = 'crossboard.sqlite';
/** Owner only: the data directory, and the database with its -wal and -shm files. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

export type CompactionStep = 'read' | 'merged' | 'snapshot-written' | 'log-deleted';

export function migrate(db: Database.Database, migrations: readonly SqlMigration[] = SQL_MIGRATIONS): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    })();
  }
}

/**
 * The database holds the token-signing secret (unless CROSSBOARD_SECRET is set) and every
 * note: the directory is made 0700 and the file 0600 before SQLite opens it. SQLite gives
 * the -wal and -shm files the database file's mode. Files of an older install are narrowed
 * too; a directory that already exists keeps its mode (it may be the operator's).
 */
function createPrivately(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  closeSync(openSync(file, 'a', DATA_FILE_MODE));
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      if (existsSync(file + suffix)) chmodSync(file + suffix, DATA_FILE_MODE);
    } catch {
      // A mount without Unix modes (CIFS, some volumes): nothing to narrow, nothing to stop for.
    }
  }
}

export interface SqliteStorageOptions {
  /** Each checkpoint the checkpoint thread ran, or why it failed (the writer then checkpoints). */
  onCheckpoint?: (report: CheckpointReport | { error: string }) => void;
  checkpointEveryMs?: number;
}

/** SQLite in WAL mode: one file in the data directory, nothing to install. */
export class SqliteStorage implements Storage {
  readonly db: Database.Database;
  private readonly file: string;
  /** Started with the first stored update: a handle that only reads never needs it. */
  private checkpointer: WalCheckpointer | null = null;
  private readonly stmt;
  /**
   * Each room's last log number as this handle wrote it, so an append is a plain insert: the
   * `MAX(seq)` sub-select cost as much as the rest of a one-row commit. Read from the table on
   * a room's first append and again after its compaction, which is also when it is forgotten
   * (a room is compacted when it unloads), so only rooms with a log are held here.
   */
  private readonly lastSeq = new Map<string, number>();
  /** Made once: better-sqlite3's `transaction()` costs about as much again as a one-row commit. */
  private readonly appendInOne: (rows: readonly { room: string; update: Uint8Array }[]) => void;

  constructor(
    dataDir: string,
    private readonly options: SqliteStorageOptions = {},
  ) {
    const file = join(dataDir, DATABASE_FILE);
    this.file = file;
    createPrivately(dataDir, file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (the case that matters for "seen means
    // stored"); only a power cut can lose the last commits, and FULL would fsync per keystroke.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.stmt = {
      snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE room = ?'),
      updates: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq'),
      // A compacted room may start again from 1; only the order within a room means anything.
      lastSeq: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM updates WHERE room = ?'),
      append: db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)'),
      putSnapshot: db.prepare(
        `INSERT INTO snapshots (room, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?'),
      deleteUpdate: db.prepare('DELETE FROM updates WHERE room = ? AND seq = ?'),
      insertWorkshop: db.prepare('INSERT INTO workshops (id, title, purpose, join_code, created_at) VALUES (?, ?, ?, ?, ?)'),
      workshop: db.prepare<[string], { id: string; title: string; purpose: string; join_code: string | null; created_at: number }>(
        'SELECT id, title, purpose, join_code, created_at FROM workshops WHERE id = ?',
      ),
      setJoinCode: db.prepare('UPDATE workshops SET join_code = ? WHERE id = ?'),
      insertPerson: db.prepare(
        `INSERT INTO people (workshop, id, role, name, organisation, country, time_zone, language, revoked, created_at)
         VALUES (@workshopId, @id, @role, @name, @organisation, @country, @timeZone, @language, @revoked, @createdAt)`,
      ),
      person: db.prepare<[string, string], PersonRow>('SELECT * FROM people WHERE workshop = ? AND id = ?'),
      people: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE workshop = ? ORDER BY created_at, name, id'),
      revoke: db.prepare('UPDATE people SET revoked = 1 WHERE workshop = ? AND id = ?'),
      getValue: db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?'),
      setValue: db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    this.appendInOne = db.transaction((rows: readonly { room: string; update: Uint8Array }[]) => {
      for (const r of rows) this.appendUpdate(r.room, r.update);
    });
  }

  loadDocument(room: string): StoredDocument {
    return this.db.transaction(() => {
      const snap = this.stmt.snapshot.get(room);
      const rows = this.stmt.updates.all(room);
      let updateBytes = 0;
      const updates = rows.map((r) => {
        updateBytes += r.data.byteLength;
        return new Uint8Array(r.data);
      });
      return { snapshot: snap ? new Uint8Array(snap.data) : null, updates, updateBytes };
    })();
  }

  appendUpdate(room: string, update: Uint8Array): void {
    if (!this.checkpointer) this.startCheckpointer();
    const seq = (this.lastSeq.get(room) ?? this.storedLastSeq(room)) + 1;
    try {
      this.stmt.append.run(room, seq, update);
      this.lastSeq.set(room, seq);
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
      // Another handle on the file wrote this room meanwhile: continue after its rows.
      const next = this.storedLastSeq(room) + 1;
      this.stmt.append.run(room, next, update);
      this.lastSeq.set(room, next);
    }
  }

  /** Appends rows in one transaction: all are stored or none. */
  appendAll(rows: readonly { room: string; update: Uint8Array }[]): void {
    this.appendInOne(rows);
  }

  private startCheckpointer(): void {
    this.checkpointer = new WalCheckpointer(
      this.file,
      (report) => this.options.onCheckpoint?.(report),
      this.options.checkpointEveryMs ?? CHECKPOINT_EVERY_MS,
    );
    this.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  }

  private storedLastSeq(room: string): number {
    return this.stmt.lastSeq.get(room)?.seq ?? 0;
  }

  /** Runs `fn` as one transaction: its writes commit together or not at all. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * One transaction: a failure at any step leaves snapshot and log as they were. Rows that
   * do not decode are neither merged nor deleted: they stay for someone to inspect.
   */
  compact(room: string, current?: Uint8Array): void {
    this.lastSeq.delete(room);
    this.db
      .transaction(() => {
        const rows = this.stmt.updates.all(room);
        this.compactionStep('read');
        const good = rows.filter((r) => decodes(r.data));
        const last = good.at(-1);
        if (!last) return;
        const merged = current ?? this.merge(room, good);
        this.compactionStep('merged');
        this.stmt.putSnapshot.run(room, merged, Date.now());
        this.compactionStep('snapshot-written');
        if (good.length === rows.length) this.stmt.deleteUpdates.run(room, last.seq);
        else for (const r of good) this.stmt.deleteUpdate.run(room, r.seq);
        this.compactionStep('log-deleted');
      })
      .immediate();
  }

  private merge(room: string, rows: { data: Buffer }[]): Uint8Array {
    const snap = this.stmt.snapshot.get(room);
    const parts = rows.map((r) => new Uint8Array(r.data));
    if (snap) parts.unshift(new Uint8Array(snap.data));
    return Y.mergeUpdates(parts);
  }

  /** A seam between the steps of a compaction, so tests can interrupt it at each one. */
  protected compactionStep(_step: CompactionStep): void {}

  createWorkshop(workshop: WorkshopRecord, facilitator: PersonRecord): void {
    this.db.transaction(() => {
      this.stmt.insertWorkshop.run(workshop.id, workshop.title, workshop.purpose, workshop.joinCode, workshop.createdAt);
      this.addPerson(facilitator);
    })();
  }

  importWorkshop({ workshop, people, values, rooms }: ImportedWorkshop): void {
    this.db.transaction(() => {
      this.stmt.insertWorkshop.run(workshop.id, workshop.title, workshop.purpose, workshop.joinCode, workshop.createdAt);
      for (const p of people) this.addPerson(p);
      for (const [key, value] of values) this.setValue(key, value);
      for (const { room, updates } of rooms) for (const u of updates) this.appendUpdate(room, u);
    })();
  }

  getWorkshop(id: string): WorkshopRecord | null {
    const row = this.stmt.workshop.get(id);
    return row ? { id: row.id, title: row.title, purpose: row.purpose, joinCode: row.join_code, createdAt: row.created_at } : null;
  }

  setJoinCode(workshopId: string, code: string): void {
    this.stmt.setJoinCode.run(code, workshopId);
  }

  addPerson(person: PersonRecord): void {
    this.stmt.insertPerson.run({ ...person, revoked: person.revoked ? 1 : 0 });
  }

  getPerson(workshopId: string, personId: string): PersonRecord | null {
    const row = this.stmt.person.get(workshopId, personId);
    return row ? toPerson(row) : null;
  }

  listPeople(workshopId: string): PersonRecord[] {
    return this.stmt.people.all(workshopId).map(toPerson);
  }

  revokePerson(workshopId: string, personId: string): boolean {
    return this.stmt.revoke.run(workshopId, personId).changes > 0;
  }

  getValue(key: string): string | null {
    return this.stmt.getValue.get(key)?.value ?? null;
  }

  setValue(key: string, value: string): void {
    this.stmt.setValue.run(key, value);
  }

  healthy(): boolean {
    try {
      return this.db.open && this.db.prepare('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  close(): void {
    this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }
}
