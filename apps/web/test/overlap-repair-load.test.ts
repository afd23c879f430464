import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, type NoteMap } from '@crossboard/model';
import { REPAIR_WINDOW_MS, repairOverlaps } from '../src/layout/placement.ts';

const NOW = 1_800_000_000_000;
const me = { id: 'me', name: 'Me', organisation: 'Tax office' };
const other = { id: 'other', name: 'Other', organisation: 'Customs' };

/** A settled 5,000-note board by someone else, as it arrives when the page opens. */
function settledBoard(): Y.Doc {
  const board = new Y.Doc();
  board.transact(() => {
    for (let i = 0; i < 5000; i++) {
      const x = (i % 100) * 250;
      const y = Math.floor(i / 100) * 210;
      createNote(boardNotes(board), { phase: 'painPoints', text: `Note ${i}`, x, y, author: other, now: NOW - 3_600_000 + i });
    }
  });
  return board;
}

/** Counts what the repair reads from the notes, other than when they were made. */
function countReads(board: Y.Doc): { reads: number } {
  const counter = { reads: 0 };
  for (const m of boardNotes(board).values()) {
    const get = m.get.bind(m);
    (m as NoteMap).get = ((key: string) => {
      if (key !== 'createdAt') counter.reads++;
      return get(key);
    }) as NoteMap['get'];
  }
  return counter;
}

describe('the overlap repair when a big board loads', () => {
  it('reads nothing but the creation times when this person has no young note', () => {
    const board = settledBoard();
    const counter = countReads(board);
    expect(repairOverlaps(board, 'painPoints', me.id, NOW)).toBe(0);
    expect(counter.reads).toBe(0);
  });

  it('still moves this person’s young note off one made at the same instant', () => {
    const board = settledBoard();
    const theirs = createNote(boardNotes(board), { phase: 'painPoints', x: -2000, y: 0, author: other, now: NOW - 1000 });
    const mine = createNote(boardNotes(board), { phase: 'painPoints', x: -2000, y: 0, author: me, now: NOW - 1000 + 1 });
    expect(repairOverlaps(board, 'painPoints', me.id, NOW)).toBe(1);
    expect(boardNotes(board).get(mine)!.get('x')).not.toBe(-2000);
    expect(boardNotes(board).get(theirs)!.get('x')).toBe(-2000);
  });

  it('leaves a note of this person made past the repair window where it is', () => {
    const board = settledBoard();
    createNote(boardNotes(board), { phase: 'painPoints', x: -2000, y: 0, author: other, now: NOW - REPAIR_WINDOW_MS - 2 });
    const mine = createNote(boardNotes(board), { phase: 'painPoints', x: -2000, y: 0, author: me, now: NOW - REPAIR_WINDOW_MS - 1 });
    expect(repairOverlaps(board, 'painPoints', me.id, NOW)).toBe(0);
    expect(boardNotes(board).get(mine)!.get('x')).toBe(-2000);
  });
});
