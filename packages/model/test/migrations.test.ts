import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError, migrate, schemaVersion, type Migration } from '../src/schema/migrations.ts';
import { boardNotes, listClusters, listNotes, noteContent, plainText } from '../src/schema/board.ts';
import v0 from './fixtures/board-v0.json' with { type: 'json' };

function loadV0(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(v0.update, 'base64')));
  return doc;
}

describe('migrations', () => {
  it('loads the frozen v0 board and brings it to the current schema with its notes intact', () => {
    const doc = loadV0();
    expect(schemaVersion(doc)).toBe(0);
    const applied = migrate(doc);
    expect(applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(listClusters(doc).map((c) => c.title)).toEqual(['Money']);
    expect(listNotes(doc, 'painPoints')).toMatchObject([
      { id: 'n-1', clusterId: 'c-money', colour: 'pink', x: 120, y: 80, author: { id: 'p2' } },
    ]);
    expect(plainText(noteContent(boardNotes(doc).get('n-2')!))).toBe('Résultats publiés\net réutilisables');
  });

  it('migrates once: a second run applies nothing and emits no update', () => {
    const doc = loadV0();
    migrate(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(migrate(doc)).toEqual([]);
    expect(updates).toBe(0);
  });

  it('refuses a document written by a newer app and leaves it untouched', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrate(doc)).toThrow(SchemaTooNewError);
    expect(() => migrate(doc)).toThrow(/newer than this app/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('applies only the pending migrations, in order, in one transaction with the given origin', () => {
    const log: string[] = [];
    const list: Migration[] = [
      { version: 1, name: 'one', up: () => log.push('one') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          log.push('two');
          d.getMap('meta').set('touched', true);
        },
      },
      { version: 3, name: 'three', up: () => log.push('three') },
    ];
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(migrate(doc, list, 'storage').map((m) => m.name)).toEqual(['two', 'three']);
    expect(log).toEqual(['two', 'three']);
    expect(origins).toEqual(['storage']);
    expect(schemaVersion(doc)).toBe(3);
  });
});
