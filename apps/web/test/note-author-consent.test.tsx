import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardNotes, createNote } from '@crossboard/model';
import { NoteCard } from '../src/board/NoteCard.tsx';
import { renderWorkshop } from './render-workshop.tsx';

/**
 * Issue 15: the server stamps a note's organisation only when its author shows it in the
 * directory (an empty organisation otherwise), and rewrites the stamp when they change their mind.
 */
describe('a note’s author line', () => {
  it('shows the name alone when the organisation is not shown, and follows a rewritten stamp live', () => {
    const board = new Y.Doc();
    const id = createNote(boardNotes(board), {
      phase: 'painPoints',
      text: 'Pilots are budgeted as if they will fail',
      author: { id: 'p-ana', name: 'Ana Souza', organisation: 'Region of Galicia' },
    });
    const { container } = renderWorkshop(<NoteCard id={id} themes={[]} readOnly={false} />, { board });
    const note = screen.getByRole('article', { name: 'Note by Ana Souza: Pilots are budgeted as if they will fail' });
    expect(note).toHaveTextContent('Region of Galicia');

    // She withdraws: the server's change arrives as a new stamp with an empty organisation.
    act(() => boardNotes(board).get(id)!.set('author', { id: 'p-ana', name: 'Ana Souza', organisation: '' }));
    expect(note).toHaveTextContent('Ana Souza');
    expect(note).not.toHaveTextContent('Region of Galicia');
    expect(container.querySelector('.note__org')).toBeNull();
    // No stray separator or empty element where the organisation was.
    expect(container.querySelector('.note__meta')!.textContent!.startsWith('Ana Souza')).toBe(true);
  });
});
