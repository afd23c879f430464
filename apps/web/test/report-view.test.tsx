import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import ICAL from 'ical.js';
import {
  boardClusters,
  boardNotes,
  controlState,
  createCluster,
  createNote,
  createRecommendation,
  listRecommendations,
  publishTallies,
  sessionsFromLocal,
  writeSettings,
  zonedLocalToInstant,
} from '@crossboard/model';
import { ReportView } from '../src/report/ReportView.tsx';
import { AsyncWindowNotice } from '../src/report/AsyncWindowNotice.tsx';
import { connect, ME, renderWorkshop } from './render-workshop.tsx';
import type { LocalUser } from '../src/shared/workshop-context.ts';

const facilitator: LocalUser = { ...ME, id: 'p-fac', role: 'facilitator' };

function workshop() {
  const board = new Y.Doc();
  const control = new Y.Doc();
  const report = new Y.Doc();
  writeSettings(control, {
    title: 'Cross-border pilots',
    homeTimeZone: 'Europe/Paris',
    sessions: sessionsFromLocal([{ label: 'Session 1', start: '2021-06-03T15:30', end: '2021-06-03T18:00' }], 'Europe/Paris'),
  });
  const money = createCluster(boardClusters(board), { phase: 'painPoints', title: 'Money', now: 1 });
  createNote(boardNotes(board), {
    phase: 'painPoints',
    text: 'Pilots budgeted to fail',
    clusterId: money,
    now: 2,
    author: { id: 'p2', name: 'Ana', organisation: 'Alcaldía de Bogotá' },
  });
  const speed = createCluster(boardClusters(board), { phase: 'visions', title: 'Speed', now: 3 });
  const fund = createCluster(boardClusters(board), { phase: 'recommendations', title: 'A pooled fund', now: 4 });
  createNote(boardNotes(board), {
    phase: 'recommendations',
    text: 'Train civil servants together',
    now: 5,
    author: { id: 'p3', name: 'Tom', organisation: 'GMCA' },
  });
  return { board, control, report, ids: { money, speed, fund } };
}

function renderReport(w: ReturnType<typeof workshop>, me = facilitator) {
  return renderWorkshop(<ReportView report={w.report} token="t" title="" roomNames={[]} />, { board: w.board, control: w.control, me });
}

afterEach(() => vi.restoreAllMocks());

describe('the report room', () => {
  it('turns a recommendation cluster into a recommendation with links and action steps, from the keyboard', async () => {
    const user = userEvent.setup();
    const w = workshop();
    renderReport(w);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Create from a recommendation note or cluster' }),
      'Cluster: A pooled fund',
    );
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const card = screen.getByRole('article', { name: /Recommendation 1/ });
    expect(within(card).getByRole('textbox', { name: 'Title' })).toHaveValue('A pooled fund');

    await user.type(within(card).getByRole('textbox', { name: 'Title' }), ' for small partners');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Link a pain point' }), 'Cluster: Money');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Link a vision' }), 'Cluster: Speed');
    await user.click(within(card).getByRole('button', { name: 'Add an action step' }));
    await user.type(within(card).getByRole('textbox', { name: 'Action step 1' }), 'Map funds open to foreign partners');
    await user.type(within(card).getByRole('combobox', { name: 'Owner of step 1 (person or organisation)' }), 'GMCA');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Horizon of step 1' }), '100 days');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Status of step 1' }), 'Agreed');

    const [rec] = listRecommendations(w.report);
    expect(rec).toMatchObject({
      title: 'A pooled fund for small partners',
      sourceClusterId: w.ids.fund,
      painPointLinks: [w.ids.money],
      visionLinks: [w.ids.speed],
      actionSteps: [{ text: 'Map funds open to foreign partners', owner: 'GMCA', horizon: 'short', status: 'agreed' }],
    });
    await user.click(within(card).getByRole('button', { name: 'Unlink “Cluster: Money”' }));
    expect(listRecommendations(w.report)[0]!.painPointLinks).toEqual([]);
  });

  it('shows another organiser’s edits live, and lets a participant only read unless the facilitator allows writing', async () => {
    const w = workshop();
    const mine = new Y.Doc();
    const disconnect = connect(w.report, mine);
    createRecommendation(mine, { title: 'Budget pilots assuming success', description: 'Reserve scale-up funds' });
    renderReport(w, { ...ME, role: 'participant' });
    const card = await screen.findByRole('article', { name: /Recommendation 1/ });
    expect(within(card).getByRole('textbox', { name: 'Title' })).toHaveValue('Budget pilots assuming success');
    expect(within(card).getByRole('textbox', { name: 'Title' })).toHaveAttribute('readonly');
    expect(screen.getByText('You can read the report; the facilitator and organisers write it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add an action step' })).toBeNull();
    await waitFor(() =>
      expect(within(card).getByRole('textbox', { name: 'Description of “Budget pilots assuming success”' })).toHaveTextContent(
        'Reserve scale-up funds',
      ),
    );

    act(() => controlState(w.control).set('participantsMayEditReport', true));
    expect(within(card).getByRole('textbox', { name: 'Title' })).not.toHaveAttribute('readonly');
    expect(within(card).getByRole('button', { name: 'Add an action step' })).toBeInTheDocument();
    disconnect();
  });

  it('orders recommendations by the votes of the recommendations phase once tallies exist', async () => {
    const w = workshop();
    createRecommendation(w.report, { title: 'First written', sourceClusterId: null });
    createRecommendation(w.report, { title: 'Most voted', sourceClusterId: w.ids.fund });
    renderReport(w);
    const titles = () => screen.getAllByRole('textbox', { name: 'Title' }).map((i) => (i as HTMLInputElement).value);
    expect(titles()).toEqual(['First written', 'Most voted']);
    act(() => publishTallies(w.control, { [w.ids.fund]: 6 }));
    expect(titles()).toEqual(['Most voted', 'First written']);
    expect(screen.getByRole('article', { name: /Recommendation 1.*6 votes/ })).toBeInTheDocument();
  });

  it('shows the schedule in the viewer’s zone with the organiser’s time beside it, and downloads a valid .ics', async () => {
    const user = userEvent.setup();
    const w = workshop();
    let saved: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:calendar';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderReport(w, { ...facilitator, timeZone: 'Australia/Brisbane' });
    const schedule = screen.getByRole('region', { name: 'Schedule' });
    expect(schedule).toHaveTextContent(
      'Session 1 Thu, Jun 3, 11:30 PM–02:00 AM your time (Australia/Brisbane) · Organiser: Thu 03:30 PM–06:00 PM (Europe/Paris)',
    );
    await user.click(within(schedule).getByRole('button', { name: 'Add Session 1 to my calendar (.ics)' }));
    const ics = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved!);
    });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2021-06-03T13:30:00.000Z');
  });

  it('lets the facilitator open an async window in their zone; a reader elsewhere sees when it closes in theirs', async () => {
    const user = userEvent.setup();
    const w = workshop();
    const { unmount } = renderReport(w);
    const async = screen.getByRole('region', { name: 'Asynchronous contributions' });
    // Across the October clock change in Paris: the close is in winter time.
    await user.type(within(async).getByLabelText('Pain points: opens'), '2021-10-30T10:00');
    await user.type(within(async).getByLabelText('Pain points: closes'), '2021-11-01T10:00');
    await user.click(within(async).getByRole('button', { name: 'Open Pain points' }));
    const closesAt = zonedLocalToInstant('2021-11-01T10:00', 'Europe/Paris');
    expect(controlState(w.control).get('asyncWindows')).toEqual({ painPoints: { opensAt: Date.UTC(2021, 9, 30, 8), closesAt } });
    expect(new Date(closesAt).toISOString()).toBe('2021-11-01T09:00:00.000Z');
    unmount();

    vi.useFakeTimers({ now: Date.UTC(2021, 9, 31, 12), toFake: ['Date'] });
    try {
      renderWorkshop(<AsyncWindowNotice phase="painPoints" />, {
        board: w.board,
        control: w.control,
        me: { ...ME, timeZone: 'America/New_York' },
      });
      expect(screen.getByRole('status')).toHaveTextContent('Open for contributions until Monday, November 1 at 05:00 AM (your time).');
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a participant between sessions that the board is closed, and when it opens again', () => {
    const w = workshop();
    vi.useFakeTimers({ now: Date.UTC(2021, 5, 1, 12), toFake: ['Date'] });
    try {
      renderWorkshop(<AsyncWindowNotice phase="painPoints" />, {
        board: w.board,
        control: w.control,
        me: { ...ME, timeZone: 'Pacific/Fiji' },
      });
      // Session 1 starts 13:30 UTC on 3 June; the board opens 30 minutes before: 01:00 on 4 June in Fiji.
      expect(screen.getByRole('status')).toHaveTextContent(
        'This board is closed between sessions. It opens again Friday, June 4 at 01:00 AM (your time).',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
