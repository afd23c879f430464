import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardNotes, createNote, noteContent, setPlainText } from '@crossboard/model';
import { Board } from '../src/board/Board.tsx';
import { useBoardUi } from '../src/board/board-ui-store.ts';
import { renderWorkshop } from './render-workshop.tsx';

describe('a 1,000-note board', () => {
  it('renders only the notes near the viewport, and typing in one note leaves the others alone', () => {
    const board = new Y.Doc();
    const ids: string[] = [];
    board.transact(() => {
      for (let i = 0; i < 1000; i++) {
        ids.push(createNote(boardNotes(board), { phase: 'painPoints', text: `Note ${i}`, x: (i % 40) * 230, y: Math.floor(i / 40) * 180 }));
      }
    });
    const started = performance.now();
    renderWorkshop(<Board phase="painPoints" themes={[]} readOnly={false} />, { board });
    act(() => useBoardUi.getState().setViewport({ width: 1200, height: 800, panX: 0, panY: 0, zoom: 1 }));
    const mountMs = performance.now() - started;
    const rendered = screen.getAllByRole('article').length;
    // 1200×800 plus the culling margin covers roughly 8 × 7 notes of the 40 × 25 grid.
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(120);

    const other = screen.getByRole('article', { name: /: Note 1$/ });
    act(() => setPlainText(noteContent(boardNotes(board).get(ids[0]!)!), 'Edited by someone else'));
    expect(screen.getByRole('article', { name: /: Edited by someone else$/ })).toBeInTheDocument();
    // The same DOM node: the neighbour was not re-mounted by a change elsewhere.
    expect(screen.getByRole('article', { name: /: Note 1$/ })).toBe(other);
    console.info(`1,000-note board: mounted in ${Math.round(mountMs)} ms, ${rendered} notes rendered`);
  });
});
