import { afterEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardNotes, createNote, writeSettings } from '@crossboard/model';
import { Board } from '../src/board/Board.tsx';
import { useThemeFilter } from '../src/board/theme-filter.tsx';
import { Outline } from '../src/outline/Outline.tsx';
import { renderWorkshop } from './render-workshop.tsx';

const none = { painPoints: false, visions: false, recommendations: false };
afterEach(() => useThemeFilter.getState().setTheme(null));

function workshop() {
  const board = new Y.Doc();
  const control = new Y.Doc();
  writeSettings(control, { themes: ['Mobility', 'Sustainability'] });
  createNote(boardNotes(board), { phase: 'painPoints', text: 'Trains stop at the border', theme: 'Mobility' });
  createNote(boardNotes(board), { phase: 'painPoints', text: 'No shared climate data', theme: 'Sustainability' });
  createNote(boardNotes(board), { phase: 'painPoints', text: 'Pilots budgeted to fail' });
  return { board, control };
}

describe('the theme filter', () => {
  it('shows only one theme’s notes in the outline, or those without a theme', async () => {
    const user = userEvent.setup();
    renderWorkshop(<Outline selected="painPoints" lockedPhases={none} />, workshop());
    const filter = screen.getByRole('combobox', { name: 'Show theme' });
    await user.selectOptions(filter, 'Mobility');
    expect(screen.getByText('Trains stop at the border')).toBeInTheDocument();
    expect(screen.queryByText('No shared climate data')).not.toBeInTheDocument();
    expect(screen.queryByText('Pilots budgeted to fail')).not.toBeInTheDocument();
    await user.selectOptions(filter, 'Notes without a theme');
    expect(screen.getByText('Pilots budgeted to fail')).toBeInTheDocument();
    expect(screen.queryByText('Trains stop at the border')).not.toBeInTheDocument();
  });

  it('filters the board the same way, and follows a note whose theme changes', async () => {
    const user = userEvent.setup();
    const w = workshop();
    renderWorkshop(<Board phase="painPoints" themes={['Mobility', 'Sustainability']} readOnly={false} />, w);
    expect(screen.getAllByRole('article')).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show theme' }), 'Sustainability');
    expect(screen.getAllByRole('article')).toHaveLength(1);
    const loose = [...boardNotes(w.board).values()].find((n) => n.get('theme') === null)!;
    act(() => loose.set('theme', 'Sustainability'));
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });
});
