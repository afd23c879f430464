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
  {
    version: 3,
    // A workshop is in at most one series: its id is the key of series_workshops.
    name: 'series of workshops, merged recommendations, public pages',
    sql: `
      CREATE TABLE series (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        purpose TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE series_workshops (
        workshop TEXT PRIMARY KEY REFERENCES workshops (id),
        series TEXT NOT NULL REFERENCES series (id),
        added_at INTEGER NOT NULL
      );
      CREATE INDEX series_workshops_series ON series_workshops (series, added_at);
      CREATE TABLE series_merges (
        series TEXT NOT NULL REFERENCES series (id),
        merged TEXT NOT NULL,
        kept TEXT NOT NULL,
        PRIMARY KEY (series, merged)
      );
      CREATE TABLE publications (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (kind, target)
      );
    `,
  },
  {
    version: 4,
    // Profiles and registrations are records served with consent applied, never room content.
    name: 'directory profiles, registration forms, registrations',
    sql: `
      CREATE TABLE directory_profiles (
        workshop TEXT NOT NULL REFERENCES workshops (id),
        person TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (workshop, person)
      );
      CREATE TABLE registration_forms (
        workshop TEXT PRIMARY KEY REFERENCES workshops (id),
        code TEXT NOT NULL UNIQUE,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE registrations (
        id TEXT PRIMARY KEY,
        workshop TEXT NOT NULL REFERENCES workshops (id),
        secret TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        person TEXT,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX registrations_workshop ON registrations (workshop, created_at);
    `,
  },
  {
    version: 5,
    // A round's cards stay with the workshop after the next round starts: keyed by round.
    name: 'check-in rounds and answers',
    sql: `
      CREATE TABLE checkin_rounds (
        workshop TEXT NOT NULL REFERENCES workshops (id),
        id TEXT NOT NULL,
        prompt TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        PRIMARY KEY (workshop, id)
      );
      CREATE TABLE checkin_answers (
        workshop TEXT NOT NULL,
        round TEXT NOT NULL,
        person TEXT NOT NULL,
        answer TEXT NOT NULL,
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (workshop, round, person)
      );
    `,
  },
  {
    version: 6,
    // Owners' emails live here, never in the report room every participant reads. Links are
    // kept by hash, and a revoked one stays so that it answers "revoked", not "unknown".
    name: 'action step follow-up: owners, links, progress notes',
    sql: `
      CREATE TABLE followup_owners (
        workshop TEXT NOT NULL REFERENCES workshops (id),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        email TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workshop, id),
        UNIQUE (workshop, name_key)
      );
      CREATE TABLE followup_links (
        token_hash TEXT PRIMARY KEY,
        workshop TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX followup_links_owner ON followup_links (workshop, owner);
      CREATE TABLE followup_progress (
        workshop TEXT NOT NULL,
        id TEXT NOT NULL,
        step TEXT NOT NULL,
        owner TEXT NOT NULL,
        at INTEGER NOT NULL,
        status TEXT,
        note TEXT NOT NULL,
        PRIMARY KEY (workshop, id)
      );
      CREATE INDEX followup_progress_step ON followup_progress (workshop, step, at);
    `,
  },
  {
    version: 7,
    // Anonymous answers hold no person: who has answered is a separate set, written in the same
    // transaction, and neither table keeps a time or an insertion order (random answer ids, no
    // rowid) that could line a respondent up with their answer.
    name: 'end-of-session feedback survey',
    sql: `
      CREATE TABLE feedback_surveys (
        workshop TEXT PRIMARY KEY REFERENCES workshops (id),
        anonymous INTEGER NOT NULL,
        opened_at INTEGER NOT NULL,
        closed_at INTEGER
      );
      CREATE TABLE feedback_answers (
        workshop TEXT NOT NULL,
        id TEXT NOT NULL,
        useful INTEGER,
        come_again TEXT,
        met_someone TEXT,
        change TEXT NOT NULL,
        person TEXT,
        PRIMARY KEY (workshop, id)
      ) WITHOUT ROWID;
      CREATE TABLE feedback_respondents (
        workshop TEXT NOT NULL,
        person TEXT NOT NULL,
        PRIMARY KEY (workshop, person)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    // Each room's log in one run of pages, keyed (room, seq): a commit touches the pages of the
    // rooms it writes and nothing else (no rowid index, no sqlite_sequence), and compacting a
    // room deletes a contiguous range instead of ~500 rows scattered over pages shared with
    // every other room (compaction 6.9–16 ms → 0.9–1.8 ms in a stand-alone test, 100 rooms).
    // seq is now per room, given by the insert (see sqlite-storage.ts); kept rows keep theirs.
    name: 'update log clustered by room',
    sql: `
      CREATE TABLE updates_by_room (
        room TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID;
      INSERT INTO updates_by_room (room, seq, data) SELECT room, seq, data FROM updates;
      DROP TABLE updates;
      ALTER TABLE updates_by_room RENAME TO updates;
    `,
  },
  {
    version: 9,
    // A round is open until the facilitator ends it; ended rounds keep their cards.
    name: 'check-in rounds can be ended',
    sql: 'ALTER TABLE checkin_rounds ADD COLUMN ended_at INTEGER;',
  },
];
