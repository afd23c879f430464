import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import * as Y from 'yjs';
import {
  boardNotes,
  createCluster,
  boardClusters,
  createNote,
  listClusters,
  listNotes,
  writeVoting,
  writeVotingRound,
} from '@crossboard/model';
import { saveCredential } from '../src/api/credentials.ts';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { ClusterSuggestions } from '../src/console/ClusterSuggestions.tsx';
import { ClusterPanel } from '../src/console/ClusterPanel.tsx';
import { ConsolePage } from '../src/console/ConsolePage.tsx';
import { VotingPanel } from '../src/facilitation/VotingPanel.tsx';
import { useVotes } from '../src/facilitation/votes-store.ts';
import { useWorkshop, type LocalUser } from '../src/shared/workshop-context.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

const FACILITATOR: LocalUser = { ...ME, id: 'p-fac', name: 'Fatima Idrissi', role: 'facilitator' };
const author = { id: 'p-jan', name: 'Jan Novák', organisation: 'Ministry' };

afterEach(() => vi.unstubAllGlobals());

/** The board's own undo history (WorkshopProvider's UndoManager), as the toolbar's Undo uses it. */
function UndoButton() {
  const { undo } = useWorkshop();
  return (
    <button type="button" onClick={() => undo.undo()}>
      Undo
    </button>
  );
}

describe('dot voting for a participant', () => {
  beforeEach(() => {
    useVotes.getState().clear();
    saveCredential('w1', { token: 'tok-me', personId: 'p-me', role: 'participant' });
  });

  /** Keeps my ballot like the server does and answers with `{ votes, remaining }`. */
  function votingServer(perPerson: number) {
    const votes: Record<string, number> = {};
    const mine = () => ({ body: { votes: { ...votes }, remaining: perPerson - Object.values(votes).reduce((a, b) => a + b, 0) } });
    return interceptFetch((c) => {
      if (c.url === '/api/workshops/w1/votes/mine') return mine();
      if (c.method === 'POST' && c.url === '/api/workshops/w1/votes') {
        const id = (c.body as { itemId: string }).itemId;
        votes[id] = (votes[id] ?? 0) + 1;
        return { status: 201, ...mine() };
      }
      const m = c.method === 'DELETE' && c.url.match(/votes\/(.+)$/);
      if (m) {
        votes[m[1]!] = (votes[m[1]!] ?? 1) - 1;
        return mine();
      }
      return undefined;
    });
  }

  it('shows my dots left, spends them, and disables voting at zero until one is taken back', async () => {
    const calls = votingServer(2);
    const user = userEvent.setup();
    const board = new Y.Doc();
    const a = createNote(boardNotes(board), { phase: 'painPoints', text: 'No learning loops', author });
    createNote(boardNotes(board), { phase: 'painPoints', text: 'Pilots budgeted to fail', author });
    const control = new Y.Doc();
    writeVoting(control, { phase: 'painPoints', target: 'notes', votesPerPerson: 2, status: 'open' });
    renderWorkshop(<VotingPanel phase="painPoints" />, { board, control });

    expect(await screen.findByText('You have 2 of 2 dots left.')).toBeInTheDocument();
    const voteA = screen.getByRole('button', { name: 'Put a dot on “No learning loops”' });
    await user.click(voteA);
    expect(await screen.findByText('You have 1 of 2 dots left.')).toBeInTheDocument();
    await user.click(voteA);
    expect(await screen.findByText('You have 0 of 2 dots left.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Put a dot on “No learning loops”' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Put a dot on “Pilots budgeted to fail”' })).toBeDisabled();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/workshops/w1/votes', body: { itemId: a }, auth: 'Bearer tok-me' },
      { method: 'POST', url: '/api/workshops/w1/votes', body: { itemId: a }, auth: 'Bearer tok-me' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Take a dot back from “No learning loops”' }));
    expect(await screen.findByText('You have 1 of 2 dots left.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Put a dot on “Pilots budgeted to fail”' })).toBeEnabled();
  });

  it('shows the published tallies, ranked, once voting closes', async () => {
    votingServer(3);
    const board = new Y.Doc();
    const a = createNote(boardNotes(board), { phase: 'painPoints', text: 'No learning loops', author });
    const b = createNote(boardNotes(board), { phase: 'painPoints', text: 'Pilots budgeted to fail', author });
    const control = new Y.Doc();
    writeVoting(control, { phase: 'painPoints', target: 'notes', votesPerPerson: 3, status: 'open' });
    renderWorkshop(<VotingPanel phase="painPoints" />, { board, control });
    await screen.findByText('You have 3 of 3 dots left.');
    act(() => {
      control.transact(() => {
        writeVoting(control, { phase: 'painPoints', target: 'notes', votesPerPerson: 3, status: 'closed' });
        control.getMap('state').set('tallies', { [a]: 2, [b]: 5 });
      });
    });
    const results = within(await screen.findByRole('region', { name: 'Round 1: Pain points · Notes' })).getAllByRole('listitem');
    expect(results.map((r) => r.textContent)).toEqual(['1. Pilots budgeted to fail 5 votes', '2. No learning loops 2 votes']);
  });

  it('keeps the pain points’ results on their board after the visions vote opens and closes', () => {
    const board = new Y.Doc();
    const a = createNote(boardNotes(board), { phase: 'painPoints', text: 'No learning loops', author });
    const v = createNote(boardNotes(board), { phase: 'visions', text: 'Shared data spaces', author });
    const control = new Y.Doc();
    const round = {
      target: 'notes' as const,
      votesPerPerson: 3,
      maxPerItem: null,
      status: 'closed' as const,
      closedAt: Date.UTC(2021, 5, 3, 14, 10),
    };
    writeVotingRound(control, { ...round, id: 'round-a', phase: 'painPoints', openedAt: 1, tallies: { [a]: 4 } });
    writeVotingRound(control, { ...round, id: 'round-b', phase: 'visions', openedAt: 2, tallies: { [v]: 1 } });
    writeVoting(control, { phase: 'visions', target: 'notes', votesPerPerson: 3, status: 'closed', roundId: 'round-b' });
    renderWorkshop(<VotingPanel phase="painPoints" />, { board, control });
    const results = within(screen.getByRole('region', { name: 'Round 1: Pain points · Notes' })).getAllByRole('listitem');
    expect(results.map((r) => r.textContent)).toEqual(['1. No learning loops 4 votes']);
  });
});

describe('clustering in the console', () => {
  it('suggests clusters; accepting one creates it with those notes, and undo takes it back', async () => {
    const user = userEvent.setup();
    const board = new Y.Doc();
    const texts = [
      'Procurement rules block cross-border procurement',
      'Cross-border procurement rules differ on each side',
      'Procurement rules make cross-border purchasing impossible',
      'Pilots are budgeted as if they will fail',
      'Budgets for pilots assume failure',
    ];
    const ids = texts.map((text) => createNote(boardNotes(board), { phase: 'painPoints', text, author }));
    renderWorkshop(
      <>
        <UndoButton />
        <ClusterSuggestions phase="painPoints" />
        <ClusterPanel phase="painPoints" />
      </>,
      { board, me: FACILITATOR },
    );
    await user.click(screen.getByRole('button', { name: 'Suggest clusters' }));
    const first = screen.getAllByRole('listitem', { name: /^Suggestion: / })[0]!;
    expect(within(first).getAllByRole('listitem')).toHaveLength(3);

    await user.click(within(first).getByRole('button', { name: 'Edit title' }));
    const title = within(first).getByRole('textbox', { name: 'Edit title' });
    await user.clear(title);
    await user.type(title, 'Procurement{Enter}');
    await user.click(
      within(screen.getAllByRole('listitem', { name: /^Suggestion: / })[0]!).getByRole('button', { name: 'Accept “Procurement”' }),
    );

    const clusters = listClusters(board, 'painPoints');
    expect(clusters.map((c) => c.title)).toEqual(['Procurement']);
    expect(
      listNotes(board, 'painPoints')
        .filter((n) => n.clusterId === clusters[0]!.id)
        .map((n) => n.id)
        .sort(),
    ).toEqual(ids.slice(0, 3).sort());
    expect(screen.getByRole('textbox', { name: 'Cluster title' })).toHaveValue('Procurement');
    expect(screen.getAllByRole('listitem', { name: /^Suggestion: / })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(listClusters(board)).toHaveLength(0);
    expect(listNotes(board).every((n) => n.clusterId === null)).toBe(true);
  });

  it('merges one cluster into another and takes a note out of it', async () => {
    const user = userEvent.setup();
    const board = new Y.Doc();
    const c1 = createCluster(boardClusters(board), { phase: 'visions', title: 'Data' });
    const c2 = createCluster(boardClusters(board), { phase: 'visions', title: 'Open data' });
    const n1 = createNote(boardNotes(board), { phase: 'visions', text: 'One data space', clusterId: c1, author });
    const n2 = createNote(boardNotes(board), { phase: 'visions', text: 'Shared registries', clusterId: c2, author });
    renderWorkshop(<ClusterPanel phase="visions" />, { board, me: FACILITATOR });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Merge “Open data” into…' }), c1);
    expect(listClusters(board).map((c) => c.id)).toEqual([c1]);
    expect(listNotes(board).map((n) => n.clusterId)).toEqual([c1, c1]);

    // A short name for each "Take out", the note it acts on as its description.
    const takeOut = screen.getAllByRole('button', { name: 'Take out' });
    expect(
      // Notes created in the same millisecond are listed by id, which is random: compare as a set.
      takeOut
        .map((b) => b.getAttribute('aria-describedby') && document.getElementById(b.getAttribute('aria-describedby')!)?.textContent)
        .sort(),
    ).toEqual(['One data space', 'Shared registries']);
    await user.click(screen.getByRole('button', { name: 'Take out', description: 'Shared registries' }));
    expect(boardNotes(board).get(n2)!.get('clusterId')).toBeNull();
    expect(boardNotes(board).get(n1)!.get('clusterId')).toBe(c1);
  });
});

describe('the console page', () => {
  it('tells a participant it is for facilitators only, and opens nothing', () => {
    const calls = interceptFetch(() => undefined);
    saveCredential('w1', { token: 'tok-me', personId: 'p-me', role: 'participant' });
    setLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <ConsolePage workshopId="w1" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Facilitators only' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the board' })).toHaveAttribute('href', '/w/w1');
    expect(calls).toHaveLength(0);
  });
});
