import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardClusters, boardNotes, controlState, createCluster, createNote, ORIGIN, writeVoting } from '@crossboard/model';
import { useWorkshop } from '../src/shared/workshop-context.ts';
import { assignOnDrop } from '../src/facilitation/cluster-actions.ts';
import { Outline } from '../src/outline/Outline.tsx';
import { renderWorkshop } from './render-workshop.tsx';

const none = { painPoints: false, visions: false, recommendations: false };
const author = { id: 'p1', name: 'Ana', organisation: 'Galicia' };

describe('rank by votes in the outline', () => {
  it('lists the most-voted notes first once tallies are published', async () => {
    const user = userEvent.setup();
    const board = new Y.Doc();
    createNote(boardNotes(board), { phase: 'painPoints', text: 'Few votes', now: 1, author });
    const b = createNote(boardNotes(board), { phase: 'painPoints', text: 'Most votes', now: 2, author });
    const control = new Y.Doc();
    renderWorkshop(<Outline selected="painPoints" lockedPhases={none} />, { board, control });
    const texts = () =>
      within(screen.getByRole('region', { name: 'Not in a cluster' }))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('p')!.textContent);
    expect(texts()).toEqual(['Few votes', 'Most votes']);
    expect(screen.queryByRole('button', { name: 'Rank by votes' })).not.toBeInTheDocument();

    act(() => {
      writeVoting(control, { phase: 'painPoints', target: 'notes', votesPerPerson: 3, status: 'closed' });
      controlState(control).set('tallies', { [b]: 4 });
    });
    await user.click(screen.getAllByRole('button', { name: 'Rank by votes' })[0]!);
    expect(texts()).toEqual(['Most votes', 'Few votes']);
  });
});

function UndoButton() {
  const { undo } = useWorkshop();
  return (
    <button type="button" onClick={() => undo.undo()}>
      Undo
    </button>
  );
}

describe('dropping a note on a cluster frame', () => {
  it('assigns it to that cluster, in the same undo step as the move', async () => {
    const user = userEvent.setup();
    const board = new Y.Doc();
    const c = createCluster(boardClusters(board), { phase: 'visions', title: 'Data', x: 0, y: 0 });
    createNote(boardNotes(board), { phase: 'visions', text: 'Member', x: 0, y: 0, clusterId: c, author });
    const loose = createNote(boardNotes(board), { phase: 'visions', text: 'Loose', x: 1_000, y: 1_000, author });
    renderWorkshop(<UndoButton />, { board });

    // A drag is local moves followed by the drop; assignOnDrop joins them as one undo step.
    act(() => {
      board.transact(() => boardNotes(board).get(loose)!.set('x', 60), ORIGIN.local);
      board.transact(() => boardNotes(board).get(loose)!.set('y', 40), ORIGIN.local);
      expect(assignOnDrop(board, loose)).toBe(c);
    });
    expect(boardNotes(board).get(loose)!.get('clusterId')).toBe(c);

    // Dropped far from any frame: nothing changes.
    const other = createNote(boardNotes(board), { phase: 'visions', text: 'Far', x: 5_000, y: 5_000, author });
    expect(assignOnDrop(board, other)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(boardNotes(board).get(loose)!.get('clusterId')).toBeNull();
    expect(boardNotes(board).get(loose)!.get('x')).toBe(1_000);
  });
});
