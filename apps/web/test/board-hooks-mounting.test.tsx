import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardNotes, createNote } from '@crossboard/model';
import { useThemeFilter, useThemeFiltered } from '../src/board/theme-filter.tsx';
import { useBoardVersion } from '../src/shared/use-board-version.ts';

/**
 * A sync reply, or another tab's copy of the room, can land after a view's first render and
 * before its hook subscribes (passive effects run after layout effects). The view must still
 * show it: these components change the doc in a layout effect, inside that gap.
 */
function AddsWhileMounting({ board }: { board: Y.Doc }) {
  useLayoutEffect(() => {
    createNote(boardNotes(board), { phase: 'painPoints', text: 'Arrived while mounting' });
  }, [board]);
  return null;
}

function ThemesWhileMounting({ board, id }: { board: Y.Doc; id: string }) {
  useLayoutEffect(() => {
    boardNotes(board).get(id)!.set('theme', 'Mobility');
  }, [board, id]);
  return null;
}

function NoteCount({ board }: { board: Y.Doc }) {
  useBoardVersion(board);
  return <p>{boardNotes(board).size} notes</p>;
}

function Filtered({ board, ids }: { board: Y.Doc; ids: string[] }) {
  const shown = useThemeFiltered(board, ids);
  return <p>{shown.length} shown</p>;
}

afterEach(() => useThemeFilter.getState().setTheme(null));

describe('board hooks while the board mounts', () => {
  it('counts a note that arrives between the first render and the subscription', () => {
    const board = new Y.Doc();
    render(
      <>
        <NoteCount board={board} />
        <AddsWhileMounting board={board} />
      </>,
    );
    expect(screen.getByText('1 notes')).toBeInTheDocument();
  });

  it('filters by a theme set between the first render and the subscription', () => {
    const board = new Y.Doc();
    const id = createNote(boardNotes(board), { phase: 'painPoints', text: 'Trains stop at the border' });
    useThemeFilter.getState().setTheme('Mobility');
    render(
      <>
        <Filtered board={board} ids={[id]} />
        <ThemesWhileMounting board={board} id={id} />
      </>,
    );
    expect(screen.getByText('1 shown')).toBeInTheDocument();
  });
});
