import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { readPhaseQuestions, readSessionAgenda, readSettings, sessionsFromLocal, writeSettings, writeSetup } from '@crossboard/model';
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
});
