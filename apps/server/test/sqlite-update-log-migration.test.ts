import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQL_MIGRATIONS } from '../src/storage/migrations.ts';
import { DATABASE_FILE, migrate, SqliteStorage } from '../src/storage/sqlite-storage.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDataDir));

/** The last version before the update log was keyed by room. */
const BEFORE = 7;

/**
 * A data directory as a server of the previous schema left it: two rooms whose updates were
 * written interleaved (so their rows share pages), one of them compacted once already.
 */
function oldDatabase(): { dir: string; docs: Map<string, Y.Doc> } {
  const dir = tempDataDir();
  dirs.push(dir);
  const db = new Database(join(dir, DATABASE_FILE));
  migrate(
    db,
    SQL_MIGRATIONS.filter((m) => m.version <= BEFORE),
  );
  // The previous schema's own statement: seq from AUTOINCREMENT, shared by every room.
  const append = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  const docs = new Map([
    ['w1/board', new Y.Doc()],
    ['w2/board', new Y.Doc()],
  ]);
  const writers = [...docs].map(([room, doc]) => {
    const write = (u: Uint8Array) => append.run(room, u);
    doc.on('update', write);
    return () => doc.off('update', write);
  });
  for (let i = 0; i < 30; i++) for (const [room, doc] of docs) doc.getArray<string>('notes').push([`${room} note ${i}`]);
  for (const stop of writers) stop();
  db.prepare('INSERT INTO snapshots (room, data, updated_at) VALUES (?, ?, ?)').run('w3/board', Y.encodeStateAsUpdate(docOf('kept')), 1);
  db.close();
  return { dir, docs };
}

function docOf(text: string): Y.Doc {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return d;
}

function restore(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('the update log keyed by room (SQL migration 8)', () => {
  it('opens a database of the previous schema with every room intact, in order', () => {
    const { dir, docs } = oldDatabase();
    const storage = new SqliteStorage(dir);
    for (const [room, doc] of docs) {
      const stored = storage.loadDocument(room);
      expect(stored.updates).toHaveLength(30);
      expect(restore(stored).getArray('notes').toArray()).toEqual(doc.getArray('notes').toArray());
    }
    expect(restore(storage.loadDocument('w3/board')).getText('t').toString()).toBe('kept');
    storage.close();
  });

  it('stores the log without rowids, one key range per room, and no leftover index or sequence', () => {
    const { dir } = oldDatabase();
    const storage = new SqliteStorage(dir);
    const sql = (storage.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'updates'").get() as { sql: string }).sql;
    expect(sql).toMatch(/PRIMARY KEY \(room, seq\)/);
    expect(sql).toMatch(/WITHOUT ROWID/);
    expect(storage.db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'updates' AND type = 'index'").all()).toEqual([]);
    expect(storage.db.prepare("SELECT name FROM sqlite_sequence WHERE name LIKE 'updates%'").all()).toEqual([]);
    expect((storage.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v).toBe(
      SQL_MIGRATIONS.at(-1)!.version,
    );
    storage.close();
  });

  it('takes new writes after the old rows, compacts, and keeps writing', () => {
    const { dir, docs } = oldDatabase();
    const storage = new SqliteStorage(dir);
    const doc = docs.get('w1/board')!;
    doc.on('update', (u: Uint8Array) => storage.appendUpdate('w1/board', u));
    doc.getArray<string>('notes').push(['written after the upgrade']);
    let stored = storage.loadDocument('w1/board');
    expect(stored.updates).toHaveLength(31);
    expect(restore(stored).getArray('notes').toArray().at(-1)).toBe('written after the upgrade');

    storage.compact('w1/board');
    doc.getArray<string>('notes').push(['written after compaction']);
    storage.close();

    // Reopened: the migration does not run twice, and everything is there.
    const again = new SqliteStorage(dir);
    stored = again.loadDocument('w1/board');
    expect(stored.updates).toHaveLength(1);
    expect(restore(stored).getArray('notes').toArray()).toEqual(doc.getArray('notes').toArray());
    // The other room was not touched by w1's compaction.
    expect(again.loadDocument('w2/board').updates).toHaveLength(30);
    again.close();
  });
});
