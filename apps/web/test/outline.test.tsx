import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { boardClusters, boardNotes, controlState, createCluster, createNote, listNotes } from '@crossboard/model';
import { Outline } from '../src/outline/Outline.tsx';
import { ME, renderWorkshop } from './render-workshop.tsx';

const none = { painPoints: false, visions: false, recommendations: false };

function boardWithCluster() {
  const board = new Y.Doc();
  const clusterId = createCluster(boardClusters(board), { phase: 'painPoints', title: 'Funding' });
  const a = createNote(boardNotes(board), {
    phase: 'painPoints',
    text: 'Pilots budgeted to fail',
    now: 1,
    author: { id: 'p1', name: 'Ana', organisation: 'Galicia' },
  });
  const b = createNote(boardNotes(board), {
    phase: 'painPoints',
    text: 'No learning loops',
    now: 2,
    author: { id: 'p2', name: 'Jan', organisation: 'Brno' },
  });
  return { board, clusterId, a, b };
}

describe('the outline view', () => {
  it('offers a participant the cluster picker only while participants may cluster', () => {
    const { board } = boardWithCluster();
    const { control } = renderWorkshop(<Outline selected="painPoints" lockedPhases={none} />, { board });
    expect(screen.queryByRole('combobox', { name: 'Assign to cluster' })).not.toBeInTheDocument();
    act(() => controlState(control).set('participantsMayCluster', true));
    expect(screen.getAllByRole('combobox', { name: 'Assign to cluster' })).toHaveLength(2);
  });

  it('assigns a note to a cluster from the keyboard', async () => {
    const user = userEvent.setup();
    const { board, clusterId, a } = boardWithCluster();
    renderWorkshop(<Outline selected="painPoints" lockedPhases={none} />, { board, me: { ...ME, role: 'facilitator' } });
    const funding = screen.getByRole('region', { name: 'Funding' });
    expect(within(funding).queryAllByRole('listitem')).toHaveLength(0);

    const select = screen.getAllByRole('combobox', { name: 'Assign to cluster' })[0]!;
    expect(select).toHaveAccessibleDescription('Pilots budgeted to fail');
    await user.tab();
    select.focus();
    await user.selectOptions(select, 'Funding');

    expect(boardNotes(board).get(a)!.get('clusterId')).toBe(clusterId);
    expect(within(screen.getByRole('region', { name: 'Funding' })).getByRole('listitem')).toHaveTextContent('Pilots budgeted to fail');
    expect(screen.getByText('Assigned to Funding')).toBeInTheDocument();
  });

  it('reorders notes with Move up / Move down', async () => {
    const user = userEvent.setup();
    const { board } = boardWithCluster();
    renderWorkshop(<Outline selected="painPoints" lockedPhases={none} />, { board });
    const second = screen.getAllByRole('button', { name: 'Move up' })[1]!;
    expect(second).toHaveAccessibleDescription('No learning loops');
    await user.click(second);
    expect(listNotes(board, 'painPoints').map((n) => n.author?.name)).toEqual(['Jan', 'Ana']);
  });

  it('writes a new note without a mouse, authored by me', async () => {
    const user = userEvent.setup();
    const { board } = boardWithCluster();
    renderWorkshop(<Outline selected="visions" lockedPhases={none} />, { board });
    await user.type(screen.getByRole('textbox', { name: 'New note for Future visions' }), 'Joint budgets for pilots');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const visions = listNotes(board, 'visions');
    expect(visions).toHaveLength(1);
    expect(visions[0]!.author?.name).toBe('Mia Laurent');
    expect(await screen.findByText('Joint budgets for pilots')).toBeInTheDocument();
  });
});
