import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardNotes, createNote } from '@crossboard/model';
import { NoteCard } from '../src/board/NoteCard.tsx';
import { renderWorkshop } from './render-workshop.tsx';

function boardWithNote() {
  const board = new Y.Doc();
  const id = createNote(boardNotes(board), {
    phase: 'painPoints',
    text: 'Pilots are budgeted as if they will fail',
    x: 100,
    y: 200,
    author: { id: 'p-ana', name: 'Ana Souza', organisation: 'Region of Galicia' },
  });
  return { board, id, note: boardNotes(board).get(id)! };
}

describe('a note on the board', () => {
  it('shows its text, author and organisation, and is named for screen readers', () => {
    const { board, id } = boardWithNote();
    renderWorkshop(<NoteCard id={id} themes={[]} readOnly={false} />, { board });
    const note = screen.getByRole('article', { name: 'Note by Ana Souza: Pilots are budgeted as if they will fail' });
    expect(note).toHaveTextContent('Ana Souza');
    expect(note).toHaveTextContent('Region of Galicia');
  });

  it('writes a new colour into the note’s Y.Map', async () => {
    const user = userEvent.setup();
    const { board, id, note } = boardWithNote();
    renderWorkshop(<NoteCard id={id} themes={[]} readOnly={false} />, { board });
    await user.click(screen.getByRole('button', { name: 'Colour: Blue' }));
    expect(note.get('colour')).toBe('blue');
    expect(screen.getByRole('button', { name: 'Colour: Blue' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('moves with Alt+arrow keys, further with Shift (plain arrows go to the next note)', async () => {
    const user = userEvent.setup();
    const { board, id, note } = boardWithNote();
    renderWorkshop(<NoteCard id={id} themes={[]} readOnly={false} />, { board });
    screen.getByRole('article').focus();
    await user.keyboard('{ArrowRight}');
    expect([note.get('x'), note.get('y')]).toEqual([100, 200]);
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect([note.get('x'), note.get('y')]).toEqual([110, 200]);
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect([note.get('x'), note.get('y')]).toEqual([110, 250]);
    await user.keyboard('{Alt>}{ArrowLeft}{ArrowUp}{/Alt}');
    expect([note.get('x'), note.get('y')]).toEqual([100, 240]);
  });

  it('tags the note with one of the workshop’s themes', async () => {
    const user = userEvent.setup();
    const { board, id, note } = boardWithNote();
    renderWorkshop(<NoteCard id={id} themes={['Mobility', 'Data sharing']} readOnly={false} />, { board });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Data sharing');
    expect(note.get('theme')).toBe('Data sharing');
  });

  it('follows a remote colour change live', async () => {
    const { board, id, note } = boardWithNote();
    renderWorkshop(<NoteCard id={id} themes={[]} readOnly={false} />, { board });
    board.transact(() => note.set('colour', 'green'), 'remote');
    expect(await screen.findByRole('button', { name: 'Colour: Green' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('article')).toHaveClass('note--green');
  });
});
