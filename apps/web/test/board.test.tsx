import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardNotes, createNote, listNotes, setPhase } from '@crossboard/model';
import { Board } from '../src/board/Board.tsx';
import { UndoToast } from '../src/board/UndoToast.tsx';
import { connect, renderWorkshop } from './render-workshop.tsx';

function renderBoard(board = new Y.Doc()) {
  return renderWorkshop(
    <>
      <Board phase="visions" themes={[]} readOnly={false} />
      <UndoToast />
    </>,
    { board },
  );
}

describe('a phase board', () => {
  it('shows a note another client adds to the shared document', async () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    renderBoard(mine);
    act(() => {
      createNote(boardNotes(theirs), {
        phase: 'visions',
        text: 'One data space for the whole border region',
        author: { id: 'p-jan', name: 'Jan Novák', organisation: 'Ministry of Regional Development' },
      });
      // A note of another phase must not appear on this board.
      createNote(boardNotes(theirs), { phase: 'painPoints', text: 'Elsewhere' });
    });
    expect(
      await screen.findByRole('article', { name: 'Note by Jan Novák: One data space for the whole border region' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('creates a note in its phase, authored by me, with the button', async () => {
    const user = userEvent.setup();
    const { board } = renderBoard();
    await user.click(screen.getByRole('button', { name: 'New note' }));
    const notes = listNotes(board);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ phase: 'visions', author: { id: 'p-me', name: 'Mia Laurent', organisation: 'City of Lyon' } });
    expect(await screen.findByRole('article', { name: /^Note by Mia Laurent/ })).toBeInTheDocument();
  });

  it('creates a note with the N key when focus is not in a text field', async () => {
    const user = userEvent.setup();
    const { board } = renderBoard();
    await user.keyboard('n');
    expect(listNotes(board, 'visions')).toHaveLength(1);
  });

  it('deletes a note and brings it back with the toast’s Undo, text and all', async () => {
    const user = userEvent.setup();
    const board = new Y.Doc();
    createNote(boardNotes(board), {
      phase: 'visions',
      text: 'Shared procurement',
      author: { id: 'p-me', name: 'Mia Laurent', organisation: 'City of Lyon' },
    });
    renderBoard(board);
    await user.click(screen.getByRole('button', { name: 'Delete note' }));
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(listNotes(board)).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('Note deleted');
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('article', { name: 'Note by Mia Laurent: Shared procurement' })).toBeInTheDocument();
    expect(listNotes(board)).toHaveLength(1);
  });

  it('undoes only my own change, never a remote user’s', async () => {
    const user = userEvent.setup();
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    renderBoard(mine);
    await user.click(screen.getByRole('button', { name: 'New note' }));
    // The new note opens for writing; leave its editor as a user would before pressing Ctrl+Z.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Note text' })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('article', { name: /^Note by Mia Laurent/ })).toHaveFocus());
    act(() => {
      createNote(boardNotes(theirs), { phase: 'visions', text: 'Theirs', author: { id: 'p-jan', name: 'Jan', organisation: 'X' } });
    });
    await screen.findByRole('article', { name: 'Note by Jan: Theirs' });
    expect(listNotes(mine)).toHaveLength(2);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(listNotes(mine).map((n) => n.author?.name)).toEqual(['Jan']));
    expect(listNotes(theirs).map((n) => n.author?.name)).toEqual(['Jan']);

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(listNotes(mine)).toHaveLength(2));
  });

  it('is labelled with the phase it shows', () => {
    const control = new Y.Doc();
    setPhase(control, 'visions');
    const board = new Y.Doc();
    renderWorkshop(<Board phase="recommendations" themes={[]} readOnly={false} />, { board, control });
    expect(screen.getByRole('region', { name: 'Recommendations board' })).toBeInTheDocument();
  });
});
