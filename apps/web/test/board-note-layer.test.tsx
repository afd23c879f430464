import { beforeEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardNotes, createNote, updateNote } from '@crossboard/model';
import { Board } from '../src/board/Board.tsx';
import { useBoardUi } from '../src/board/board-ui-store.ts';
import { renderWorkshop } from './render-workshop.tsx';

/** A 5,000-note board on a 100 × 50 grid, 250 × 210 px apart, as `pnpm bench:board` seeds it. */
function bigBoard(): { board: Y.Doc; ids: string[] } {
  const board = new Y.Doc();
  const ids: string[] = [];
  board.transact(() => {
    for (let i = 0; i < 5000; i++) {
      ids.push(createNote(boardNotes(board), { phase: 'painPoints', text: `Note ${i}`, x: (i % 100) * 250, y: Math.floor(i / 100) * 210 }));
    }
  });
  return { board, ids };
}

const VIEW = { width: 1200, height: 800, panX: 0, panY: 0, zoom: 1 };

/** Observers on a Yjs type: a note nobody can see should cost nothing while the board loads. */
const observers = (type: object) => (type as unknown as { _eH: { l: unknown[] } })._eH.l.length;

describe('the board mounts only the notes near the view', () => {
  beforeEach(() => useBoardUi.setState({ activeNoteId: null }));

  it('leaves the far notes of a 5,000-note board unmounted and unobserved', () => {
    const { board, ids } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    const rendered = screen.getAllByRole('article').length;
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(120);
    const far = boardNotes(board).get(ids[4999]!)!;
    expect(observers(far)).toBe(0);
    expect(observers(boardNotes(board).get(ids[0]!)!)).toBeGreaterThan(0);
  });

  it('shows a far note someone else moves into view, and drops it once moved away again', () => {
    const { board, ids } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    const name = { name: /: Note 4999$/ };
    expect(screen.queryByRole('article', name)).toBeNull();
    act(() => void updateNote(boardNotes(board), ids[4999]!, { x: 500, y: 300 }));
    expect(screen.getByRole('article', name)).toBeInTheDocument();
    act(() => void updateNote(boardNotes(board), ids[4999]!, { x: 20_000, y: 9_000 }));
    expect(screen.queryByRole('article', name)).toBeNull();
  });

  it('mounts the notes a pan brings into view and unmounts those it leaves', () => {
    const { board } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    expect(screen.getByRole('article', { name: /: Note 0$/ })).toBeInTheDocument();
    // Note 4999 sits at (24,750, 10,290).
    act(() => useBoardUi.getState().setViewport({ panX: -24_500, panY: -10_000 }));
    expect(screen.getByRole('article', { name: /: Note 4999$/ })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: /: Note 0$/ })).toBeNull();
  });

  it('keeps the note being edited mounted when the view pans away from it', () => {
    const { board, ids } = bigBoard();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport(VIEW));
    act(() => useBoardUi.getState().startEditing(ids[0]!));
    act(() => useBoardUi.getState().setViewport({ panX: -24_500, panY: -10_000 }));
    expect(document.querySelector(`article[data-note-id="${ids[0]}"]`)).not.toBeNull();
    act(() => useBoardUi.getState().startEditing(null));
    expect(document.querySelector(`article[data-note-id="${ids[0]}"]`)).toBeNull();
  });
});
