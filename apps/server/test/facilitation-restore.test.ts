import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, noteContent } from '@crossboard/model';
import { rebuildMap, restoreMap } from '../src/facilitation/restore-map.ts';
import { subtractRanges, TransactionPast } from '../src/facilitation/transaction-past.ts';

/** A note whose body has a bold word, as Tiptap writes it. */
function richNote(doc: Y.Doc): string {
  let id = '';
  doc.transact(() => {
    id = createNote(boardNotes(doc), { phase: 'painPoints', x: 5 });
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    noteContent(boardNotes(doc).get(id)!).insert(0, [p]);
    t.insert(0, 'Pilots budgeted to fail');
    t.format(7, 8, { bold: true });
  });
  return id;
}

/** Applies `edit` made on a copy of `server`, then lets `fix` correct it in the same transaction. */
function applyThenFix(server: Y.Doc, edit: (copy: Y.Doc) => void, fix: (past: TransactionPast) => void): Uint8Array[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(copy);
  edit(copy);
  const update = Y.encodeStateAsUpdate(copy, sv);
  const emitted: Uint8Array[] = [];
  server.on('update', (u: Uint8Array) => emitted.push(u));
  server.transact((tr) => {
    Y.applyUpdate(server, update);
    fix(new TransactionPast(tr));
  });
  return emitted;
}

describe('putting a note back inside the transaction that changed it', () => {
  it('restores typed, reformatted and deleted rich text with its marks, in one update', () => {
    const server = new Y.Doc();
    const id = richNote(server);
    // What another client already holds before the forged edit arrives.
    const observer = new Y.Doc();
    Y.applyUpdate(observer, Y.encodeStateAsUpdate(server));
    const note = boardNotes(server).get(id)!;
    const original = noteContent(note).toString();
    expect(original).toContain('<bold>budgeted</bold>');

    const emitted = applyThenFix(
      server,
      (copy) => {
        const n = boardNotes(copy).get(id)!;
        const t = (noteContent(n).get(0) as Y.XmlElement).get(0) as Y.XmlText;
        t.delete(0, 7);
        t.format(0, 8, { bold: null, italic: true });
        t.insert(0, 'Forged ');
        n.set('x', 999);
        n.set('colour', 'pink');
      },
      (past) => restoreMap(note, past, true),
    );
    expect(noteContent(note).toString()).toBe(original);
    expect(note.get('x')).toBe(5);
    expect(note.get('colour')).toBe('yellow');
    expect(emitted).toHaveLength(1);

    // Another client receives what the server emitted, one message per update as a socket
    // delivers them: at no point between them does it hold the forged text.
    const seen: string[] = [];
    observer.on('afterTransaction', () => {
      const m = boardNotes(observer).get(id);
      if (m) seen.push(noteContent(m).toString());
    });
    for (const update of emitted) Y.applyUpdate(observer, update);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.includes('Forged'))).toEqual([]);
    expect(seen.at(-1)).toBe(original);
    // Nor are the forged characters in the bytes it was sent, for a client that decodes them.
    expect(emitted.some((u) => Buffer.from(u).includes('Forged'))).toBe(false);
  });

  it('rebuilds a deleted note with all its fields and body', () => {
    const server = new Y.Doc();
    const id = richNote(server);
    const before = boardNotes(server).get(id)!.toJSON();
    const original = noteContent(boardNotes(server).get(id)!).toString();
    applyThenFix(
      server,
      (copy) => boardNotes(copy).delete(id),
      (past) => {
        const deleted = past.mapValueBefore(boardNotes(server), id) as Y.Map<unknown>;
        boardNotes(server).set(id, rebuildMap(deleted, past));
      },
    );
    const restored = boardNotes(server).get(id)!;
    expect(noteContent(restored).toString()).toBe(original);
    const { content: _a, ...fields } = restored.toJSON();
    const { content: _b, ...expected } = before;
    expect(fields).toEqual(expected);
  });
});

describe('subtractRanges', () => {
  // [clock, len] pairs: what stays of `ranges` once `removed` is taken out.
  const table: [number[][], number[][], number[][]][] = [
    [[[0, 10]], [], [[0, 10]]],
    [[[0, 10]], [[0, 10]], []],
    [
      [[0, 10]],
      [[3, 2]],
      [
        [0, 3],
        [5, 5],
      ],
    ],
    [
      [[0, 10]],
      [
        [0, 3],
        [8, 5],
      ],
      [[3, 5]],
    ],
    [
      [
        [0, 4],
        [10, 4],
      ],
      [[2, 10]],
      [
        [0, 2],
        [12, 2],
      ],
    ],
    [
      [[5, 5]],
      [
        [0, 3],
        [20, 1],
      ],
      [[5, 5]],
    ],
  ];
  const r = (pairs: number[][]) => pairs.map(([clock, len]) => ({ clock: clock!, len: len! }));
  it.each(table)('%j minus %j is %j', (ranges, removed, expected) => {
    expect(subtractRanges(r(ranges), r(removed))).toEqual(r(expected));
  });
});
