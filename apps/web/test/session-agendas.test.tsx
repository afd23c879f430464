import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import * as Y from 'yjs';
import { CROSS_BORDER_AGENDA, writeSettings, writeSetup, type AgendaItem } from '@crossboard/model';
import { AgendaPanel } from '../src/console/AgendaPanel.tsx';
import { AgendaView } from '../src/facilitation/AgendaView.tsx';
import { ME, renderWorkshop } from './render-workshop.tsx';

const MIN = 60_000;
// The session under way started five minutes ago; the next one is in a week.
const now = Math.floor(Date.now() / MIN) * MIN;
const onNow = { label: 'Session 1', start: now - 5 * MIN, end: now + 145 * MIN };
const nextWeek = { label: 'Session 2', start: now + 7 * 24 * 60 * MIN, end: now + (7 * 24 * 60 + 150) * MIN };
const ownAgenda: AgendaItem[] = [
  { kind: 'plenary', minutes: 40, label: 'Report back from session 1' },
  { kind: 'phase', phase: 'recommendations', minutes: 110 },
];

function control(sessionAgendas: { session: number; items: AgendaItem[] }[]): Y.Doc {
  const doc = new Y.Doc();
  writeSettings(doc, { sessions: [onNow, nextWeek] });
  writeSetup(doc, { agenda: CROSS_BORDER_AGENDA, sessionAgendas });
  return doc;
}

afterEach(() => localStorage.clear());

describe('an agenda for each session', () => {
  it('runs the console’s Now / Next from the agenda of the session that is on', () => {
    renderWorkshop(<AgendaPanel />, { control: control([{ session: onNow.start, items: ownAgenda }]), me: { ...ME, role: 'facilitator' } });
    const panel = screen.getByRole('region', { name: 'Agenda' });
    expect(within(panel).getByText(/^Report back from session 1 · /)).toBeInTheDocument();
    expect(within(panel).getByText(/^Recommendations · /)).toBeInTheDocument();
    expect(within(panel).queryByText(/Welcome and check-in/)).toBeNull();
  });

  it('shows a participant the agenda of the session they are in, and the shared one where a session has none', () => {
    const { unmount } = renderWorkshop(<AgendaView />, { control: control([{ session: onNow.start, items: ownAgenda }]) });
    let items = within(screen.getByRole('list', { name: /^Agenda, times in/ })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Report back from session 1'),
      expect.stringMatching(/Recommendations/),
    ]);
    unmount();

    // Only next week's session has its own: the one on now follows the workshop's agenda.
    renderWorkshop(<AgendaView />, { control: control([{ session: nextWeek.start, items: ownAgenda }]) });
    items = within(screen.getByRole('list', { name: /^Agenda, times in/ })).getAllByRole('listitem');
    expect(items).toHaveLength(CROSS_BORDER_AGENDA.length);
    expect(items[0]!.textContent).toMatch(/Welcome and check-in/);
  });
});
