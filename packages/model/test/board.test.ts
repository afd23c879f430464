import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardClusters,
  boardNotes,
  createCluster,
  createNote,
  deleteCluster,
  listClusters,
  listNotes,
  noteContent,
  plainText,
  readNote,
  setPlainText,
  updateNote,
} from '../src/schema/board.ts';
import { BOARD_EXTENT } from '../src/limits.ts';
import { syncDocs } from './sync-helpers.ts';

const alice = { id: 'p1', name: 'Alice', organisation: 'City of Lyon' };

describe('notes', () => {
  it('creates a note that reads back with its text, author and defaults', () => {
    const doc = new Y.Doc();
    const id = createNote(boardNotes(doc), { phase: 'visions', text: 'Shared\ntestbeds', author: alice, now: 1000 });
    const note = readNote(boardNotes(doc).get(id)!);
    expect(note).toEqual({
      id,
      phase: 'visions',
      author: alice,
      colour: 'yellow',
      x: 0,
      y: 0,
      clusterId: null,
      theme: null,
      order: 1000,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(plainText(noteContent(boardNotes(doc).get(id)!))).toBe('Shared\ntestbeds');
  });

  it.each([
    [
      { x: BOARD_EXTENT + 5, y: -BOARD_EXTENT * 3 },
      { x: BOARD_EXTENT, y: -BOARD_EXTENT },
    ],
    [
      { x: Number.NaN, y: Number.POSITIVE_INFINITY },
      { x: 0, y: 0 },
    ],
    [
      { x: 12.5, y: -40 },
      { x: 12.5, y: -40 },
    ],
  ])('keeps positions on the board: %o → %o', (pos, expected) => {
    const doc = new Y.Doc();
    const id = createNote(boardNotes(doc), { phase: 'painPoints', ...pos });
    expect(readNote(boardNotes(doc).get(id)!)).toMatchObject(expected);
    updateNote(boardNotes(doc), id, pos);
    expect(readNote(boardNotes(doc).get(id)!)).toMatchObject(expected);
  });

  it('updates only the fields in the patch and stamps updatedAt', () => {
    const doc = new Y.Doc();
    const id = createNote(boardNotes(doc), { phase: 'painPoints', colour: 'pink', x: 5, now: 1 });
    expect(updateNote(boardNotes(doc), id, { y: 9, clusterId: 'c1' }, 50)).toBe(true);
    expect(readNote(boardNotes(doc).get(id)!)).toMatchObject({ colour: 'pink', x: 5, y: 9, clusterId: 'c1', updatedAt: 50, createdAt: 1 });
    expect(updateNote(boardNotes(doc), 'missing', { y: 1 })).toBe(false);
  });

  it('lists notes of one phase in outline order and skips maps that are not notes', () => {
    const doc = new Y.Doc();
    const notes = boardNotes(doc);
    createNote(notes, { id: 'b', phase: 'painPoints', now: 2 });
    createNote(notes, { id: 'a', phase: 'painPoints', now: 2 });
    createNote(notes, { id: 'c', phase: 'painPoints', now: 1 });
    createNote(notes, { id: 'v', phase: 'visions', now: 0 });
    const junk = new Y.Map<unknown>();
    junk.set('phase', 'nonsense');
    notes.set('junk', junk);
    expect(listNotes(doc, 'painPoints').map((n) => n.id)).toEqual(['c', 'a', 'b']);
    expect(listNotes(doc).map((n) => n.id)).toEqual(['v', 'c', 'a', 'b']);
  });

  it('reads a note written by a foreign client with odd fields without throwing', () => {
    const doc = new Y.Doc();
    const m = new Y.Map<unknown>();
    boardNotes(doc).set('x', m);
    m.set('id', 'x');
    m.set('phase', 'visions');
    m.set('colour', 'chartreuse');
    m.set('author', { name: 'no id' });
    m.set('x', 'far');
    expect(readNote(m)).toMatchObject({ colour: 'yellow', author: null, x: 0 });
    expect(plainText(noteContent(m))).toBe('');
  });
});

describe('plain text of rich-text bodies', () => {
  it.each([['one line'], ['two\nlines'], ['with\n\nblank line'], [''], ['<b>not markup</b> & stays']])(
    'setPlainText → plainText round-trips %j',
    (text) => {
      const doc = new Y.Doc();
      const f = doc.getXmlFragment('f');
      setPlainText(f, 'previous content that must go');
      setPlainText(f, text);
      expect(plainText(f)).toBe(text);
    },
  );

  it('drops marks, follows hard breaks and flattens lists', () => {
    const doc = new Y.Doc();
    const f = doc.getXmlFragment('f');
    const p = new Y.XmlElement('paragraph');
    const bold = new Y.XmlText();
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const itemP = new Y.XmlElement('paragraph');
    f.insert(0, [p, list]);
    p.insert(0, [bold, new Y.XmlElement('hardBreak'), new Y.XmlText('after')]);
    bold.insert(0, 'bold', { bold: true });
    bold.insert(4, ' plain');
    list.insert(0, [item]);
    item.insert(0, [itemP]);
    itemP.insert(0, [new Y.XmlText('item')]);
    expect(plainText(f)).toBe('bold plain\nafter\nitem');
  });
});

describe('clusters', () => {
  it('creates, lists per phase and deletes a cluster, keeping its notes unclustered', () => {
    const doc = new Y.Doc();
    const c1 = createCluster(boardClusters(doc), { phase: 'painPoints', title: 'Money', now: 1 });
    createCluster(boardClusters(doc), { phase: 'visions', title: 'Platforms', now: 2 });
    const n = createNote(boardNotes(doc), { phase: 'painPoints', clusterId: c1 });
    expect(listClusters(doc, 'painPoints')).toEqual([{ id: c1, phase: 'painPoints', title: 'Money', x: 0, y: 0, order: 1, createdAt: 1 }]);
    deleteCluster(doc, c1);
    expect(listClusters(doc).map((c) => c.title)).toEqual(['Platforms']);
    expect(readNote(boardNotes(doc).get(n)!)!.clusterId).toBeNull();
  });
});

describe('two replicas editing one note', () => {
  it('merge concurrent edits field by field', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createNote(boardNotes(a), { phase: 'painPoints', text: 'Budgets', now: 1 });
    syncDocs(a, b);

    // Offline at the same time: A moves and recolours, B clusters and edits the text.
    updateNote(boardNotes(a), id, { x: 300, y: 40, colour: 'blue' }, 2);
    updateNote(boardNotes(b), id, { clusterId: 'money' }, 3);
    const textB = noteContent(boardNotes(b).get(id)!).get(0) as Y.XmlElement;
    (textB.get(0) as Y.XmlText).insert('Budgets'.length, ' fail');
    const textA = noteContent(boardNotes(a).get(id)!).get(0) as Y.XmlElement;
    (textA.get(0) as Y.XmlText).insert(0, 'Pilot ');
    syncDocs(a, b);

    for (const doc of [a, b]) {
      const note = readNote(boardNotes(doc).get(id)!)!;
      expect(note).toMatchObject({ x: 300, y: 40, colour: 'blue', clusterId: 'money' });
      expect(plainText(noteContent(boardNotes(doc).get(id)!))).toBe('Pilot Budgets fail');
    }
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  });
});
