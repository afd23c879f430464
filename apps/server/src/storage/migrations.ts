/**
 * The database schema as an append-only list: a database at version N runs migrations
 * N+1.. on open. Never edit a migration that has shipped; add one.
 */
export interface SqlMigration {
  version: number;
  name: string;
  sql: string;
}

export const SQL_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'rooms, workshops, people, settings',
    sql: `
      CREATE TABLE updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX updates_room_seq ON updates (room, seq);
      CREATE TABLE snapshots (
        room TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        purpose TEXT NOT NULL,
        join_code TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE people (
        workshop TEXT NOT NULL REFERENCES workshops (id),
        id TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        organisation TEXT NOT NULL,
        country TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        language TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workshop, id)
      );
      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'facilitation: ballots, board versions, note authors',
    sql: `
      CREATE TABLE ballots (
        workshop TEXT NOT NULL,
        person TEXT NOT NULL,
        item TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (workshop, person, item)
      );
      CREATE TABLE versions (
        workshop TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (workshop, id)
      );
      CREATE INDEX versions_workshop_created ON versions (workshop, created_at);
      CREATE TABLE note_authors (
        workshop TEXT NOT NULL,
        note TEXT NOT NULL,
        person TEXT NOT NULL,
        phase TEXT NOT NULL,
        PRIMARY KEY (workshop, note)
      );
    `,
  },
];
