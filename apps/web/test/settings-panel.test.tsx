import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import {
  readOwnSessionAgendas,
  readPhaseQuestions,
  readSessionAgenda,
  readSettings,
  sessionsFromLocal,
  writeSettings,
  writeSetup,
} from '@crossboard/model';
import { SettingsPanel } from '../src/console/SettingsPanel.tsx';
import { PhaseQuestion } from '../src/facilitation/PhaseQuestion.tsx';
import { connect, ME, renderWorkshop } from './render-workshop.tsx';

describe('the console’s Settings panel', () => {
  it('changes the question, sessions and agenda for everyone at once', async () => {
    const user = userEvent.setup();
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    writeSettings(mine, {
      title: 'Cross-border',
      homeTimeZone: 'Europe/Paris',
      sessions: sessionsFromLocal([{ label: 'Session 1', start: '2027-06-03T15:30', end: '2027-06-03T18:00' }], 'Europe/Paris'),
    });
    writeSetup(mine, {
      phaseQuestions: { painPoints: 'What is hard?', visions: '', recommendations: '' },
      agenda: [{ kind: 'welcome', minutes: 15 }],
    });
    renderWorkshop(<SettingsPanel people={[]} />, { control: mine, me: { ...ME, role: 'facilitator' } });
    renderWorkshop(<PhaseQuestion phase="painPoints" />, { control: theirs });
    expect(screen.getByText('What is hard?')).toBeInTheDocument();

    await user.click(screen.getByText('Settings'));
    const question = await screen.findByLabelText('Question for Pain points');
    await user.clear(question);
    await user.type(question, 'What makes working across borders hard?');
    await user.clear(screen.getByLabelText('Ends'));
    await user.type(screen.getByLabelText('Ends'), '18:30');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('What makes working across borders hard?', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText('Saved. Everyone sees the changes now.')).toBeInTheDocument();
    expect(readPhaseQuestions(theirs).painPoints).toBe('What makes working across borders hard?');
    expect(readSettings(theirs).sessions[0]).toMatchObject({ label: 'Session 1', end: Date.UTC(2027, 5, 3, 16, 30) });
    expect(readSessionAgenda(theirs)).toHaveLength(2);
  });

  it('edits a later session’s own agenda and keeps it with the session when its time moves', async () => {
    const user = userEvent.setup();
    const control = new Y.Doc();
    const sessions = sessionsFromLocal(
      [
        { label: 'Session 1', start: '2027-06-03T15:30', end: '2027-06-03T18:00' },
        { label: 'Session 2', start: '2027-06-07T09:00', end: '2027-06-07T11:30' },
      ],
      'Europe/Paris',
    );
    writeSettings(control, { title: 'Cross-border', homeTimeZone: 'Europe/Paris', sessions });
    writeSetup(control, {
      agenda: [{ kind: 'welcome', minutes: 15 }],
      sessionAgendas: [{ session: sessions[1]!.start, items: [{ kind: 'plenary', minutes: 30 }] }],
    });
    renderWorkshop(<SettingsPanel people={[]} />, { control, me: { ...ME, role: 'facilitator' } });
    await user.click(screen.getByText('Settings'));

    await user.selectOptions(await screen.findByLabelText('Agenda of'), 'Session 2');
    expect(screen.getByText('Session 2 has its own agenda.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Item 1: what' })).toHaveValue('plenary');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    // Session 2 now starts an hour later: its agenda moves with it.
    const second = screen.getByRole('group', { name: 'Session 2' });
    await user.clear(within(second).getByLabelText('Starts'));
    await user.type(within(second).getByLabelText('Starts'), '10:00');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved. Everyone sees the changes now.');

    expect(readOwnSessionAgendas(control)).toEqual([
      {
        session: Date.UTC(2027, 5, 7, 8, 0),
        items: [
          { kind: 'plenary', minutes: 30 },
          { kind: 'other', minutes: 10 },
        ],
      },
    ]);
    expect(readSessionAgenda(control)).toEqual([{ kind: 'welcome', minutes: 15 }]);
  });
});
