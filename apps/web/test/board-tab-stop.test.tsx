import { beforeEach, describe, expect, it } from 'vitest';
import { act } from '@testing-library/react';
import * as Y from 'yjs';
import { boardNotes, createNote, type NoteMap } from '@crossboard/model';
import { Board } from '../src/board/Board.tsx';
import { useBoardUi } from '../src/board/board-ui-store.ts';
import { renderWorkshop } from './render-workshop.tsx';

/** A 5,000-note board, 250 × 210 px apart, written bottom-right first so the list order is not the reading order. */
function bigBoard(): { board: Y.Doc; ids: string[] } {
  const board = new Y.Doc();
  const ids: string[] = [];
  board.transact(() => {
    for (let i = 4999; i >= 0; i--) {
      ids.push(createNote(boardNotes(board), { phase: 'painPoints', text: `Note ${i}`, x: (i % 100) * 250, y: Math.floor(i / 100) * 210 }));
    }
  });
  return { board, ids };
}

/** Counts reads of the notes' positions from now on. */
function countPositionReads(board: Y.Doc): { reads: number } {
  const counter = { reads: 0 };
  for (const m of boardNotes(board).values()) {
    const get = m.get.bind(m);
    (m as NoteMap).get = ((key: string) => {
      if (key === 'x' || key === 'y') counter.reads++;
      return get(key);
    }) as NoteMap['get'];
  }
  return counter;
}

const VIEW = { width: 1200, height: 800, panX: 0, panY: 0, zoom: 1 };
const tabStops = () => [...document.querySelectorAll('article[data-note-id][tabindex="0"]')].map((a) => a.getAttribute('aria-label'));

describe("the board's one tab stop", () => {
  beforeEach(() => useBoardUi.setState({ activeNoteId: null }));

  it('is the first note in reading order, top left', () => {
    const { board } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    expect(tabStops()).toEqual([expect.stringMatching(/: Note 0$/)]);
  });

  it('is not looked for again on every pan step of a 5,000-note board', () => {
    const { board } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    const counter = countPositionReads(board);
    act(() => useBoardUi.getState().setViewport({ panX: -40 }));
    // Culling reads each note's x and y once; finding the tab stop read them all again.
    expect(counter.reads).toBeLessThanOrEqual(2 * 5000 + 200);
    expect(tabStops()).toEqual([expect.stringMatching(/: Note 0$/)]);
  });
});
