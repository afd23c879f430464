import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../src/storage/sqlite-storage.ts';
import type { PersonRecord, Storage } from '../src/storage/storage.ts';
import { removeDataDir, tempDataDir } from './helpers/server.ts';

interface Backend {
  name: string;
  /** Opens storage; called twice with the same `place` it must see the same data. */
  open(place: string): Storage;
  newPlace(): string;
  dispose(place: string): void;
}

const backends: Backend[] = [
  { name: 'SQLite', open: (dir) => new SqliteStorage(dir), newPlace: tempDataDir, dispose: removeDataDir },
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
    const opened: Storage[] = [];
    const open = (place = backend.newPlace()) => {
      places.push(place);
      const s = backend.open(place);
      opened.push(s);
      return { s, place };
    };
    afterEach(() => {
      for (const s of opened.splice(0)) s.close();
      for (const p of places.splice(0)) backend.dispose(p);
    });

    it('an unknown room loads empty', () => {
      const { s } = open();
      expect(s.loadDocument('w/board')).toEqual({ snapshot: null, updates: [], updateBytes: 0 });
    });

    it('keeps updates in order per room, and rooms apart', () => {
      const { s } = open();
      const doc = new Y.Doc();
      const u1 = updateOf((d) => d.getText('t').insert(0, 'ab'), doc).update;
      const u2 = updateOf((d) => d.getText('t').insert(2, 'cd'), doc).update;
      s.appendUpdate('w/board', u1);
      s.appendUpdate('w/other', updateOf((d) => d.getText('t').insert(0, 'x')).update);
      s.appendUpdate('w/board', u2);
      const stored = s.loadDocument('w/board');
      expect(stored.updates).toEqual([u1, u2]);
      expect(stored.updateBytes).toBe(u1.byteLength + u2.byteLength);
      expect(replay(stored).getText('t').toString()).toBe('abcd');
    });

    it('compaction keeps the state, empties the log, and can run again after more updates', () => {
      const { s } = open();
      const doc = new Y.Doc();
      for (let i = 0; i < 10; i++) s.appendUpdate('r', updateOf((d) => d.getText('t').insert(0, String(i)), doc).update);
      s.compact('r');
      let stored = s.loadDocument('r');
      expect(stored.updates).toHaveLength(0);
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
      s.appendUpdate('r', updateOf((d) => d.getText('t').delete(0, 3), doc).update);
      s.compact('r');
      stored = s.loadDocument('r');
      expect(stored.updates).toHaveLength(0);
      expect(replay(stored).getText('t').toString()).toBe('6543210');
      s.compact('r');
      expect(replay(s.loadDocument('r')).getText('t').toString()).toBe('6543210');
    });

    it('compacts the intact rows and leaves a corrupt row in the log for inspection', () => {
      const { s } = open();
      s.appendUpdate('r', updateOf((d) => d.getText('t').insert(0, 'ok')).update);
      const corrupt = new Uint8Array([0xff, 0xff, 0xff]);
      s.appendUpdate('r', corrupt);
      s.compact('r');
      const stored = s.loadDocument('r');
      expect(stored.updates).toEqual([corrupt]);
      expect(replay({ snapshot: stored.snapshot, updates: [] }).getText('t').toString()).toBe('ok');
    });

    it('keeps workshops, people and revocations across reopening', () => {
      const { s, place } = open();
      s.createWorkshop({ id: 'w1', title: 'T', purpose: 'P', joinCode: null, createdAt: 5 }, person({ id: 'f', role: 'facilitator' }));
      s.addPerson(person());
      s.setJoinCode('w1', 'code');
      expect(s.revokePerson('w1', 'p1')).toBe(true);
      expect(s.revokePerson('w1', 'nobody')).toBe(false);
      s.setValue('k', 'v1');
      s.setValue('k', 'v2');
      s.close();
      const again = backend.open(place);
      opened.push(again);
      expect(again.getWorkshop('w1')).toEqual({ id: 'w1', title: 'T', purpose: 'P', joinCode: 'code', createdAt: 5 });
      expect(again.getWorkshop('nope')).toBeNull();
      expect(again.getPerson('w1', 'p1')).toEqual(person({ revoked: true }));
      expect(again.listPeople('w1').map((p) => p.id)).toEqual(['f', 'p1']);
      expect(again.getValue('k')).toBe('v2');
      expect(again.getValue('missing')).toBeNull();
      expect(again.healthy()).toBe(true);
    });

    it('is unhealthy once closed', () => {
      const { s } = open();
      s.close();
      expect(s.healthy()).toBe(false);
    });
  });
}

describe('SQLite schema', () => {
  it('records its migrations once and reopens without re-running them', () => {
    const dir = tempDataDir();
    try {
      new SqliteStorage(dir).close();
      const s = new SqliteStorage(dir);
      expect(s.db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }, { version: 2 }]);
      expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
      s.close();
    } finally {
      removeDataDir(dir);
    }
  });
});
