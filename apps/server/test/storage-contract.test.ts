import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_ACTIVITY_VERSIONS } from '../src/limits.ts';
import { asyncStorage, promised, type AsyncStorage } from '../src/storage/async-storage.ts';
import { SQL_MIGRATIONS } from '../src/storage/migrations.ts';
import { POSTGRES_MIGRATIONS } from '../src/storage/migrations/postgres.ts';
import { PostgresFacilitationRecords } from '../src/storage/postgres-records.ts';
import { PostgresStorage } from '../src/storage/postgres-storage.ts';
import type { AsyncFacilitationRecords } from '../src/storage/records.ts';
import { SqliteFacilitationRecords } from '../src/storage/sqlite-records.ts';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import type { PersonRecord } from '../src/storage/storage.ts';
import { TEST_DATABASE_URL, dropSchema, freshSchema } from './helpers/postgres.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

interface Opened {
  storage: AsyncStorage;
  facilitation: AsyncFacilitationRecords;
}

interface Backend {
  name: string;
  /** Opens storage; called twice with the same `place` it must see the same data. */
  open(place: string): Promise<Opened>;
  newPlace(): string;
  dispose(place: string): Promise<void> | void;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    async open(dir) {
      const s = new SqliteStorage(dir);
      return { storage: asyncStorage(s), facilitation: promised(new SqliteFacilitationRecords(s.db)) };
    },
    newPlace: tempDataDir,
    dispose: removeDataDir,
  },
  {
    // Each test in a schema of its own, dropped afterwards: runs never collide.
    name: 'PostgreSQL',
    async open(schema) {
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 2 });
      return { storage: s, facilitation: new PostgresFacilitationRecords(s.pool) };
    },
    newPlace: freshSchema,
    dispose: dropSchema,
  },
];

function updateOf(change: (doc: Y.Doc) => void, base?: Y.Doc): { update: Uint8Array; doc: Y.Doc } {
  const doc = base ?? new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  const onUpdate = (u: Uint8Array) => (update = u);
  doc.on('update', onUpdate);
  change(doc);
  doc.off('update', onUpdate);
  return { update, doc };
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

const person = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  id: 'p1',
  workshopId: 'w1',
  role: 'participant',
  name: 'Ana',
  organisation: 'City of Porto',
  country: 'Portugal',
  timeZone: 'Europe/Lisbon',
  language: 'pt',
  revoked: false,
  createdAt: 1,
  ...over,
});

for (const backend of backends) {
  describe(`${backend.name} storage contract`, () => {
    const places: string[] = [];
    const opened: AsyncStorage[] = [];
    const open = async (place = backend.newPlace()) => {
      places.push(place);
      const o = await backend.open(place);
      opened.push(o.storage);
      return { s: o.storage, f: o.facilitation, place };
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      for (const p of places.splice(0)) await backend.dispose(p);
    });

    it('an unknown room loads empty', async () => {
      const { s } = await open();
      expect(await s.loadDocument('w/board')).toEqual({ snapshot: null, updates: [], updateBytes: 0 });
    });

    it('keeps updates in order per room, and rooms apart', async () => {
      const { s } = await open();
      const doc = new Y.Doc();
      const u1 = updateOf((d) => d.getText('t').insert(0, 'ab'), doc).update;
      const u2 = updateOf((d) => d.getText('t').insert(2, 'cd'), doc).update;
      await s.appendUpdate('w/board', u1);
      await s.appendUpdate('w/other', updateOf((d) => d.getText('t').insert(0, 'x')).update);
      await s.appendUpdate('w/board', u2);
      const stored = await s.loadDocument('w/board');
      expect(stored.updates).toEqual([u1, u2]);
      expect(stored.updateBytes).toBe(u1.byteLength + u2.byteLength);
      expect(replay(stored).getText('t').toString()).toBe('abcd');
    });

    it('compaction keeps the state, empties the log, and can run again after more updates', async () => {
      const { s } = await open();
      const doc = new Y.Doc();
      for (let i = 0; i < 10; i++) await s.appendUpdate('r', updateOf((d) => d.getText('t').insert(0, String(i)), doc).update);
      await s.compact('r');
      let stored = await s.loadDocument('r');
      expect(stored.updates).toHaveLength(0);
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
      await s.appendUpdate('r', updateOf((d) => d.getText('t').delete(0, 3), doc).update);
      await s.compact('r');
      stored = await s.loadDocument('r');
      expect(stored.updates).toHaveLength(0);
      expect(replay(stored).getText('t').toString()).toBe('6543210');
      await s.compact('r');
      expect(
        replay(await s.loadDocument('r'))
          .getText('t')
          .toString(),
      ).toBe('6543210');
    });

    it('two handles on one database: updates appended while the other compacts are all kept', async () => {
      const { s, place } = await open();
      const other = (await backend.open(place)).storage;
      opened.push(other);
      const doc = new Y.Doc();
      const writes = (async () => {
        for (let i = 0; i < 60; i++) await s.appendUpdate('r', updateOf((d) => d.getMap('m').set(`k${i}`, i), doc).update);
      })();
      const compactions = (async () => {
        for (let i = 0; i < 6; i++) await other.compact('r');
      })();
      await Promise.all([writes, compactions]);
      expect(replay(await other.loadDocument('r')).getMap('m').size).toBe(60);
    });

    it('compacts the intact rows and leaves a corrupt row in the log for inspection', async () => {
      const { s } = await open();
      await s.appendUpdate('r', updateOf((d) => d.getText('t').insert(0, 'ok')).update);
      const corrupt = new Uint8Array([0xff, 0xff, 0xff]);
      await s.appendUpdate('r', corrupt);
      await s.compact('r');
      const stored = await s.loadDocument('r');
      expect(stored.updates).toEqual([corrupt]);
      expect(replay({ snapshot: stored.snapshot, updates: [] }).getText('t').toString()).toBe('ok');
    });

    it('keeps workshops, people and revocations across reopening', async () => {
      const { s, place } = await open();
      await s.createWorkshop(
        { id: 'w1', title: 'T', purpose: 'P', joinCode: null, createdAt: 5 },
        person({ id: 'f', role: 'facilitator' }),
      );
      await s.addPerson(person());
      await s.setJoinCode('w1', 'code');
      expect(await s.revokePerson('w1', 'p1')).toBe(true);
      expect(await s.revokePerson('w1', 'nobody')).toBe(false);
      await s.setValue('k', 'v1');
      await s.setValue('k', 'v2');
      await s.close();
      const again = (await backend.open(place)).storage;
      opened.push(again);
      expect(await again.getWorkshop('w1')).toEqual({ id: 'w1', title: 'T', purpose: 'P', joinCode: 'code', createdAt: 5 });
      expect(await again.getWorkshop('nope')).toBeNull();
      expect(await again.getPerson('w1', 'p1')).toEqual(person({ revoked: true }));
      expect((await again.listPeople('w1')).map((p) => p.id)).toEqual(['f', 'p1']);
      expect(await again.getValue('k')).toBe('v2');
      expect(await again.getValue('missing')).toBeNull();
      expect(await again.healthy()).toBe(true);
    });

    it('stores an imported workshop whole, or nothing of it when one row fails', async () => {
      const { s } = await open();
      const update = (text: string) => {
        const d = new Y.Doc();
        d.getText('t').insert(0, text);
        return Y.encodeStateAsUpdate(d);
      };
      const imported = (id: string, people: PersonRecord[]) => ({
        workshop: { id, title: 'Imported', purpose: '', joinCode: null, createdAt: 5 },
        people,
        values: [[`credit:${id}:f`, 'none']] as [string, string][],
        rooms: [{ room: `${id}/board`, updates: [update('a'), update('b')] }],
      });
      await s.importWorkshop(imported('w1', [person({ id: 'f', role: 'facilitator' }), person()]));
      expect((await s.listPeople('w1')).map((p) => p.id)).toEqual(['f', 'p1']);
      expect(await s.getValue('credit:w1:f')).toBe('none');
      expect((await s.loadDocument('w1/board')).updates).toHaveLength(2);

      // The same person twice: that row fails after the workshop and two people were written,
      // and all of it is rolled back.
      const twice = [
        person({ id: 'f', workshopId: 'w2', role: 'facilitator' }),
        person({ workshopId: 'w2' }),
        person({ workshopId: 'w2' }),
      ];
      await expect(s.importWorkshop(imported('w2', twice))).rejects.toThrow();
      expect(await s.getWorkshop('w2')).toBeNull();
      expect(await s.listPeople('w2')).toEqual([]);
      expect(await s.getValue('credit:w2:f')).toBeNull();
      expect(await s.loadDocument('w2/board')).toEqual({ snapshot: null, updates: [], updateBytes: 0 });
    });

    it('keeps ballots, board versions and note authors per workshop', async () => {
      const { f } = await open();
      await f.setBallot('w1', 'p1', 'n1', 2);
      await f.setBallot('w1', 'p1', 'n2', 1);
      await f.setBallot('w1', 'p2', 'n1', 1);
      await f.setBallot('w1', 'p2', 'n1', 0);
      await f.setBallot('w2', 'p9', 'n1', 3);
      expect(await f.ballots('w1')).toEqual(
        new Map([
          [
            'p1',
            new Map([
              ['n1', 2],
              ['n2', 1],
            ]),
          ],
        ]),
      );
      await f.clearBallots('w1');
      expect(await f.ballots('w1')).toEqual(new Map());
      expect(await f.ballots('w2')).toEqual(new Map([['p9', new Map([['n1', 3]])]]));

      expect(await f.lastVersionAt('w1')).toBeNull();
      const data = updateOf((d) => d.getMap('notes').set('n1', 'x')).update;
      await f.addVersion('w1', 'v1', 1_700_000_000_000, 'manual', data);
      await f.addVersion('w1', 'v2', 1_700_000_000_000, 'activity', new Uint8Array([0]));
      await f.addVersion('w1', 'v3', 1_600_000_000_000, 'phase-change', new Uint8Array([0]));
      // Newest first; at the same millisecond, the later one first.
      expect((await f.listVersions('w1')).map((v) => v.versionId)).toEqual(['v2', 'v1', 'v3']);
      expect((await f.listVersions('w1'))[1]).toEqual({ versionId: 'v1', createdAt: 1_700_000_000_000, reason: 'manual' });
      expect(await f.versionData('w1', 'v1')).toEqual(data);
      expect(await f.versionData('w1', 'nope')).toBeNull();
      expect(await f.lastVersionAt('w1')).toBe(1_700_000_000_000);

      // Automatic versions are kept up to the limit, the oldest going first; the others stay.
      for (let i = 0; i < MAX_ACTIVITY_VERSIONS; i++) await f.addVersion('w3', `a${i}`, 1_000 + i, 'activity', new Uint8Array([0]));
      await f.addVersion('w3', 'kept', 500, 'manual', new Uint8Array([0]));
      const atLimit = await f.listVersions('w3');
      expect(atLimit.filter((v) => v.reason === 'activity')).toHaveLength(MAX_ACTIVITY_VERSIONS);
      await f.addVersion('w3', 'one-more', 5_000, 'activity', new Uint8Array([0]));
      const past = await f.listVersions('w3');
      expect(past.filter((v) => v.reason === 'activity')).toHaveLength(MAX_ACTIVITY_VERSIONS);
      expect(past.map((v) => v.versionId)).not.toContain('a0');
      expect(past.map((v) => v.versionId)).toContain('a1');
      expect(past.map((v) => v.versionId)).toContain('kept');
      expect(past[0]!.versionId).toBe('one-more');

      await f.setNoteAuthor('w1', 'n1', 'p1', 'ideas');
      await f.setNoteAuthor('w1', 'n1', 'p2', 'ideas');
      await f.setNoteAuthor('w1', 'n2', 'p1', 'ideas');
      expect(await f.noteAuthor('w1', 'n1')).toBe('p2');
      expect(await f.noteAuthor('w2', 'n1')).toBeNull();
      expect(await f.noteAuthors('w1')).toEqual(
        new Map([
          ['n1', 'p2'],
          ['n2', 'p1'],
        ]),
      );
    });

    it('is unhealthy once closed', async () => {
      const { s } = await open();
      await s.close();
      expect(await s.healthy()).toBe(false);
    });
  });
}

describe('SQLite schema', () => {
  it('records its migrations once and reopens without re-running them', () => {
    const dir = tempDataDir();
    try {
      new SqliteStorage(dir).close();
      const s = new SqliteStorage(dir);
      expect(s.db.prepare('SELECT version FROM schema_version').all()).toEqual(SQL_MIGRATIONS.map((m) => ({ version: m.version })));
      expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
      s.close();
    } finally {
      removeDataDir(dir);
    }
  });
});

describe('schema versions', () => {
  it('PostgreSQL has the same numbered migrations as SQLite', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(SQL_MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('PostgreSQL: a database at version 1 is brought to the latest on open, keeping its rows', async () => {
    const schema = freshSchema();
    try {
      const old = await PostgresStorage.open({
        connectionString: TEST_DATABASE_URL,
        schema,
        poolSize: 1,
        migrations: POSTGRES_MIGRATIONS.slice(0, 1),
      });
      await old.createWorkshop(
        { id: 'w1', title: 'Before v2', purpose: '', joinCode: null, createdAt: 1 },
        person({ id: 'f', role: 'facilitator' }),
      );
      await old.appendUpdate('w1/board', updateOf((d) => d.getText('t').insert(0, 'kept')).update);
      await expect(old.pool.query('SELECT 1 FROM ballots')).rejects.toThrow(/ballots/);
      await old.close();
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 1 });
      expect((await s.pool.query('SELECT version FROM schema_version ORDER BY version')).rows).toEqual(
        POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })),
      );
      expect((await s.getWorkshop('w1'))?.title).toBe('Before v2');
      expect(
        replay(await s.loadDocument('w1/board'))
          .getText('t')
          .toString(),
      ).toBe('kept');
      const records = new PostgresFacilitationRecords(s.pool);
      await records.setBallot('w1', 'f', 'n1', 1);
      expect(await records.ballots('w1')).toEqual(new Map([['f', new Map([['n1', 1]])]]));
      await s.close();
    } finally {
      await dropSchema(schema);
    }
  });

  it('PostgreSQL: processes starting together migrate once, and reopening re-runs nothing', async () => {
    const schema = freshSchema();
    try {
      const opened = await Promise.all(
        [1, 2, 3].map(() => PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 1 })),
      );
      await Promise.all(opened.map((s) => s.close()));
      const s = await PostgresStorage.open({ connectionString: TEST_DATABASE_URL, schema, poolSize: 1 });
      const r = await s.pool.query('SELECT version FROM schema_version ORDER BY version');
      expect(r.rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
      await s.close();
    } finally {
      await dropSchema(schema);
    }
  });
});
