import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, listNotes, noteContent, plainText, type Author } from '../src/schema/board.ts';
import { draftNotes, revealDrafts } from '../src/schema/drafts.ts';
import { MAX_NOTES_PER_PERSON_PER_PHASE } from '../src/limits.ts';

const people = new Map<string, Author>([
  ['p2', { id: 'p2', name: 'Participant Manchester', organisation: 'GMCA' }],
  ['p4', { id: 'p4', name: 'Participant Bogota', organisation: 'Alcaldia de Bogota' }],
]);

function draftsOf(participantId: string, texts: string[], phase: 'painPoints' | 'visions' = 'painPoints') {
  const doc = new Y.Doc();
  texts.forEach((text, i) =>
    createNote(draftNotes(doc), {
      id: `${participantId}-${i}`,
      phase,
      text,
      now: i,
      author: { id: 'forged', name: 'Someone else', organisation: 'X' },
    }),
  );
  return { participantId, doc };
}

describe('revealDrafts', () => {
  it('moves every participant’s drafts onto the board in one transaction, stamped with the real author', () => {
    const board = new Y.Doc();
    createNote(boardNotes(board), { id: 'already', phase: 'painPoints', text: 'on the board' });
    const drafts = [draftsOf('p2', ['Budgets fail pilots', 'No feedback loop']), draftsOf('p4', ['Miedo al riesgo'], 'visions')];
    const transactions: unknown[] = [];
    board.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));

    const moved = revealDrafts(board, drafts, people, { now: 99 });

    expect(moved).toEqual(['p2-0', 'p2-1', 'p4-0']);
    expect(transactions).toEqual(['server-command']);
    expect(listNotes(board, 'painPoints').map((n) => [n.id, n.author?.name])).toEqual([
      ['p2-0', 'Participant Manchester'],
      ['p2-1', 'Participant Manchester'],
      ['already', undefined],
    ]);
    const bogota = listNotes(board, 'visions')[0]!;
    expect(bogota).toMatchObject({ id: 'p4-0', author: people.get('p4'), updatedAt: 99, createdAt: 0 });
    expect(plainText(noteContent(boardNotes(board).get('p4-0')!))).toBe('Miedo al riesgo');
    for (const d of drafts) expect(draftNotes(d.doc).size).toBe(0);
  });

  it('keeps rich text (marks) when copying a draft', () => {
    const board = new Y.Doc();
    const d = draftsOf('p2', ['x']);
    const p = noteContent(draftNotes(d.doc).get('p2-0')!).get(0) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert(1, ' bold', { bold: true });
    revealDrafts(board, [d], people);
    const copied = (noteContent(boardNotes(board).get('p2-0')!).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(copied.toDelta()).toEqual([{ insert: 'x' }, { insert: ' bold', attributes: { bold: true } }]);
  });

  it('reaches a client connected to the board as one update', () => {
    const board = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    board.on('update', (u: Uint8Array) => updates.push(u));
    revealDrafts(board, [draftsOf('p2', ['a', 'b', 'c']), draftsOf('p4', ['d'])], people);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(client, updates[0]!);
    expect(listNotes(client).map((n) => plainText(noteContent(boardNotes(client).get(n.id)!)))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('ignores drafts of people it does not know and does not copy a draft twice', () => {
    const board = new Y.Doc();
    const stranger = draftsOf('p9', ['who am I']);
    const d = draftsOf('p2', ['once']);
    expect(revealDrafts(board, [stranger, d], people, { removeFromDrafts: false })).toEqual(['p2-0']);
    expect(revealDrafts(board, [stranger, d], people)).toEqual([]);
    expect(draftNotes(stranger.doc).size).toBe(1);
    expect(boardNotes(board).size).toBe(1);
  });

  it('leaves drafts past the per-person limit in the drafts room', () => {
    const board = new Y.Doc();
    for (let i = 0; i < MAX_NOTES_PER_PERSON_PER_PHASE - 1; i++) {
      createNote(boardNotes(board), { phase: 'painPoints', author: people.get('p2')! });
    }
    const d = draftsOf('p2', ['fits', 'one too many']);
    expect(revealDrafts(board, [d], people)).toEqual(['p2-0']);
    expect([...draftNotes(d.doc).keys()]).toEqual(['p2-1']);
  });
});
