import type { SqlMigration } from '../migrations.ts';

/**
 * PostgreSQL's schema, versioned in step with SQL_MIGRATIONS in ../migrations.ts: version N
 * here holds the same tables as version N there, in PostgreSQL's types (BYTEA, BIGINT
 * milliseconds, BIGSERIAL where SQLite has rowids). Append-only, like the SQLite list.
 */
export const POSTGRES_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'rooms, workshops, people, settings',
    sql: `
      CREATE TABLE updates (
        seq BIGSERIAL PRIMARY KEY,
        room TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX updates_room_seq ON updates (room, seq);
      CREATE TABLE snapshots (
        room TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        purpose TEXT NOT NULL,
        join_code TEXT,
        created_at BIGINT NOT NULL
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
        revoked BOOLEAN NOT NULL DEFAULT FALSE,
        created_at BIGINT NOT NULL,
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
        seq BIGSERIAL,
        workshop TEXT NOT NULL,
        id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        reason TEXT NOT NULL,
        data BYTEA NOT NULL,
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
